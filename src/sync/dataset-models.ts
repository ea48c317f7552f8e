/**
 * How each connector dataset is stored, derived from the dataset declarations
 * (data/datasets/): its Prisma model, the order datasets are written in
 * (parents first: the registry's order), and the parents named by natural
 * keys that must already exist (an unknown parent sends the record to
 * quarantine).
 */
import type { Dataset } from "../../connectors/types.js";
import type { DatasetSpec } from "../data/dataset-spec.js";
import { DECLARED } from "../data/datasets.js";

export interface NaturalParent {
  field: string;
  model: string;
  key: string;
  label: string;
  /** The parent has a `regionCode`: a writer's territory must contain it. */
  territorial?: true;
  /** The record takes its regionCode from the parent. */
  inheritRegion?: true;
}

export interface DatasetModel {
  model: string;
  key: string;
  parents: NaturalParent[];
  /** The model has an `updatedAt DateTime @updatedAt` column (Prisma sets it; bulk writes must too). */
  updatedAt?: true;
  /** The model has a `regionCode` column: a stored row's territory is checked before a write changes it. */
  territorial?: true;
}

/** The Prisma model of a table: RiskPoint → riskPoint (the schema maps no names). */
const modelOf = (table: string) => table[0]!.toLowerCase() + table.slice(1);

/** The table of a Prisma model: riskPoint → RiskPoint. */
export const tableOfModel = (model: string) => model[0]!.toUpperCase() + model.slice(1);
const ownRegion = (spec: { regionPath: string[] | null }) => spec.regionPath?.length === 1 && spec.regionPath[0] === "regionCode";
const byName = new Map<string, DatasetSpec>(DECLARED.map((d) => [d.name, d]));

function modelFor(spec: DatasetSpec): DatasetModel {
  return {
    model: modelOf(spec.name),
    key: spec.key,
    parents: (spec.sync?.parents ?? []).map((p) => ({ field: p.field, model: modelOf(p.dataset), key: p.key, label: p.label, ...(p.inheritRegion ? { inheritRegion: true as const } : {}), ...(byName.get(p.dataset) && ownRegion(byName.get(p.dataset)!) ? { territorial: true as const } : {}) })),
    ...(spec.sync?.updatedAt ? { updatedAt: true as const } : {}),
    ...(ownRegion(spec) ? { territorial: true as const } : {}),
  };
}

const synced = DECLARED.filter((d): d is (typeof DECLARED)[number] & { sync: NonNullable<DatasetSpec["sync"]> } => d.sync !== undefined);

/** Connector datasets that are time series: appended, never upserted or retired. */
export type SeriesDataset = "hydroReading" | "monitoringReading";
/** Connector datasets stored as records (upserted, retired). */
export type RecordDataset = Exclude<Dataset, SeriesDataset>;

export const DATASET_MODELS = Object.fromEntries(synced.filter((d) => d.sync.writer !== "readings").map((d) => [d.sync.name, modelFor(d)])) as Record<RecordDataset, DatasetModel>;

/**
 * Parents before children, so references resolve within one run; monitoring
 * readings, which are not a dataset of the registry (they are read through
 * their point), after their points.
 */
export const WRITE_ORDER: Dataset[] = [...synced.map((d) => d.sync.name), "monitoringReading"];

/** The table a connector dataset is stored in: riskPoint → RiskPoint. */
export function tableOfSyncDataset(dataset: Dataset): string {
  const spec = synced.find((d) => d.sync.name === dataset);
  if (!spec) throw new Error(`no dataset declares sync name ${dataset}`);
  return spec.name;
}
