/** What applying a document did: its counts, the records refused, and the records it changed (for events). */
import type { Dataset, Rejection } from "../../connectors/types.js";
import type { SyncCounts } from "../core/sync-counts.js";

export interface RecordChange {
  dataset: Dataset;
  key: string;
  change: "created" | "updated" | "retired";
}

export interface ApplyOutcome {
  counts: SyncCounts;
  rejections: Rejection[];
  changes: RecordChange[];
}
