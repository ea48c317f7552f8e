/** Validates the rows of one source list and hands the good ones to a mapper. */
import type { z } from "zod";
import type { Dataset, HubRecord } from "../types.js";
import type { RecordCollector } from "./collector.js";
import { describeIssues } from "./reasons.js";

/** A mapper returns the record, or a string naming why the row cannot be used. */
export type RowMapper<T> = (row: T, sourceId: string, raw: unknown) => HubRecord | string;

export function collectRows<T>(
  collector: RecordCollector,
  dataset: Dataset,
  rows: readonly unknown[],
  idOf: (raw: unknown) => string | undefined,
  schema: z.ZodType<T>,
  map: RowMapper<T>,
): void {
  for (const raw of rows) {
    const sourceId = idOf(raw);
    if (!collector.claim(dataset, sourceId, raw)) continue;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      collector.reject(dataset, sourceId, describeIssues(parsed.error, raw), raw);
      continue;
    }
    const outcome = map(parsed.data, sourceId ?? "", raw);
    if (typeof outcome === "string") collector.reject(dataset, sourceId, outcome, raw);
    else collector.accept(outcome);
  }
}
