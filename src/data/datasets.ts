/**
 * The registry of shared datasets: for each GraphQL type (named as the table
 * behind it), its key, and how a territory or an enterprise limits its rows.
 * The reader (reader.ts) and the access policy use this one table, so a new
 * dataset is added here once.
 */
export type DatasetName =
  | "Region"
  | "Enterprise"
  | "EnterpriseNotice"
  | "RiskPoint"
  | "MajorHazardSource"
  | "Hazard"
  | "HazardEvent"
  | "Shelter"
  | "RescueTeam"
  | "TeamMember"
  | "SupplyDepot"
  | "SupplyItem"
  | "Warning"
  | "WarningArea"
  | "HydroStation"
  | "HydroReading"
  | "GeoHazardPoint"
  | "RoadHazard"
  | "AuditEntry"
  | "QuarantinedRecord";

export interface DatasetSpec {
  /** Primary key column. */
  key: string;
  /** Path to the division-code column, through relations for child records; null when not territorial. */
  regionPath: string[] | null;
  /** Path to the enterprise credit code, for rows an enterprise owns. */
  enterprisePath: string[] | null;
  /** Whether rows carry provenance and may be retired. */
  shared: boolean;
  defaultOrder: Record<string, "asc" | "desc">[];
  /** To-one relations a filter may follow: `{ hazard: { regionCode: … } }` on HazardEvent. */
  relations?: Readonly<Record<string, { dataset: DatasetName; from: string; to: string }>>;
  /**
   * GraphQL fields of the type that are not a column of the same name, with the
   * columns their resolvers read ([] for relations loaded by the row's key).
   * The Reader reads only the columns of the fields a request selects.
   */
  needs?: Readonly<Record<string, readonly string[]>>;
  /** Columns read with every row whatever is selected: the field policy decides on them (a public notice's territory). */
  alwaysRead?: readonly string[];
}

const spec = (s: Partial<DatasetSpec> = {}): DatasetSpec => ({
  key: "id",
  regionPath: ["regionCode"],
  enterprisePath: null,
  shared: true,
  defaultOrder: [{ name: "asc" }],
  ...s,
});

/** A located record's GeoJSON point is made from these. */
const GEOMETRY = ["lat", "lon"] as const;

/** The owning enterprise, for filters on its fields (its sector). */
const ENTERPRISE = { dataset: "Enterprise", from: "enterpriseCode", to: "creditCode" } as const;

export const DATASETS: Record<DatasetName, DatasetSpec> = {
  Region: spec({ key: "code", regionPath: null, shared: false, defaultOrder: [{ code: "asc" }], needs: { parent: ["parentCode"], children: [], situation: ["code"] } }),
  Enterprise: spec({
    key: "creditCode",
    enterprisePath: ["creditCode"],
    defaultOrder: [{ creditCode: "asc" }],
    needs: {
      region: ["regionCode"],
      riskPoints: [],
      riskPointCounts: [],
      majorHazardSources: [],
      hazards: [],
      rescueTeams: [],
      supplyDepots: [],
      nearbyShelters: ["lat", "lon"],
      qrCode: [],
      geometry: GEOMETRY,
    },
  }),
  // a view (migration 20261127040000): an enterprise's public risk notice, read only by its key
  EnterpriseNotice: spec({ key: "creditCode", regionPath: null, shared: false, defaultOrder: [{ creditCode: "asc" }], needs: { region: ["regionCode"], riskPointCounts: ["riskPoints"], fileUrl: ["creditCode"] }, alwaysRead: ["regionCode"] }),
  RiskPoint: spec({ enterprisePath: ["enterpriseCode"], relations: { enterprise: ENTERPRISE }, needs: { enterprise: ["enterpriseCode"] } }),
  MajorHazardSource: spec({ enterprisePath: ["enterpriseCode"], relations: { enterprise: ENTERPRISE } }),
  Hazard: spec({
    enterprisePath: ["enterpriseCode"],
    defaultOrder: [{ foundAt: "desc" }],
    needs: {
      enterprise: ["enterpriseCode"],
      riskPoint: ["riskPointId"],
      events: [],
      overdue: ["state", "deadline", "supervisionDeadline"],
      supervised: ["supervisedBy"],
      supervisingAuthority: ["supervisedBy"],
    },
  }),
  HazardEvent: spec({
    regionPath: ["hazard", "regionCode"],
    enterprisePath: ["hazard", "enterpriseCode"],
    shared: false,
    defaultOrder: [{ seq: "asc" }],
    relations: { hazard: { dataset: "Hazard", from: "hazardId", to: "id" } },
  }),
  Shelter: spec({ needs: { geometry: GEOMETRY } }),
  RescueTeam: spec({ enterprisePath: ["enterpriseCode"], needs: { members: [], geometry: GEOMETRY } }),
  TeamMember: spec({ regionPath: ["team", "regionCode"], relations: { team: { dataset: "RescueTeam", from: "teamId", to: "id" } } }),
  SupplyDepot: spec({ enterprisePath: ["enterpriseCode"], needs: { items: [], geometry: GEOMETRY } }),
  SupplyItem: spec({ regionPath: ["depot", "regionCode"], relations: { depot: { dataset: "SupplyDepot", from: "depotId", to: "id" } } }),
  Warning: spec({
    regionPath: ["regionCodes"],
    defaultOrder: [{ sent: "desc" }],
    needs: { status: ["status", "expires"], areas: [], supersededBy: ["supersededById"], geometry: [], affected: ["regionCodes"] },
  }),
  WarningArea: spec({
    regionPath: ["warning", "regionCodes"],
    shared: false,
    defaultOrder: [{ areaDesc: "asc" }],
    relations: { warning: { dataset: "Warning", from: "warningId", to: "id" } },
    needs: { geometry: ["polygons", "circles"] },
  }),
  HydroStation: spec({
    key: "code",
    defaultOrder: [{ code: "asc" }],
    needs: { sttp: ["stationType"], latestReading: [], levelState: ["warningLevel", "guaranteedLevel", "floodLimitLevel", "floodLimitPeriods", "historicalMaxLevel"], floodLimitLevel: ["floodLimitLevel", "floodLimitPeriods"], readings: [], rainfall: [], geometry: GEOMETRY },
  }),
  HydroReading: spec({
    regionPath: ["station", "regionCode"],
    shared: false,
    defaultOrder: [{ observedAt: "desc" }],
    relations: { station: { dataset: "HydroStation", from: "stationCode", to: "code" } },
  }),
  GeoHazardPoint: spec({ needs: { geometry: GEOMETRY } }),
  RoadHazard: spec({ needs: { geometry: GEOMETRY } }),
  AuditEntry: spec({ regionPath: null, shared: false, defaultOrder: [{ at: "desc" }] }),
  QuarantinedRecord: spec({ regionPath: null, shared: false, defaultOrder: [{ receivedAt: "desc" }] }),
};

/** The columns behind provenance (provenance.ts). */
export const PROVENANCE_COLUMNS = ["sourceDepartment", "sourceSystem", "sourceId", "fetchedAt", "version", "retiredAt"] as const;

/** Nests a condition under a relation path: ["team", "regionCode"] + c → { team: { regionCode: c } }. */
export function atPath(path: string[], condition: unknown): Record<string, unknown> {
  return path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), condition) as Record<string, unknown>;
}
