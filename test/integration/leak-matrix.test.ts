/**
 * The leak matrix: for every role × department × territory (and enterprise
 * users, and anonymous callers), queries generated from the schema over every
 * root list and its relations, and node(id) with ids of records in and out of
 * scope, must return nothing outside the caller's territory, sector or
 * catalogue and nothing unmasked that the catalogue masks. The catalogue is
 * the statement of policy; this test proves the hub enforces it on every path.
 * One rule is stated here on its own, so that it holds whatever the catalogue
 * says: outside the emergency bureau, a government reader sees an enterprise's
 * file only when its department regulates the enterprise's sector (条).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canReadDataset, datasetOf, fieldAccess, loadCatalog, mutualAidPartners, readGrant, rowScope, type DevTokenRequest, type Principal } from "../../src/access/index.js";
import { isWithinDivision } from "../../src/core/division.js";
import { hubSchema } from "../../src/graph/schema.js";
import { CATALOG_FILE } from "../../src/config/paths.js";
import { entitiesQuery, nodesQuery, rootListsQuery } from "../helpers/selection.js";
import { startTestHub, type TestHub } from "../helpers/start-server.js";

type Obj = Record<string, unknown>;
const catalog = loadCatalog(CATALOG_FILE);
const ROLES = ["ADMIN", "SUPERVISOR", "INSPECTOR", "ANALYST", "SERVICE"] as const;
const DEPARTMENTS = ["EMERGENCY", "WATER", "METEOROLOGY", "NATURAL_RESOURCES", "TRANSPORT", "HOUSING"] as const;
/** The records of an enterprise's file, open to a department by the sector of the enterprise. */
const ENTERPRISE_FILE = new Set(["Enterprise", "RiskPoint", "MajorHazardSource", "Hazard", "HazardEvent", "MonitoringPoint", "MonitoringAlarm", "MonitoringAlarmEvent"]);
const TERRITORIES = ["410106", "4102", "410505"];

interface Case {
  name: string;
  request: DevTokenRequest | null;
  principal: Principal;
}

let t: TestHub;
let cases: Case[] = [];
let listsQuery: string;
/** Ids of records of every Node type, with the region each lies in (from an unrestricted read). */
let probes: Array<{ id: string; type: string; region: string | null; enterprise: string | null; sector: string | null }> = [];
/** The sector of every enterprise, from an unrestricted read. */
const sectorOfEnterprise = new Map<string, string>();

const principalOf = (request: DevTokenRequest | null): Principal =>
  request === null
    ? { subject: "anonymous", department: null, roles: [], territory: "", enterpriseCode: null, anonymous: true, issuer: null, expiresAt: null }
    : {
        subject: "leak-matrix",
        department: request.department ?? null,
        roles: request.roles,
        territory: request.region ?? (request.enterprise ? request.enterprise.slice(2, 8).replace(/(00)+$/, "") : ""),
        enterpriseCode: request.enterprise ?? null,
        anonymous: false,
        issuer: "emhub-dev",
        expiresAt: null,
      };

beforeAll(async () => {
  t = await startTestHub({ limits: { maxDepth: 12, maxAliases: 60, maxCost: 100_000_000, pageMax: 500, maxTokens: 1_000_000, maxAggregates: 10, maxEntities: 1_000, wsMaxBytes: 1 << 20, wsMaxOperations: 50, wsMaxPerClient: 200 } });
  const schema = await hubSchema();
  listsQuery = rootListsQuery(schema, 500, 2);
  const admin = await t.signToken({ department: "EMERGENCY", roles: ["ADMIN"] });
  const all = await t.request(listsQuery, undefined, admin);
  expect(all.errors).toBeUndefined();
  for (const o of collect(all.data as Obj)) if (o.__typename === "Enterprise") sectorOfEnterprise.set(o.creditCode as string, o.sector as string);
  probes = collect(all.data as Obj).filter((o) => typeof o.id === "string" && datasetOf(catalog, o.__typename as string)?.fields.id !== undefined)
    .map((o) => ({ id: o.id as string, type: o.__typename as string, region: regionOf(o), enterprise: (o.creditCode ?? o.enterpriseCode ?? null) as string | null, sector: sectorOf(o) }));
  const enterpriseCodes = ["410106", "4102", "410505"].map((prefix) => probes.find((p) => p.type === "Enterprise" && p.region?.startsWith(prefix))?.enterprise).filter((c): c is string => !!c);
  const requests: Array<[string, DevTokenRequest | null]> = [["anonymous", null]];
  for (const role of ROLES) for (const department of DEPARTMENTS) for (const region of TERRITORIES) requests.push([`${department} ${role} ${region}`, { department, roles: [role], region }]);
  for (const code of enterpriseCodes) requests.push([`ENTERPRISE ${code}`, { department: null, roles: ["ENTERPRISE"], enterprise: code }]);
  cases = requests.map(([name, request]) => ({ name, request, principal: principalOf(request) }));
});

