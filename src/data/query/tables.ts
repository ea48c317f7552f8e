/**
 * The columns of the hub's tables (and views; a partitioned table by its parent, not its partitions)
 * and their PostgreSQL types, read from the
 * database once at start (after migrations), so statements can select the
 * columns a request asks for and cast parameters to the column's own type.
 */
import type { SqlRunner } from "../sql.js";

export interface Table {
  name: string;
  /** Column name → PostgreSQL type as format_type writes it: text, text[], "HazardState", timestamp(3) without time zone… */
  columns: ReadonlyMap<string, string>;
  /** Columns declared NOT NULL. */
  notNull: ReadonlySet<string>;
}

export type Tables = ReadonlyMap<string, Table>;

export async function loadTables(sql: SqlRunner): Promise<Tables> {
  const rows = await sql(
    `SELECT c.relname AS "table", a.attname AS "column", format_type(a.atttypid, a.atttypmod) AS "type", a.attnotnull AS "notNull"
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v') AND NOT c.relispartition AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
    [],
  );
  const tables = new Map<string, { name: string; columns: Map<string, string>; notNull: Set<string> }>();
  for (const row of rows) {
    const name = row.table as string;
    let table = tables.get(name);
    if (!table) tables.set(name, (table = { name, columns: new Map(), notNull: new Set() }));
    table.columns.set(row.column as string, row.type as string);
    if (row.notNull === true) table.notNull.add(row.column as string);
  }
  return tables;
}

export function tableOf(tables: Tables, name: string): Table {
  const table = tables.get(name);
  if (!table) throw new Error(`table "${name}" is not in the database (are the migrations applied?)`);
  return table;
}

/** "text[]" → "text"; a scalar type stays as it is. */
export function elementType(type: string): string {
  return type.endsWith("[]") ? type.slice(0, -2) : type;
}
