/**
 * How each connector dataset is stored: its Prisma model, the order datasets
 * are written in (parents first), and the parents named by natural keys that
 * must already exist (an unknown parent sends the record to quarantine).
 */
import type { Dataset } from "../../connectors/types.js";

export interface NaturalParent {
  field: string;
  model: string;
  key: string;
  label: string;
  /** The parent has a `regionCode`: a writer's territory must contain it. */
  territorial?: true;
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

/** The owning enterprise; records whose enterpriseCode is null (public teams, government depots) are not checked. */
const enterpriseParent = (): NaturalParent[] => [{ field: "enterpriseCode", model: "enterprise", key: "creditCode", label: "enterprise", territorial: true }];

export const DATASET_MODELS: Record<Exclude<Dataset, "hydroReading">, DatasetModel> = {
  enterprise: { model: "enterprise", key: "creditCode", parents: [], updatedAt: true, territorial: true },
  riskPoint: { model: "riskPoint", key: "id", parents: enterpriseParent(), territorial: true },
  majorHazardSource: { model: "majorHazardSource", key: "id", parents: enterpriseParent(), territorial: true },
  hazard: { model: "hazard", key: "id", parents: enterpriseParent(), territorial: true },
  shelter: { model: "shelter", key: "id", parents: [], territorial: true },
  rescueTeam: { model: "rescueTeam", key: "id", parents: enterpriseParent(), territorial: true },
  teamMember: { model: "teamMember", key: "id", parents: [] },
  supplyDepot: { model: "supplyDepot", key: "id", parents: enterpriseParent(), territorial: true },
  supplyItem: { model: "supplyItem", key: "id", parents: [] },
  warning: { model: "warning", key: "id", parents: [] },
  hydroStation: { model: "hydroStation", key: "code", parents: [], territorial: true },
  geoHazardPoint: { model: "geoHazardPoint", key: "id", parents: [], territorial: true },
  roadHazard: { model: "roadHazard", key: "id", parents: [], territorial: true },
};

/** Parents before children, so references resolve within one run. */
export const WRITE_ORDER: Dataset[] = [
  "enterprise",
  "riskPoint",
  "majorHazardSource",
  "hazard",
  "shelter",
  "rescueTeam",
  "teamMember",
  "supplyDepot",
  "supplyItem",
  "warning",
  "hydroStation",
  "hydroReading",
  "geoHazardPoint",
  "roadHazard",
];
