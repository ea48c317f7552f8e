/** The access rules that matter most, one principal at a time, against the running hub. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AuditLogDocument,
  EnterpriseContactsDocument,
  EnterpriseFileDocument,
  HazardsDocument,
  NodeByIdDocument,
  SheltersDocument,
  WarningsDocument,
} from "../generated/graphql.js";
import { meteorologyConnector } from "../../connectors/meteorology/index.js";
import { runSync } from "../../src/sync/run-sync.js";
import { capAlert } from "../helpers/cap-alert.js";
import { startTestHub, type TestHub } from "../helpers/start-server.js";

let t: TestHub;
let admin: string;
beforeAll(async () => {
  t = await startTestHub();
  admin = await t.signToken({ department: "EMERGENCY", roles: ["ADMIN"] });
  // The sample warnings are from July and have expired: one alert in force for 上街区.
  const alert = capAlert({ identifier: "41010641600000_TEST_IN_FORCE", sender: "41010641600000", geocodes: ["410106000000"], level: "ORANGE" });
  const sync = await runSync(t.database.db.prisma, meteorologyConnector, [{ name: "in-force.xml", body: Buffer.from(alert) }], { trigger: "cli" });
  expect(sync.counts.created).toBe(1);
});
afterAll(async () => {
  await t?.stop();
});

const isMasked = (value: string | null | undefined) => value == null || value.includes("*");

describe("a 上街区 (410106) inspector", () => {
  let inspector: string;
  beforeAll(async () => {
    inspector = await t.signToken({ department: "EMERGENCY", roles: ["INSPECTOR"], region: "410106" });
  });

  it("sees Shangjie's records and none of 开封's (4102) beyond what the public reads and mutual aid shares", async () => {
    const hazards = await t.request(HazardsDocument, { first: 200 }, inspector);
    expect(hazards.data!.hazards.totalCount).toBeGreaterThan(0);
    expect(hazards.data!.hazards.edges.every((e) => e.node.regionCode.startsWith("410106"))).toBe(true);
    const kaifengHazards = await t.request(HazardsDocument, { first: 200, filter: { region: "4102" } }, inspector);
    expect(kaifengHazards.data!.hazards.totalCount).toBe(0);
    // shelters are public: every reader reads at least what the public reads
    const shelters = await t.request(SheltersDocument, { first: 200 }, inspector);
    const anonymous = await t.request(SheltersDocument, { first: 200 });
    expect(shelters.data!.shelters.totalCount).toBe(anonymous.data!.shelters.totalCount);
    const now = Date.now();
    const warnings = await t.request(WarningsDocument, { first: 200 }, inspector);
    for (const { node } of warnings.data!.warnings.edges) {
      const ownArea = node.regionCodes.some((code) => code.startsWith("410106") || "410106".startsWith(code.replace(/(00)+$/, "")));
      const inForce = node.status === "ACTIVE" && (node.expires == null || new Date(node.expires).getTime() > now);
      expect(ownArea || inForce).toBe(true);
    }
  });

  it("gets null for a Kaifeng record asked by id", async () => {
    const all = await t.request(HazardsDocument, { first: 200, filter: { region: "4102" } }, admin);
    const kaifengHazard = all.data!.hazards.edges[0]!.node;
    const res = await t.request(NodeByIdDocument, { id: kaifengHazard.id }, inspector);
    expect(res.errors).toBeUndefined();
    expect(res.data!.node).toBeNull();
  });
});

describe("an enterprise user", () => {
  let code: string;
  let own: string;
  beforeAll(async () => {
    const list = await t.request(HazardsDocument, { first: 1, filter: { region: "4102" } }, admin);
    code = (await t.request(EnterpriseContactsDocument, { first: 200 }, admin)).data!.enterprises.edges.find((e) => e.node.regionCode.startsWith("4102"))!.node.creditCode;
    expect(list.data!.hazards.totalCount).toBeGreaterThan(0);
    own = await t.signToken({ department: null, roles: ["ENTERPRISE"], enterprise: code });
  });

  it("sees only its own enterprise, risk points and hazards", async () => {
    const enterprises = await t.request(EnterpriseContactsDocument, { first: 200 }, own);
    expect(enterprises.data!.enterprises.edges.map((e) => e.node.creditCode)).toEqual([code]);
    const hazards = await t.request(HazardsDocument, { first: 200 }, own);
    expect(hazards.data!.hazards.totalCount).toBeGreaterThan(0);
    expect(hazards.data!.hazards.edges.every((e) => e.node.enterprise?.name === enterprises.data!.enterprises.edges[0]!.node.name)).toBe(true);
    const file = await t.request(EnterpriseFileDocument, { code }, own);
    expect(file.data!.enterprise!.riskPoints.length).toBeGreaterThan(0);
    // its own contacts are not masked for it
    expect(enterprises.data!.enterprises.edges[0]!.node.legalRepresentativePhone).toMatch(/^\d{11}$/);
  });

  it("gets null for another enterprise's file and hazards", async () => {
    const others = (await t.request(EnterpriseContactsDocument, { first: 200 }, admin)).data!.enterprises.edges.filter((e) => e.node.creditCode !== code);
    const other = others[0]!.node.creditCode;
    expect((await t.request(EnterpriseFileDocument, { code: other }, own)).data!.enterprise).toBeNull();
    const otherHazards = await t.request(HazardsDocument, { first: 200, filter: { enterpriseCode: other } }, own);
    expect(otherHazards.data!.hazards.totalCount).toBe(0);
    const adminHazards = await t.request(HazardsDocument, { first: 1, filter: { enterpriseCode: others.find((o) => o.node.creditCode !== code)!.node.creditCode } }, admin);
    for (const edge of adminHazards.data!.hazards.edges) expect((await t.request(NodeByIdDocument, { id: edge.node.id }, own)).data!.node).toBeNull();
  });
});

describe("the water department's service account", () => {
  let water: string;
  beforeAll(async () => {
    water = await t.signToken({ department: "WATER", roles: ["SERVICE"], region: "410000" });
  });

  it("sees shelters and warnings", async () => {
    expect((await t.request(SheltersDocument, { first: 5 }, water)).data!.shelters.totalCount).toBeGreaterThan(0);
    expect((await t.request(WarningsDocument, { first: 5 }, water)).data!.warnings.totalCount).toBeGreaterThan(0);
  });

  it("sees the enterprises of the sector it regulates, without their personal contacts", async () => {
    const housing = await t.signToken({ department: "HOUSING", roles: ["SERVICE"], region: "410000" });
    expect((await t.request(EnterpriseContactsDocument, { first: 200 }, water)).data!.enterprises.edges).toEqual([]); // no sample enterprise is a 水利工程
    const res = await t.request(EnterpriseContactsDocument, { first: 200 }, housing);
    const nodes = res.data!.enterprises.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      expect(isMasked(node.legalRepresentative)).toBe(true);
      expect(isMasked(node.legalRepresentativePhone)).toBe(true);
      expect(isMasked(node.safetyPrincipalPhone)).toBe(true);
      expect(node.creditStatus).toBeNull(); // RESTRICTED: emergency management and the owner only
    }
    expect(nodes.some((n) => /^\d{3}\*{4}\d{4}$/.test(n.legalRepresentativePhone ?? ""))).toBe(true);
  });
});

describe("an anonymous caller", () => {
  it("sees public shelters without personal data, and no enterprise at all", async () => {
    const shelters = await t.request(SheltersDocument, { first: 200 });
    expect(shelters.data!.shelters.totalCount).toBeGreaterThan(0);
    const enterprises = await t.request(EnterpriseContactsDocument, { first: 200 });
    expect(enterprises.data!.enterprises.totalCount).toBe(0);
    const any = (await t.request(EnterpriseContactsDocument, { first: 1 }, admin)).data!.enterprises.edges[0]!.node.creditCode;
    expect((await t.request(EnterpriseFileDocument, { code: any })).data!.enterprise).toBeNull();
    const contacts = await t.request("{ shelters(first: 200) { edges { node { contactName contactPhone } } } }");
    expect((contacts.data as { shelters: { edges: { node: { contactPhone: string | null } }[] } }).shelters.edges.every((e) => e.node.contactPhone === null)).toBe(true);
  });

  it("sees warnings in force only", async () => {
    const res = await t.request(WarningsDocument, { first: 200 });
    expect(res.data!.warnings.edges.length).toBeGreaterThan(0);
    expect(res.data!.warnings.edges.every((e) => e.node.status === "ACTIVE")).toBe(true);
    const all = await t.request(WarningsDocument, { first: 200 }, admin);
    expect(all.data!.warnings.edges.some((e) => e.node.status !== "ACTIVE")).toBe(true);
  });
});

describe("audit", () => {
  it("records reads of unmasked personal data, and not masked ones", async () => {
    const supervisor = await t.signToken({ subject: "audit-supervisor", department: "EMERGENCY", roles: ["SUPERVISOR"], region: "4102" });
    const housing = await t.signToken({ subject: "audit-housing", department: "HOUSING", roles: ["SERVICE"], region: "4102" });
    const read = await t.request(EnterpriseContactsDocument, { first: 3 }, supervisor);
    expect(read.data!.enterprises.edges[0]!.node.legalRepresentativePhone).toMatch(/^\d{11}$/);
    expect((await t.request(EnterpriseContactsDocument, { first: 3 }, housing)).data!.enterprises.edges.length).toBeGreaterThan(0); // masked: not audited
    const log = await t.request(AuditLogDocument, { filter: { action: "READ_PERSONAL" }, first: 100 }, admin);
    const entries = log.data!.auditLog.edges.map((e) => e.node);
    const mine = entries.filter((e) => e.subject === "audit-supervisor");
    expect(mine).toHaveLength(3);
    expect(mine.map((e) => e.recordId).sort()).toEqual(read.data!.enterprises.edges.map((e) => e.node.creditCode).sort());
    expect(mine[0]).toMatchObject({ dataset: "Enterprise", department: "EMERGENCY", roles: ["SUPERVISOR"] });
    expect(mine[0]!.fields).toEqual(expect.arrayContaining(["legalRepresentative", "legalRepresentativePhone"]));
    expect(entries.some((e) => e.subject === "audit-housing")).toBe(false);
  });

  it("is readable by ADMIN only, and has no API to change it", async () => {
    const supervisor = await t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "41" });
    const res = await t.request(AuditLogDocument, { first: 10 }, supervisor);
    expect(res.data!.auditLog.totalCount).toBe(0);
    const schema = await t.request("{ __schema { mutationType { fields { name } } } }");
    const mutations = ((schema.data as { __schema: { mutationType: { fields: { name: string }[] } | null } }).__schema.mutationType?.fields ?? []).map((f) => f.name);
    expect(mutations.filter((name) => /audit/i.test(name))).toEqual([]);
  });
});
