/**
 * Read statements on the database's own connection pool, without Prisma's
 * query compiler and result mapping. `timestamp` columns (stored in UTC) come
 * back as Dates, as Prisma gives them; `date` columns (calendar days) as the
 * day itself, "YYYY-MM-DD"; numerics and 64-bit counts as numbers. Each distinct statement text is
 * prepared once per connection under a name of its own, so PostgreSQL plans
 * it once.
 */
import pg from "pg";
import type { Statement } from "./sql-text.js";

export type SqlRow = Record<string, unknown>;
/** Runs a statement: its text and parameters, or what the `sql` template (sql-text.ts) made. */
export type SqlRunner = (text: string | Statement, params?: readonly unknown[]) => Promise<SqlRow[]>;

export function statementOf(text: string | Statement, params: readonly unknown[] = []): Statement {
  return typeof text === "string" ? { text, values: params as unknown[] } : text;
}

const OID = { INT8: 20, DATE: 1082, TIMESTAMP: 1114, NUMERIC: 1700 } as const;

/** How many statement texts get a prepared name; texts beyond it run unnamed (parsed every time). */
const MAX_PREPARED = 1000;

const parseUtcTimestamp = (value: string): Date => new Date(`${value.replace(" ", "T")}Z`);
const calendarDay = (value: string): string => value;

/** The one set of type parsers, for every statement the hub sends without Prisma. */
export const SQL_TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    switch (oid) {
      case OID.TIMESTAMP:
        return parseUtcTimestamp;
      case OID.DATE:
        return calendarDay;
      case OID.NUMERIC:
      case OID.INT8:
        return Number;
      default:
        return pg.types.getTypeParser(oid, format);
    }
  }) as pg.CustomTypesConfig["getTypeParser"],
};

/** PostgreSQL's "prepared statement already exists". */
const DUPLICATE_PREPARED_STATEMENT = "42P05";

export function createSqlRunner(pool: pg.Pool, notify: (sql: string) => void): SqlRunner {
  const names = new Map<string, string | null>();
  return async (statement, params) => {
    const { text, values } = statementOf(statement, params);
    let name = names.get(text);
    if (name === undefined && names.size < MAX_PREPARED) names.set(text, (name = `emhub_${names.size + 1}`));
    notify(text);
    try {
      return (await pool.query({ text, values, types: SQL_TYPES, ...(name ? { name } : {}) })).rows as SqlRow[];
    } catch (error) {
      // The embedded database keeps one session for every socket connection: a connection opened after
      // another closed finds the statements that one prepared. Such a text runs unnamed from then on.
      if (!name || (error as { code?: string }).code !== DUPLICATE_PREPARED_STATEMENT) throw error;
      names.set(text, null);
      return (await pool.query({ text, values, types: SQL_TYPES })).rows as SqlRow[];
    }
  };
}

/** A runner on one client (a transaction's connection), with the same type parsers; statements run unnamed. */
export function clientRunner(client: pg.ClientBase): SqlRunner {
  return async (statement, params) => (await client.query({ ...statementOf(statement, params), types: SQL_TYPES })).rows as SqlRow[];
}
