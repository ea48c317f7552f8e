/**
 * The contract between a department connector and the hub's sync runtime.
 *
 * A connector is pure: it turns one source document (bytes as the department
 * sends them) into hub records plus rejections. It never touches the database;
 * the sync runtime (src/sync) upserts what it returns and quarantines the
 * rejections. Connectors import only from src/core.
 */

/** The hub datasets a connector may produce (Prisma model names, camelCase). */
export type Dataset =
  | "enterprise"
  | "riskPoint"
  | "majorHazardSource"
  | "hazard"
  | "enforcementAction"
  | "shelter"
  | "rescueTeam"
  | "teamMember"
  | "supplyDepot"
  | "supplyItem"
  | "warning"
  | "hydroStation"
  | "hydroReading"
  | "geoHazardPoint"
  | "roadHazard"
  | "monitoringPoint"
  | "monitoringReading"
  | "monitoringAlarm"
  | "warningDissemination"
  | "emergencyPlan"
  | "expert"
  | "dutyShift"
  | "informationOfficer"
  | "disasterEvent"
  | "disasterReport";

/** One source document as fetched from a file, a URL or a push. */
export interface SourceDocument {
  /** File name or URL it came from (for messages). */
  name: string;
  body: Buffer;
  contentType?: string;
}

/**
 * A parent named by its id in the source system; the sync runtime resolves it
 * to the hub's key (for example a team member's team, a hazard's risk point).
 */
export interface SourceRef {
  dataset: Dataset;
  sourceId: string;
}

/**
 * One record for the hub. `data` holds the Prisma model's own fields (see
 * prisma/schema.prisma) except provenance (sourceDepartment, sourceSystem,
 * sourceId, fetchedAt, version, contentHash, retiredAt) and except foreign
 * keys given in `refs`. Source codes are kept next to the normalised values
 * in `data` where the model has room for them.
 */
export interface HubRecord {
  dataset: Dataset;
  sourceId: string;
  data: Record<string, unknown>;
  /** Foreign key field name in `data` → the parent as the source names it. */
  refs?: Record<string, SourceRef>;
  /** Warnings only: the CAP alerts this one replaces, as "sender,identifier,sent". */
  supersedes?: { references: string[]; cancel: boolean };
  /** Warnings only: the areas of the alert. */
  children?: { warningAreas?: Array<Record<string, unknown>> };
}

/** A record that failed validation; stored in quarantine with its raw payload. */
export interface Rejection {
  dataset?: Dataset;
  sourceId?: string;
  reason: string;
  payload: unknown;
}

export interface ParseResult {
  records: HubRecord[];
  rejected: Rejection[];
  /**
   * Datasets for which this document is a full snapshot: records of these
   * datasets from this connector that are absent are retired by the sync.
   * Empty for incremental documents (a pushed alert, a page of readings).
   */
  snapshotOf: Dataset[];
}

/** The whole document cannot be read (XML that does not parse, wrong encoding…). */
export class DocumentError extends Error {
  override name = "DocumentError";
}

/** The months and days (China time) a connector's samples belong to, e.g. Henan's flood season 06-01..09-30. */
export interface SampleSeason {
  name: string;
  /** MM-DD, inclusive. */
  from: string;
  /** MM-DD, inclusive; before `from` for a season across the new year. */
  to: string;
}

export interface Connector {
  /** Folder name and sync key: emergency, water, meteorology, natural-resources, transport. */
  name: string;
  /** Owning department code: EMERGENCY, WATER, METEOROLOGY, NATURAL_RESOURCES, TRANSPORT. */
  department: string;
  /** The department system's name, stored as provenance (e.g. 河南省安全生产风险隐患双重预防体系). */
  sourceSystem: string;
  /** Datasets the department serves from another of its systems, and that system's name (sourceSystemOf). */
  sourceSystems?: Partial<Record<Dataset, string>>;
  /** Sample feeds shipped with the connector, relative to its folder. */
  sampleDocuments: string[];
  /** The moment the sample feeds describe (ISO 8601 with offset); loading places them at the load time (src/sync/sample-clock.ts). */
  sampleAsOf?: string;
  /** The season the samples belong to: outside it they load as last season's record, not at the load time (src/sync/sample-clock.ts). */
  sampleSeason?: SampleSeason;
  /** A feed of warnings (the release system's CAP): every department the catalogue lets issue warnings may push its own to it. */
  carriesWarnings?: boolean;
  parse(doc: SourceDocument): ParseResult;
}

/** The system a connector's records of `dataset` come from: part of their identity (sourceSystem, sourceId) and their provenance. */
export function sourceSystemOf(connector: Pick<Connector, "sourceSystem" | "sourceSystems">, dataset: Dataset): string {
  return connector.sourceSystems?.[dataset] ?? connector.sourceSystem;
}
