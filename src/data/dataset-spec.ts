/**
 * What a dataset declares, once, in its own module under datasets/: how it is
 * stored (key), how a territory and an enterprise limit its rows, the to-one
 * relations a filter may follow, its default order, the columns its computed
 * fields need, and — for the datasets the connectors write — how the sync
 * writes it. Everything else is derived from the declarations (datasets.ts)
 * and checked against the database and the sharing catalogue when the hub
 * starts (registry-check.ts). See docs/adding-a-dataset.md.
 */
import type { Dataset } from "../../connectors/types.js";
import type { OrderBy } from "./query/order.js";

/** A parent named by a natural key that must already exist (an unknown parent sends the record to quarantine). */
export interface NaturalParent {
  field: string;
  /** The parent's dataset. */
  dataset: string;
  key: string;
  label: string;
  /** The record takes its regionCode from this parent (a monitoring point is where its enterprise is). */
  inheritRegion?: true;
}

/** How the sync writes a dataset's records. */
export interface SyncDeclaration {
  /** The connectors' name of the dataset (connectors/types.ts Dataset). */
  name: Dataset;
  /** rows: bulk upsert (the default); hazard: with its workflow history; warning: with its areas and references; readings: time series, appended; alarm: raised and cleared by the source, the rest of the lifecycle the hub's. */
  writer?: "rows" | "hazard" | "warning" | "readings" | "alarm";
  parents?: NaturalParent[];
  /** The table has an `updatedAt` column Prisma sets on its own writes (bulk writes must set it too). */
  updatedAt?: true;
}

export interface DatasetDeclaration {
  /** The GraphQL type, and the table behind it. */
  name: string;
  /** Primary key column (default id). */
  key?: string;
  /** Path to the division-code column, through relations for child records; null when not territorial (default ["regionCode"]). */
  regionPath?: string[] | null;
  /** Path to the enterprise credit code, for rows an enterprise owns (default none). */
  enterprisePath?: string[] | null;
  /** Whether rows carry provenance and may be retired (default true). */
  shared?: boolean;
  /** The order lists use when they are asked for none (default by name); the key always ends it. */
  defaultOrder?: OrderBy;
  /** To-one relations a filter may follow: `{ hazard: { regionCode: … } }` on HazardEvent. */
  relations?: Readonly<Record<string, { dataset: string; from: string; to: string }>>;
  /** GraphQL fields that are not a column of the same name, with the columns their resolvers read. */
  needs?: Readonly<Record<string, readonly string[]>>;
  /** Columns read with every row whatever is selected (the field policy decides on them). */
  alwaysRead?: readonly string[];
  /** How the sync writes it, for the datasets connectors bring. */
  sync?: SyncDeclaration;
}

/** A declaration with its defaults filled in: what the Reader, the access policy and the sync read. */
export interface DatasetSpec extends Required<Omit<DatasetDeclaration, "relations" | "needs" | "alwaysRead" | "sync" | "defaultOrder">> {
  defaultOrder: Record<string, "asc" | "desc">[];
  relations?: DatasetDeclaration["relations"];
  needs?: DatasetDeclaration["needs"];
  alwaysRead?: readonly string[];
  sync?: SyncDeclaration;
}

export function declareDataset<const Name extends string>(declaration: DatasetDeclaration & { name: Name }): DatasetSpec & { name: Name } {
  return {
    key: "id",
    regionPath: ["regionCode"],
    enterprisePath: null,
    shared: true,
    ...declaration,
    defaultOrder: [...(declaration.defaultOrder ?? [{ name: "asc" }])] as Record<string, "asc" | "desc">[],
  };
}

/** A located record's GeoJSON point is made from these. */
export const GEOMETRY = ["lat", "lon"] as const;

/** The owning enterprise, for filters on its fields (its sector). */
export const ENTERPRISE = { dataset: "Enterprise", from: "enterpriseCode", to: "creditCode" } as const;

/** The owning enterprise as a sync parent: records whose enterpriseCode is null (public teams, government depots) are not checked. */
export const ENTERPRISE_PARENT: NaturalParent = { field: "enterpriseCode", dataset: "Enterprise", key: "creditCode", label: "enterprise" };
