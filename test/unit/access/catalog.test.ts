import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import {
  ANONYMOUS,
  canReadDataset,
  datasetsIn,
  fieldAccess,
  fieldsOf,
  loadCatalog,
  maskOf,
  parseCatalog,
  rowScope,
  mutualAidPartners,
  mutualAidTerritory,
  type Catalog,
  type Department,
  type Principal,
  type Role,
} from "../../../src/access/index.js";

const CATALOG_PATH = "schema/sharing-catalog.yaml";
const catalog: Catalog = loadCatalog(CATALOG_PATH);

function who(department: Department | null, roles: Role[], territory = "41", enterpriseCode: string | null = null): Principal {
  return { subject: "t", department, roles, territory, enterpriseCode, anonymous: false, issuer: "test", expiresAt: null };
}

const waterService = who("WATER", ["SERVICE"], "4102");
const emergencySupervisor = who("EMERGENCY", ["SUPERVISOR"], "410106");
const emergencyAnalyst = who("EMERGENCY", ["ANALYST"], "4102");
const transportInspector = who("TRANSPORT", ["INSPECTOR"], "4102");
const admin = who(null, ["ADMIN"], "");
const enterprise = who(null, ["ENTERPRISE"], "410106", "91410106MA44ABCD16");

/** Model name → its fields, read from prisma/schema.prisma. */
function prismaModels(): Map<string, string[]> {
  const text = readFileSync("prisma/schema.prisma", "utf8");
  const models = new Map<string, string[]>();
  for (const match of text.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const fields = match[2]!
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => /^[a-zA-Z]/.test(line))
      .map((line) => line.split(/\s+/)[0]!);
    models.set(match[1]!, fields);
  }
  return models;
}

function brokenCatalog(edit: (raw: any) => void): () => Catalog {
  const raw = parseYaml(readFileSync(CATALOG_PATH, "utf8"));
  edit(raw);
  return () => parseCatalog(raw, "broken.yaml");
}

