/**
 * The lookups a sync makes per chunk (existing rows by source id, parents by
 * key), as one plain statement with an array parameter: Prisma's findMany
 * with `in` spends more time building the query than PostgreSQL answering it.
 */
import type { SqlRunner } from "../data/sql.js";
import { tableOf, type Row } from "./bulk-write.js";
import { quote } from "../data/sql-text.js";

export interface InLookup {
  /** The column matched against `values`. */
  column: string;
  values: string[];
  /** Only rows of this source system, when given. */
  sourceSystem?: string;
}

/** The `columns` of the rows of `model` whose `column` is one of `values`. */
export async function selectIn(query: SqlRunner, model: string, columns: string[], lookup: InLookup): Promise<Row[]> {
  if (lookup.values.length === 0) return [];
  const params: unknown[] = [lookup.values];
  let sql = `SELECT ${columns.map(quote).join(", ")} FROM ${tableOf(model)} WHERE ${quote(lookup.column)} = ANY($1::text[])`;
  if (lookup.sourceSystem !== undefined) {
    params.push(lookup.sourceSystem);
    sql += ` AND "sourceSystem" = $2`;
  }
  return query(sql, params);
}
