/**
 * Ordering and keyset pagination. Every order ends with the dataset's key, so
 * it is total and a page boundary is exact. A cursor names the last row read
 * (its key, nothing else of it); the next page is the rows after that row in
 * the same order, compared in SQL against the row itself, so pages stay
 * correct when rows are inserted or removed meanwhile, and a cursor reveals
 * no value the client was not shown.
 */
import { quote } from "./tables.js";

export type OrderBy = ReadonlyArray<Readonly<Record<string, "asc" | "desc">>>;

export interface OrderKey {
  /** SQL of the value for table alias `a` (a column, or an expression such as a distance). */
  sql: (alias: string) => string;
  desc: boolean;
  /** Whether the value can be NULL (nulls sort last either way). */
  nullable: boolean;
}

/** The order's keys, ending with the key column. */
export function orderKeys(orderBy: OrderBy, key: string, nullable: (column: string) => boolean): OrderKey[] {
  const keys: OrderKey[] = [];
  for (const part of orderBy) {
    for (const [column, direction] of Object.entries(part)) {
      keys.push({ sql: (a) => `${a}.${quote(column)}`, desc: direction === "desc", nullable: column !== key && nullable(column) });
    }
  }
  if (!orderBy.some((part) => key in part)) keys.push({ sql: (a) => `${a}.${quote(key)}`, desc: false, nullable: false });
  return keys;
}

export function orderSql(keys: readonly OrderKey[], alias: string): string {
  return keys.map((k) => `${k.sql(alias)} ${k.desc ? "DESC" : "ASC"} NULLS LAST`).join(", ");
}

/**
 * True for rows of `alias` that come after the row `cursor` in this order:
 * (a, b, key) after (a', b', key') lexicographically, nulls last.
 */
export function afterSql(keys: readonly OrderKey[], alias: string, cursor: string): string {
  const alternatives = keys.map((key, i) => {
    const equalBefore = keys.slice(0, i).map((k) => sameSql(k, alias, cursor));
    return [...equalBefore, laterSql(key, alias, cursor)].join(" AND ");
  });
  return `(${alternatives.map((a) => `(${a})`).join(" OR ")})`;
}

function sameSql(key: OrderKey, alias: string, cursor: string): string {
  return key.nullable ? `${key.sql(alias)} IS NOT DISTINCT FROM ${key.sql(cursor)}` : `${key.sql(alias)} = ${key.sql(cursor)}`;
}

function laterSql(key: OrderKey, alias: string, cursor: string): string {
  const strictly = `${key.sql(alias)} ${key.desc ? "<" : ">"} ${key.sql(cursor)}`;
  // nulls last: after a value come greater (or lesser) values and then every null; nothing comes after a null
  return key.nullable ? `(${key.sql(cursor)} IS NOT NULL AND (${strictly} OR ${key.sql(alias)} IS NULL))` : strictly;
}

const CURSOR_PREFIX = "k:";

export function encodeCursor(key: string): string {
  return Buffer.from(`${CURSOR_PREFIX}${key}`, "utf8").toString("base64url");
}

/** The key a cursor names, or null when it is not a cursor of this API. */
export function decodeCursor(cursor: string): string | null {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  return text.startsWith(CURSOR_PREFIX) && text.length > CURSOR_PREFIX.length ? text.slice(CURSOR_PREFIX.length) : null;
}