describe("the catalogue file", () => {
  it("validates and covers every dataset of the API", () => {
    expect(catalog.version).toBe(1);
    expect(catalog.updated).toBe("2026-12-07");
    expect(datasetsIn(catalog).sort()).toEqual(
      [
        "Region", "Department", "Authority", "Enterprise", "EnterpriseNotice", "RiskPoint", "MajorHazardSource", "Hazard", "HazardEvent", "Shelter",
        "RescueTeam", "TeamMember", "SupplyDepot", "SupplyItem", "Warning", "WarningArea", "HydroStation",
        "HydroReading", "GeoHazardPoint", "RoadHazard", "SyncRun", "SyncCounts", "EventOutbox", "QuarantinedRecord", "AuditEntry", "TipOff",
        "ConnectorStatus", "Provenance", "HazardStats", "RegionHazardStats", "SectorHazardStats", "SectorRegionHazardStats", "Bulletin", "BulletinClearance", "BulletinEnforcement", "EnforcementAction", "RegionClearance", "SectorClearance", "Situation", "RiskDistribution", "RegionRiskCounts", "IndicatorReport", "RegionIndicators",
        "WarningDissemination", "EmergencyPlan", "Expert", "DisasterEvent", "DisasterReport", "DisasterReportChange", "DutyShift", "InformationOfficer", "WarningResponse", "PlanResponse", "MonitoringPoint", "MonitoringAlarm", "MonitoringAlarmEvent", "MonitoringReading", "HourlyReading", "MonitoringAlarmChange",
        "HazardChange", "WarningChange", "WaterLevelAlert", "RainfallAlert", "RecordChange", "ConnectorRunEvent",
      ].sort(),
    );
  });

  it("lists every field of every Prisma model", () => {
    for (const [model, fields] of prismaModels()) {
      const listed = Object.keys(fieldsOf(catalog, model));
      expect({ model, missing: fields.filter((f) => !listed.includes(f)) }).toEqual({ model, missing: [] });
    }
  });

  it("classes names and phones of individuals as PERSONAL", () => {
    for (const dataset of datasetsIn(catalog)) {
      for (const [field, fieldClass] of Object.entries(fieldsOf(catalog, dataset))) {
        if (/Phone$|^phone$|contactName|keeperName|monitorName|legalRepresentative|responsiblePerson/.test(field)) {
          expect({ dataset, field, fieldClass }).toEqual({ dataset, field, fieldClass: field === "dutyPhone" ? "SHARED" : "PERSONAL" });
        }
      }
    }
  });

  it("refuses an unknown field class, naming the field", () => {
    const load = brokenCatalog((raw) => (raw.datasets.Shelter.fields.name = "SECRET"));
    expect(load).toThrow(/datasets\.Shelter\.fields\.name: unknown field class "SECRET"/);
  });

  it("refuses a PERSONAL field without a masking method, or with one it does not know, naming the field", () => {
    expect(brokenCatalog((raw) => (raw.datasets.Shelter.fields.contactPhone = "PERSONAL"))).toThrow(/datasets\.Shelter\.fields\.contactPhone: PERSONAL needs one masking method: PERSONAL phone \| name \| idNumber \| address \| text/);
    expect(brokenCatalog((raw) => (raw.datasets.Shelter.fields.contactPhone = "PERSONAL guess"))).toThrow(/contactPhone: PERSONAL needs one masking method.*\(got "guess"\)/);
    expect(brokenCatalog((raw) => (raw.datasets.Shelter.fields.name = "PUBLIC name"))).toThrow(/datasets\.Shelter\.fields\.name: PUBLIC takes no masking method/);
  });

  it("declares how each PERSONAL field is masked", () => {
    for (const dataset of datasetsIn(catalog)) {
      for (const [field, fieldClass] of Object.entries(fieldsOf(catalog, dataset))) {
        if (fieldClass === "PERSONAL") expect({ dataset, field, mask: maskOf(catalog, dataset, field) }).toEqual({ dataset, field, mask: expect.stringMatching(/^(phone|name|idNumber|address|text)$/) });
      }
    }
    expect(maskOf(catalog, "Enterprise", "legalRepresentativePhone")).toBe("phone");
    expect(maskOf(catalog, "TeamMember", "name")).toBe("name");
  });

  it("refuses an unknown department and an unknown role, naming them", () => {
    expect(brokenCatalog((raw) => (raw.datasets.Hazard.owner = "FORESTRY"))).toThrow(
      /datasets\.Hazard\.owner: unknown department "FORESTRY"/,
    );
    expect(brokenCatalog((raw) => (raw.datasets.TeamMember.read[1].roles = ["SUPERVISOR", "JANITOR"]))).toThrow(
      /datasets\.TeamMember\.read\.1\.roles\.1: unknown role "JANITOR"/,
    );
    expect(brokenCatalog((raw) => (raw.personal.departments = ["EMERGENCY", "NAVY"]))).toThrow(
      /personal\.departments\.1: unknown department "NAVY"/,
    );
  });

  it("refuses a territorial dataset without a territory field and a wrong version", () => {
    expect(brokenCatalog((raw) => delete raw.datasets.Enterprise.territoryField)).toThrow(
      /datasets\.Enterprise\.territoryField: is required when territorial is true/,
    );
    expect(brokenCatalog((raw) => (raw.datasets.Hazard.enterpriseField = "companyCode"))).toThrow(
      /datasets\.Hazard\.enterpriseField: names unknown field companyCode/,
    );
    expect(brokenCatalog((raw) => (raw.version = 2))).toThrow(/version: unsupported catalogue version 2/);
  });

  it("refuses a sector rule on a dataset without a sector field, and sectors of an unknown department", () => {
    expect(brokenCatalog((raw) => delete raw.datasets.Hazard.sectorField)).toThrow(/datasets\.Hazard\.sectorField: is required when a read rule is limited to regulated sectors/);
    expect(brokenCatalog((raw) => (raw.sectors.FORESTRY = ["林业"]))).toThrow(/sectors\.FORESTRY: unknown department "FORESTRY"/);
    expect(brokenCatalog((raw) => (raw.datasets.Hazard.read = [{ departments: "*", roles: "*", sectors: "all" }]))).toThrow(/unknown sectors "all"/);
  });
});

