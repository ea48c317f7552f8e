/**
 * Ordering and keyset pagination. Every order ends with the dataset's key, so
 * it is total and a page boundary is exact. A cursor names the last row read
 * (its key, nothing else of it); the next page is the rows after that row in
 * the same order, compared in SQL against the row itself, so pages stay
 * correct when rows are inserted or removed meanwhile, and a cursor reveals
 * no value the client was not shown.
 */
import { quote } from "../sql-text.js";

export type OrderBy = ReadonlyArray<Readonly<Record<string, "asc" | "desc">>>;

export interface OrderKey {
  /** SQL of the value for table alias `a` (a column, or an expression such as a distance). */
  sql: (alias: string) => string;
  desc: boolean;
  /** Whether the value can be NULL (nulls sort last either way). */
  nullable: boolean;
}

/**
 * The order's keys, ending with the key column. `column(name)` tells a
 * column's type and whether it is NOT NULL. A nullable date or timestamp sorts
 * as COALESCE(column, ±infinity): the same order as nulls last, but a value
 * that is never null, so a keyset page is one row comparison that an index on
 * that expression serves (see the migrations). Other nullable columns are
 * compared null-aware.
 */
export function orderKeys(orderBy: OrderBy, key: string, column: (name: string) => { type: string; notNull: boolean }): OrderKey[] {
  const keys: OrderKey[] = [];
  for (const part of orderBy) {
    for (const [name, direction] of Object.entries(part)) {
      const desc = direction === "desc";
      const { type, notNull } = column(name);
      if (name === key || notNull) keys.push({ sql: (a) => `${a}.${quote(name)}`, desc, nullable: false });
      else if (/^(date|timestamp)/.test(type)) {
        const last = `'${desc ? "-infinity" : "infinity"}'::${type}`;
        keys.push({ sql: (a) => `COALESCE(${a}.${quote(name)}, ${last})`, desc, nullable: false });
      } else keys.push({ sql: (a) => `${a}.${quote(name)}`, desc, nullable: true });
    }
  }
  // the key breaks ties in the direction of the last key, so that a page is one row comparison an index serves
  if (!orderBy.some((part) => key in part)) keys.push({ sql: (a) => `${a}.${quote(key)}`, desc: keys.at(-1)?.desc ?? false, nullable: false });
  return keys;
}

/**
 * ORDER BY for the keys. A key that is never null is ordered plainly, so the
 * clause is exactly an index's order (`DESC NULLS LAST` would not match an
 * index built `DESC`); a nullable one puts nulls last.
 */
export function orderSql(keys: readonly OrderKey[], alias: string): string {
  return keys.map((k) => `${k.sql(alias)} ${k.desc ? "DESC" : "ASC"}${k.nullable ? " NULLS LAST" : ""}`).join(", ");
}

/**
 * True for rows of `alias` that come after the cursor's row in this order,
 * nulls last. `cursor(key)` is the SQL of the cursor row's value for a key: a
 * scalar subquery, which PostgreSQL evaluates once, so the comparison can
 * start an index scan. When every key is NOT NULL and sorts the same way, the
 * order is one row comparison, (a, b, key) > (a', b', key'); otherwise it is
 * spelled out key by key.
 */
export function afterSql(keys: readonly OrderKey[], alias: string, cursor: (key: OrderKey) => string): string {
  const uniform = keys.every((k) => !k.nullable && k.desc === keys[0]!.desc);
  if (uniform) {
    const op = keys[0]!.desc ? "<" : ">";
    if (keys.length === 1) return `${keys[0]!.sql(alias)} ${op} ${cursor(keys[0]!)}`;
    return `ROW(${keys.map((k) => k.sql(alias)).join(", ")}) ${op} ROW(${keys.map(cursor).join(", ")})`;
  }
  const alternatives = keys.map((key, i) => {
    const equalBefore = keys.slice(0, i).map((k) => sameSql(k, alias, cursor(k)));
    return [...equalBefore, laterSql(key, alias, cursor(key))].join(" AND ");
  });
  return `(${alternatives.map((a) => `(${a})`).join(" OR ")})`;
}

function sameSql(key: OrderKey, alias: string, value: string): string {
  return key.nullable ? `${key.sql(alias)} IS NOT DISTINCT FROM ${value}` : `${key.sql(alias)} = ${value}`;
}

function laterSql(key: OrderKey, alias: string, value: string): string {
  const strictly = `${key.sql(alias)} ${key.desc ? "<" : ">"} ${value}`;
  // nulls last: after a value come greater (or lesser) values and then every null; nothing comes after a null
  return key.nullable ? `(${value} IS NOT NULL AND (${strictly} OR ${key.sql(alias)} IS NULL))` : strictly;
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