afterAll(async () => {
  await t?.stop();
});

/** Every object in a result, depth first, with the region of the nearest located ancestor. */
function collect(value: unknown, out: Obj[] = []): Obj[] {
  if (Array.isArray(value)) value.forEach((v) => collect(v, out));
  else if (value && typeof value === "object") {
    const obj = value as Obj;
    if (typeof obj.__typename === "string") out.push(obj);
    Object.values(obj).forEach((v) => collect(v, out));
  }
  return out;
}

function regionOf(o: Obj): string | null {
  if (typeof o.regionCode === "string") return o.regionCode;
  if (Array.isArray(o.regionCodes)) return (o.regionCodes as string[]).join(",");
  return null;
}

/** The sector of an enterprise's record: its own, or its enterprise's. */
function sectorOf(o: Obj): string | null {
  if (typeof o.sector === "string") return o.sector;
  const code = (o.creditCode ?? o.enterpriseCode) as string | undefined;
  return code ? (sectorOfEnterprise.get(code) ?? null) : null;
}

/** The sector rule, independent of the catalogue's read rules: a department other than EMERGENCY reads only the files of the sectors it regulates. */
function sectorRuleBroken(principal: Principal, type: string, sector: string | null): boolean {
  if (!ENTERPRISE_FILE.has(type) || sector === null || principal.department === null || principal.department === "EMERGENCY") return false;
  if (principal.roles.includes("ADMIN") || principal.roles.includes("ENTERPRISE")) return false;
  return !(catalog.sectors[principal.department] ?? []).includes(sector);
}

/** Response resources, read across the city for mutual aid (the catalogue's mutualAid). */
const RESPONSE_RESOURCES = new Set(["Shelter", "RescueTeam", "TeamMember", "SupplyDepot", "SupplyItem"]);

/**
 * The territory rule, independent of the catalogue: outside ADMIN, a government reader reads an
 * enterprise's file in its own territory only, and response resources in its own city at most.
 */
function territoryRuleBroken(principal: Principal, type: string, region: string | null): boolean {
  if (region === null || principal.anonymous || principal.department === null || principal.roles.includes("ADMIN") || principal.roles.includes("ENTERPRISE")) return false;
  if (ENTERPRISE_FILE.has(type)) return !inTerritory(region, principal.territory);
  // its own city, and across the city line only the partners the catalogue names for it
  if (RESPONSE_RESOURCES.has(type)) return ![principal.territory.slice(0, 4), ...mutualAidPartners(catalog, principal.territory)].some((reach) => inTerritory(region, reach));
  return false;
}

function inTerritory(region: string, territory: string): boolean {
  // a warning lies in a territory when an area is inside it or covers it
  return region.split(",").some((code) => isWithinDivision(code, territory) || isWithinDivision(territory.padEnd(6, "0"), code));
}