describe("the sector axis (条)", () => {
  it("limits a sector regulator to the sectors it regulates, within its territory", () => {
    const housing = who("HOUSING", ["SUPERVISOR"], "410106");
    expect(rowScope(catalog, housing, "Hazard")).toMatchObject({ deny: false, territory: "410106", sectors: ["建筑施工", "城镇燃气"], sectorField: "sector" });
    expect(rowScope(catalog, housing, "RiskPoint")).toMatchObject({ sectors: ["建筑施工", "城镇燃气"], sectorField: "enterprise.sector" });
  });

  it("does not limit the emergency bureau, ADMIN, or datasets outside an enterprise's file", () => {
    expect(rowScope(catalog, emergencySupervisor, "Hazard")).toMatchObject({ sectors: null });
    expect(rowScope(catalog, admin, "Enterprise")).toMatchObject({ sectors: null });
    expect(rowScope(catalog, transportInspector, "RoadHazard")).toMatchObject({ sectors: null });
  });

  it("closes an enterprise's file to a department that regulates no sector", () => {
    expect(rowScope(catalog, who("METEOROLOGY", ["SUPERVISOR"], "4102"), "Enterprise")).toEqual({ deny: true });
  });
});

describe("who reads which dataset", () => {
  const table: Array<[string, Principal, Record<string, boolean>]> = [
    ["anonymous", ANONYMOUS, { Shelter: true, Warning: true, Region: true, Enterprise: false, Hazard: false, HydroReading: false, AuditEntry: false }],
    ["water SERVICE", waterService, { Shelter: true, Warning: true, HydroStation: true, Enterprise: true, Hazard: true, TeamMember: true, SyncRun: false, ConnectorStatus: false }],
    ["transport INSPECTOR", transportInspector, { RoadHazard: true, GeoHazardPoint: true, Enterprise: true, Hazard: true, TeamMember: false }],
    ["meteorology SUPERVISOR (regulates no sector)", who("METEOROLOGY", ["SUPERVISOR"], "4102"), { Warning: true, Enterprise: false, Hazard: false, HazardStats: true }],
    ["emergency ANALYST", emergencyAnalyst, { Enterprise: true, HazardEvent: true, TeamMember: true, ConnectorStatus: false, AuditEntry: false }],
    ["emergency SUPERVISOR", emergencySupervisor, { Enterprise: true, ConnectorStatus: true, SyncRun: false, QuarantinedRecord: false }],
    ["ADMIN", admin, { SyncRun: true, QuarantinedRecord: true, AuditEntry: true, ConnectorStatus: true, Enterprise: true }],
    ["ENTERPRISE", enterprise, { Enterprise: true, RiskPoint: true, MajorHazardSource: true, Hazard: true, HazardEvent: true, RescueTeam: true, SupplyDepot: true, Shelter: true, TeamMember: false, HydroStation: false, RoadHazard: false }],
  ];
  it.each(table)("%s", (_name, principal, expected) => {
    const actual = Object.fromEntries(Object.keys(expected).map((ds) => [ds, canReadDataset(catalog, principal, ds)]));
    expect(actual).toEqual(expected);
  });

  it("denies an unknown dataset to everyone", () => {
    for (const principal of [ANONYMOUS, admin, emergencySupervisor]) {
      expect(canReadDataset(catalog, principal, "Secrets")).toBe(false);
      expect(rowScope(catalog, principal, "Secrets")).toEqual({ deny: true });
    }
  });
});

