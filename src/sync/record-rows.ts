/**
 * Turns a chunk of resolved records into the JSON rows a bulk upsert sends:
 * the record's canonical JSON (hashed for contentHash, then reused as the row
 * itself) with its provenance in front, grouped by the columns the rows set.
 * Building strings instead of merged objects keeps a large document from
 * filling the heap with short-lived copies.
 */
import crypto from "node:crypto";
import { canonicalRecord, sha1 } from "../core/content-hash.js";

export interface RowGroup {
  columns: string[];
  /** One JSON object per row. */
  rows: string[];
}

export interface RowDefaults {
  /** Columns every row gets the same value for (provenance). */
  fixed: Record<string, unknown>;
  /** Give each row a new uuid in `id` (models keyed by a generated id). */
  newId: boolean;
}

/**
 * `hashOf`: the content the hash covers when the row writes less than the
 * source sent (a hazard whose workflow fields the hub owns): an unchanged
 * source record then stays unchanged.
 */
export function toRowGroups(records: Array<{ sourceId: string; data: Record<string, unknown>; hashOf?: Record<string, unknown> }>, defaults: RowDefaults): RowGroup[] {
  const fixedJson = JSON.stringify(defaults.fixed).slice(1, -1);
  const own = ["sourceId", "contentHash", ...(defaults.newId ? ["id"] : []), ...Object.keys(defaults.fixed)];
  const groups = new Map<string, RowGroup>();
  for (const { sourceId, data, hashOf } of records) {
    const { json, keys } = canonicalRecord(data);
    const hashed = hashOf ? canonicalRecord(hashOf).json : json;
    const clash = keys.find((key) => own.includes(key));
    if (clash) throw new Error(`record ${sourceId} sets '${clash}', which the sync runtime writes`);
    const id = defaults.newId ? `,"id":"${crypto.randomUUID()}"` : "";
    const head = `{"sourceId":${JSON.stringify(sourceId)},"contentHash":"${sha1(hashed)}"${id}${fixedJson ? `,${fixedJson}` : ""}`;
    const row = keys.length === 0 ? `${head}}` : `${head},${json.slice(1)}`;
    const signature = keys.join(",");
    let group = groups.get(signature);
    if (!group) groups.set(signature, (group = { columns: [...own, ...keys], rows: [] }));
    group.rows.push(row);
  }
  return [...groups.values()];
}
