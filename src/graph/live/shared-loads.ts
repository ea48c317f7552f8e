/**
 * One event fans out to many subscribers. Subscribers whose row limits for a
 * dataset are equal would read the same row, so the read is made once and
 * shared for a moment; each subscriber's own field policy (masking, hiding)
 * still applies when its selection is executed.
 */
import type { DatasetName } from "../../data/datasets.js";
import type { Row } from "../../data/reader.js";
import type { HubContext } from "../context.js";

const SHARE_MS = 2_000;
const loads = new Map<string, Promise<Row | null>>();

/** The record an event names, as this subscriber's reader sees it (shared with same-scope subscribers). */
export function loadForEvent(ctx: HubContext, dataset: DatasetName, key: string, eventStamp: string): Promise<Row | null> {
  const limit = ctx.reader.scope.rowLimit(dataset);
  if (limit === null) return Promise.resolve(null);
  const cacheKey = `${dataset}\u0000${key}\u0000${eventStamp}\u0000${JSON.stringify(limit)}`;
  let load = loads.get(cacheKey);
  if (!load) {
    load = ctx.reader.byKey(dataset, key);
    loads.set(cacheKey, load);
    setTimeout(() => loads.delete(cacheKey), SHARE_MS).unref();
  }
  return load;
}

/**
 * False when the event's region is outside the subscriber's territory (and its mutual-aid partners) for the
 * dataset, so no read is needed. Live events follow the subscriber's own scope: a dashboard hears of its
 * territory, also for public rows it may query beyond it (whose later changes, a warning's cancellation,
 * would no longer be public and so never reach it).
 */
export function mayConcern(ctx: HubContext, dataset: DatasetName, regionCodes: string[], overlaps: (code: string, territory: string) => boolean): boolean {
  const limit = ctx.reader.scope.rowLimit(dataset);
  if (limit === null) return false;
  if (limit.territory === null || regionCodes.length === 0) return true;
  const reach = [limit.territory, ...(limit.partners ?? [])];
  return regionCodes.some((code) => reach.some((territory) => overlaps(code, territory)));
}