describe("field access", () => {
  it("anonymous: PUBLIC shelter fields only, personal ones hidden", () => {
    expect(fieldAccess(catalog, ANONYMOUS, "Shelter", "name")).toBe("visible");
    expect(fieldAccess(catalog, ANONYMOUS, "Shelter", "sourceId")).toBe("hidden");
    expect(fieldAccess(catalog, ANONYMOUS, "Shelter", "contactPhone")).toBe("hidden");
    expect(fieldAccess(catalog, ANONYMOUS, "Enterprise", "name")).toBe("hidden");
  });

  it("water SERVICE: shared enterprise fields, personal masked, restricted hidden", () => {
    expect(fieldAccess(catalog, waterService, "Enterprise", "name")).toBe("visible");
    expect(fieldAccess(catalog, waterService, "Enterprise", "legalRepresentative")).toBe("masked");
    expect(fieldAccess(catalog, waterService, "Enterprise", "safetyPrincipalPhone")).toBe("masked");
    expect(fieldAccess(catalog, waterService, "Enterprise", "creditStatus")).toBe("hidden");
    expect(fieldAccess(catalog, waterService, "Shelter", "contactPhone")).toBe("masked");
    expect(fieldAccess(catalog, waterService, "HydroStation", "warningLevel")).toBe("visible");
  });

  it("emergency: restricted fields visible; personal data unmasked for supervisors, masked for analysts", () => {
    expect(fieldAccess(catalog, emergencyAnalyst, "Enterprise", "creditStatus")).toBe("visible");
    expect(fieldAccess(catalog, emergencySupervisor, "Enterprise", "legalRepresentativePhone")).toBe("visible");
    expect(fieldAccess(catalog, emergencyAnalyst, "Enterprise", "legalRepresentativePhone")).toBe("masked");
  });

  it("the owner department's inspectors see their own dataset's personal data", () => {
    const geologist = who("NATURAL_RESOURCES", ["INSPECTOR"], "4102");
    expect(fieldAccess(catalog, geologist, "GeoHazardPoint", "monitorPhone")).toBe("visible");
    expect(fieldAccess(catalog, transportInspector, "GeoHazardPoint", "monitorPhone")).toBe("masked");
  });

  it("ADMIN sees restricted fields but personal data masked", () => {
    expect(fieldAccess(catalog, admin, "AuditEntry", "subject")).toBe("visible");
    expect(fieldAccess(catalog, admin, "TeamMember", "phone")).toBe("masked");
  });

  it("ENTERPRISE: its own records unmasked, restricted hidden, other enterprises' records hidden", () => {
    expect(fieldAccess(catalog, enterprise, "Enterprise", "legalRepresentativePhone", { ownEnterprise: true })).toBe("visible");
    expect(fieldAccess(catalog, enterprise, "Hazard", "description", { ownEnterprise: true })).toBe("visible");
    expect(fieldAccess(catalog, enterprise, "Enterprise", "creditStatus", { ownEnterprise: true })).toBe("hidden");
    expect(fieldAccess(catalog, enterprise, "Enterprise", "name", { ownEnterprise: false })).toBe("hidden");
    expect(fieldAccess(catalog, enterprise, "Shelter", "name")).toBe("visible");
    expect(fieldAccess(catalog, enterprise, "Shelter", "contactPhone")).toBe("hidden");
  });

  it("hides unknown fields (default deny)", () => {
    expect(fieldAccess(catalog, admin, "Enterprise", "password")).toBe("hidden");
    expect(fieldAccess(catalog, admin, "Enterprise", "constructor")).toBe("hidden");
  });
});

