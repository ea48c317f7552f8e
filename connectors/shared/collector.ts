/** Gathers a document's records and rejections; refuses a second record with the same source id. */
import type { Dataset, HubRecord, ParseResult, Rejection } from "../types.js";
import { reasonFor } from "./reasons.js";

export class RecordCollector {
  readonly records: HubRecord[] = [];
  readonly rejected: Rejection[] = [];
  private readonly seen = new Map<Dataset, Set<string>>();

  /**
   * Claims a source id before its row is validated: the first row with an id is
   * kept (and validated), every later one is rejected as "duplicate id".
   * Returns false when the row must be skipped.
   */
  claim(dataset: Dataset, sourceId: string | undefined, payload: unknown): boolean {
    if (sourceId === undefined || sourceId === "") return true;
    let ids = this.seen.get(dataset);
    if (!ids) this.seen.set(dataset, (ids = new Set()));
    if (ids.has(sourceId)) {
      this.reject(dataset, sourceId, "duplicate id", payload);
      return false;
    }
    ids.add(sourceId);
    return true;
  }

  accept(record: HubRecord): void {
    this.records.push(record);
  }

  reject(dataset: Dataset | undefined, sourceId: string | undefined, problem: string, payload: unknown): void {
    const reason = dataset ? reasonFor(dataset, sourceId, problem) : problem;
    this.rejected.push({ dataset, sourceId: sourceId || undefined, reason, payload });
  }

  result(snapshotOf: Dataset[]): ParseResult {
    return { records: this.records, rejected: this.rejected, snapshotOf };
  }
}

/** The trimmed id of a raw row, or undefined when it has none. */
export function rawId(row: unknown, key: string): string | undefined {
  if (row === null || typeof row !== "object") return undefined;
  const value = (row as Record<string, unknown>)[key];
  if (typeof value === "string") return value.trim() || undefined;
  if (typeof value === "number") return String(value);
  return undefined;
}
