/**
 * A stable hash of a record's content: unchanged content → same hash → no
 * write. Keys are sorted and undefined values left out, so the hash does not
 * depend on the order a mapper writes fields in. The hashes are stored: the
 * canonical form must not change (test/unit/core/content-hash.test.ts pins it).
 */
import crypto from "node:crypto";

export function contentHash(value: unknown): string {
  return sha1(canonicalJson(value));
}

export function sha1(text: string): string {
  return crypto.createHash("sha1").update(text).digest("hex");
}

/** A record's canonical JSON (valid JSON: the row bulk writes send) and its keys with a value, sorted. */
export function canonicalRecord(record: Record<string, unknown>): { json: string; keys: string[] } {
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  let json = "{";
  for (let i = 0; i < keys.length; i++) json += `${i === 0 ? "" : ","}${JSON.stringify(keys[i])}:${canonicalJson(record[keys[i]!])}`;
  return { json: `${json}}`, keys };
}

export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (value instanceof Date) return `"${value.toISOString()}"`;
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i === 0 ? "" : ",") + canonicalJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = "{";
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    out += `${first ? "" : ","}${JSON.stringify(key)}:${canonicalJson(item)}`;
    first = false;
  }
  return `${out}}`;
}