function violations(c: Case, data: Obj): string[] {
  const found: string[] = [];
  for (const o of collect(data)) {
    const type = o.__typename as string;
    if (!datasetOf(catalog, type)) continue;
    const at = `${type} ${String(o.id ?? o.code ?? "")}`;
    if (!canReadDataset(catalog, c.principal, type)) {
      found.push(`${at}: dataset not readable but returned`);
      continue;
    }
    const scope = rowScope(catalog, c.principal, type);
    const region = regionOf(o);
    // public data is a floor: a row outside the reader's scope is one the public reads, with what the public reads of it
    const publicRow = !scope.deny && scope.publicFloor !== null && Object.entries(scope.publicFloor).every(([field, value]) => o[field] === undefined || o[field] === value);
    if (publicRow && region !== null && scope.territory && ![scope.territory, ...scope.partners].some((reach) => inTerritory(region, reach))) {
      for (const [field, value] of Object.entries(o))
        if (field !== "__typename" && value !== null && datasetOf(catalog, type)!.fields[field] !== "PUBLIC") found.push(`${at}.${field}: beyond PUBLIC on a row outside ${scope.territory}`);
      continue;
    }
    if (!scope.deny && scope.territory && region !== null && ![scope.territory, ...scope.partners].some((reach) => inTerritory(region, reach))) found.push(`${at}: region ${region} outside ${scope.territory}`);
    const sector = sectorOf(o);
    if (!scope.deny && scope.sectors && sector !== null && !scope.sectors.includes(sector)) found.push(`${at}: sector ${sector} outside ${scope.sectors.join("/")}`);
    if (sectorRuleBroken(c.principal, type, sector)) found.push(`${at}: ${c.principal.department} does not regulate ${sector}`);
    if (territoryRuleBroken(c.principal, type, region)) found.push(`${at}: region ${region} is beyond what ${c.principal.territory} may read`);
    const owner = (o.creditCode ?? o.enterpriseCode) as string | undefined;
    if (!scope.deny && scope.enterpriseCode && owner !== undefined && owner !== scope.enterpriseCode) found.push(`${at}: enterprise ${owner} is not ${scope.enterpriseCode}`);
    if (!scope.deny && scope.grant === "PUBLIC" && type === "Warning" && o.status !== undefined && o.status !== "ACTIVE") found.push(`${at}: public reader sees status ${String(o.status)}`);
    const ownEnterprise = readGrant(catalog, c.principal, type) === "ENTERPRISE";
    for (const [field, value] of Object.entries(o)) {
      if (field === "__typename" || value === null) continue;
      const access = fieldAccess(catalog, c.principal, type, field, { ownEnterprise });
      if (access === "hidden") found.push(`${at}.${field}: hidden field has a value`);
      if (access === "masked" && !(typeof value === "string" && value.includes("*"))) found.push(`${at}.${field}: unmasked ${JSON.stringify(value)}`);
    }
  }
  return found;
}