describe("row scope", () => {
  it("EMERGENCY SUPERVISOR in 410106 is limited to its territory on territorial datasets, and to its city on response resources (mutual aid)", () => {
    expect(rowScope(catalog, emergencySupervisor, "Enterprise")).toMatchObject({
      deny: false, grant: "RULE", territory: "410106", territoryField: "regionCode", enterpriseCode: null,
    });
    expect(rowScope(catalog, emergencySupervisor, "HazardEvent")).toMatchObject({ territory: "410106", territoryField: "hazard.regionCode" });
    expect(rowScope(catalog, emergencySupervisor, "RescueTeam")).toMatchObject({ deny: false, territory: "4101", territoryField: "regionCode" });
    expect(rowScope(catalog, emergencySupervisor, "SupplyItem")).toMatchObject({ deny: false, territory: "4101" });
    // across the city line, the partner city the catalogue gives (郑开同城化); never for enterprise files
    expect(rowScope(catalog, emergencySupervisor, "RescueTeam")).toMatchObject({ partners: ["4102"] });
    expect(rowScope(catalog, emergencySupervisor, "Enterprise")).toMatchObject({ partners: [] });
  });

  it("reads mutual-aid partners across a city line: a county's adjacent counties, a city's partner city", () => {
    const partners = { ...catalog, mutualAid: { reach: "city" as const, partners: { "410122": ["410212", "410223"], "4105": ["4101"], "410106": ["410106"] } } };
    expect(mutualAidPartners(partners, "410122")).toEqual(["410212", "410223"]); // 中牟县 → 祥符区, 尉氏县
    expect(mutualAidPartners(partners, "410122001")).toEqual(["410212", "410223"]); // a township of 中牟县 too
    expect(mutualAidPartners(partners, "410102")).toEqual([]); // 中原区: none
    expect(mutualAidPartners(partners, "410505")).toEqual(["4101"]); // 殷都区, through 安阳's partner
    expect(mutualAidPartners(partners, "410106")).toEqual([]); // what the reach covers already is not repeated
  });

  it("reads mutual aid's reach from the catalogue: none, the city or the province", () => {
    expect(mutualAidTerritory({ ...catalog, mutualAid: undefined }, "410106")).toBe("410106");
    expect(mutualAidTerritory({ ...catalog, mutualAid: { reach: "city", partners: {} } }, "410106001")).toBe("4101");
    expect(mutualAidTerritory({ ...catalog, mutualAid: { reach: "province", partners: {} } }, "410106")).toBe("41");
    expect(mutualAidTerritory({ ...catalog, mutualAid: { reach: "city", partners: {} } }, "41")).toBe("41");
  });

  it("ENTERPRISE principals are limited to their own enterprise", () => {
    expect(rowScope(catalog, enterprise, "Hazard")).toMatchObject({
      deny: false, grant: "ENTERPRISE", territory: null, enterpriseCode: "91410106MA44ABCD16", enterpriseField: "enterpriseCode",
    });
    expect(rowScope(catalog, enterprise, "Enterprise")).toMatchObject({ enterpriseField: "creditCode" });
    expect(rowScope(catalog, enterprise, "TeamMember")).toEqual({ deny: true });
  });

  it("anonymous readers get active warnings only, with no territorial limit", () => {
    expect(rowScope(catalog, ANONYMOUS, "Warning")).toMatchObject({ deny: false, grant: "PUBLIC", territory: null, filter: { status: "ACTIVE" } });
    expect(rowScope(catalog, waterService, "Warning")).toMatchObject({ grant: "RULE", filter: null });
    expect(rowScope(catalog, ANONYMOUS, "Hazard")).toEqual({ deny: true });
  });

  it("ADMIN without a region is not limited; a non-admin without territory is denied territorial data", () => {
    expect(rowScope(catalog, admin, "Hazard")).toMatchObject({ deny: false, territory: null, enterpriseCode: null });
    expect(rowScope(catalog, who("EMERGENCY", ["SUPERVISOR"], ""), "Hazard")).toEqual({ deny: true });
  });
});