describe("leak matrix", () => {
  it("covers enough principals and records to mean something", () => {
    expect(cases.length).toBeGreaterThanOrEqual(1 + ROLES.length * DEPARTMENTS.length * TERRITORIES.length + 3);
    const types = new Set(probes.map((p) => p.type));
    for (const type of ["Enterprise", "RiskPoint", "Hazard", "Shelter", "RescueTeam", "SupplyDepot", "Warning", "HydroStation", "GeoHazardPoint", "RoadHazard", "MonitoringPoint", "MonitoringAlarm", "MonitoringAlarmEvent", "EmergencyPlan", "Expert", "DisasterEvent", "DisasterReport", "DutyShift", "InformationOfficer"]) expect(types).toContain(type);
  });

  it("root lists and their relations return nothing out of scope or unmasked", async () => {
    const problems: string[] = [];
    let rowsSeenByNonAdmins = 0;
    let filesSeenBySectorRegulators = 0;
    for (const c of cases) {
      const token = c.request ? await t.signToken(c.request) : undefined;
      const res = await t.request(listsQuery, undefined, token);
      if (res.errors) problems.push(`${c.name}: ${res.errors.map((e) => e.message).join("; ")}`);
      const data = (res.data ?? {}) as Obj;
      if (!c.principal.roles.includes("ADMIN")) rowsSeenByNonAdmins += collect(data).length;
      if (c.principal.department !== null && c.principal.department !== "EMERGENCY" && !c.principal.roles.includes("ADMIN")) {
        filesSeenBySectorRegulators += collect(data).filter((o) => ENTERPRISE_FILE.has(o.__typename as string)).length;
      }
      problems.push(...violations(c, data).map((v) => `${c.name}: ${v}`));
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(rowsSeenByNonAdmins).toBeGreaterThan(1000);
    expect(filesSeenBySectorRegulators).toBeGreaterThan(10);
  }, 300_000);

  it("node(id) and the subgraph's _entities answer null for every record out of scope, in and out of the territory, and agree", async () => {
    const schema = await hubSchema();
    const problems: string[] = [];
    const sample = sampleProbes();
    let outOfScopeAsked = 0;
    let sectorLimitedAsked = 0;
    let entitiesAsked = 0;
    for (const c of cases) {
      const token = c.request ? await t.signToken(c.request) : undefined;
      for (let i = 0; i < sample.length; i += 50) {
        const batch = sample.slice(i, i + 50);
        const res = await t.request(nodesQuery(schema, batch), undefined, token);
        if (res.errors) problems.push(`${c.name}: ${res.errors.map((e) => e.message).join("; ")}`);
        const data = (res.data ?? {}) as Obj;
        batch.forEach((probe, j) => {
          const node = data[`n${j}`] as Obj | null | undefined;
          const scope = rowScope(catalog, c.principal, probe.type);
          // public data is a floor: the rows the public reads are in everyone's scope (with their PUBLIC fields: violations())
          const publicFloor = !scope.deny && scope.publicFloor !== null && Object.entries(scope.publicFloor).every(([field, value]) => node == null || node[field] === undefined || node[field] === value);
          const outOfScope =
            scope.deny ||
            (!publicFloor && scope.territory !== null && probe.region !== null && ![scope.territory, ...scope.partners].some((reach) => inTerritory(probe.region!, reach))) ||
            (scope.enterpriseCode !== null && probe.enterprise !== scope.enterpriseCode) ||
            (scope.sectors !== null && probe.sector !== null && !scope.sectors.includes(probe.sector)) ||
            sectorRuleBroken(c.principal, probe.type, probe.sector) ||
            (!publicFloor && territoryRuleBroken(c.principal, probe.type, probe.region));
          if (outOfScope && !scope.deny && scope.sectors !== null) sectorLimitedAsked++;
          if (outOfScope) {
            outOfScopeAsked++;
            if (node !== null && node !== undefined) problems.push(`${c.name}: node(${probe.type} in ${probe.region}) returned though out of scope`);
          } else if (node === undefined) {
            problems.push(`${c.name}: node(${probe.type}) missing from the answer`);
          }
        });
        problems.push(...violations(c, data).map((v) => `${c.name}: ${v}`));
        // the same records as federation entities through /subgraph: the same answer, record for record
        // (one lookup per type: the types' fields of one name may differ in type)
        for (const type of new Set(batch.map((probe) => probe.type).filter((type) => ENTITY_KEYS[type]))) {
          const entities = batch.filter((probe) => probe.type === type);
          const answer = await subgraphRequest(entitiesQuery(schema, [type]), { representations: entities.map(representation) }, token);
          if (answer.errors) problems.push(`${c.name}: _entities: ${answer.errors.map((e) => e.message).join("; ")}`);
          const found = (answer.data?._entities ?? []) as Array<Obj | null>;
          entitiesAsked += entities.length;
          entities.forEach((probe, k) => {
            const viaNode = data[`n${batch.indexOf(probe)}`] ?? null;
            if (JSON.stringify(found[k] ?? null) !== JSON.stringify(viaNode)) problems.push(`${c.name}: _entities(${probe.type} in ${probe.region}) differs from node(id)`);
          });
          problems.push(...violations(c, { _entities: found }).map((v) => `${c.name}: _entities: ${v}`));
        }
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(entitiesAsked).toBeGreaterThan(500);
    expect(outOfScopeAsked).toBeGreaterThan(500);
    expect(sectorLimitedAsked).toBeGreaterThan(50);
  }, 300_000);
});

/** The federation keys of the entities (src/federation/subgraph.ts) a probe is looked up by. */
const ENTITY_KEYS: Record<string, "id" | "creditCode"> = {
  Enterprise: "creditCode",
  Shelter: "id",
  HydroStation: "id",
  RescueTeam: "id",
  SupplyDepot: "id",
  Hazard: "id",
  Warning: "id",
  GeoHazardPoint: "id",
  RoadHazard: "id",
  MonitoringPoint: "id",
  MonitoringAlarm: "id",
};

function representation(probe: (typeof probes)[number]) {
  return ENTITY_KEYS[probe.type] === "creditCode" ? { __typename: probe.type, creditCode: probe.enterprise } : { __typename: probe.type, id: probe.id };
}

async function subgraphRequest(query: string, variables: Record<string, unknown>, token?: string) {
  const response = await fetch(`${t.hub.url}/subgraph`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Obj; errors?: Array<{ message: string }> };
}

/** Up to three records of each type from different places. */
function sampleProbes() {
  const picked: typeof probes = [];
  for (const type of new Set(probes.map((p) => p.type))) {
    const ofType = probes.filter((p) => p.type === type);
    for (const prefix of ["410106", "4102", "4105", ""]) {
      const probe = ofType.find((p) => (p.region ?? "").startsWith(prefix) && !picked.includes(p));
      if (probe && picked.filter((p) => p.type === type).length < 3) picked.push(probe);
    }
    // and one record of every sector, so each department meets files it regulates and files it does not
    for (const sector of new Set(ofType.map((p) => p.sector).filter((s) => s !== null))) {
      const probe = ofType.find((p) => p.sector === sector && !picked.includes(p));
      if (probe && !picked.some((p) => p.type === type && p.sector === sector)) picked.push(probe);
    }
  }
  return picked;
}
