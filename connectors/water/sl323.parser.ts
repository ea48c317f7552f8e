/**
 * Reads SL 323 tables from either a JSON document { "ST_STBPRP_B": [...], ... }
 * or one UTF-8 CSV file per table, the table named by the file name
 * (ST_RIVER_R.csv, ST_RIVER_R_20260720.csv). Column names are upper-cased.
 */
import { parse as parseCsv } from "csv-parse/sync";
import { DocumentError, type SourceDocument } from "../types.js";
import { REQUIRED_COLUMNS, TABLES, type TableName } from "./sl323.schema.js";

export type Row = Record<string, unknown>;
export type Sl323Tables = Partial<Record<TableName, Row[]>>;

function upperKeys(row: unknown): Row {
  if (row === null || typeof row !== "object" || Array.isArray(row)) return { value: row };
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key.trim().toUpperCase(), value]));
}

function isCsv(doc: SourceDocument): boolean {
  return /\.csv$/i.test(doc.name) || /csv/i.test(doc.contentType ?? "");
}

/** The table a CSV file holds, from its name. */
export function tableOfFileName(name: string): TableName | null {
  const base = name.split(/[\\/]/).pop()!.toUpperCase();
  return TABLES.find((table) => base === table || base.startsWith(`${table}.`) || base.startsWith(`${table}_`)) ?? null;
}

function readCsv(doc: SourceDocument): Sl323Tables {
  const table = tableOfFileName(doc.name);
  if (table === null) {
    throw new DocumentError(`${doc.name}: cannot tell the SL 323 table from the file name (expected one of ${TABLES.join(", ")})`);
  }
  let rows: Row[];
  let header: string[] = [];
  try {
    rows = parseCsv(doc.body.toString("utf8"), {
      bom: true,
      columns: (names: string[]) => (header = names.map((name) => name.trim().toUpperCase())),
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    throw new DocumentError(`${doc.name}: not readable CSV: ${(error as Error).message}`);
  }
  const missing = REQUIRED_COLUMNS[table].filter((column) => !header.includes(column));
  if (header.length > 0 && missing.length > 0) {
    throw new DocumentError(`${doc.name}: ${table} is missing required columns ${missing.join(", ")}`);
  }
  return { [table]: rows };
}

function readJson(doc: SourceDocument): Sl323Tables {
  let json: unknown;
  try {
    json = JSON.parse(doc.body.toString("utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new DocumentError(`${doc.name}: not JSON: ${(error as Error).message}`);
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new DocumentError(`${doc.name}: expected an object of SL 323 tables (${TABLES.join(", ")})`);
  }
  const tables: Sl323Tables = {};
  for (const [key, rows] of Object.entries(json)) {
    const table = TABLES.find((name) => name === key.trim().toUpperCase());
    if (table === undefined) continue;
    if (!Array.isArray(rows)) throw new DocumentError(`${doc.name}: ${key} must be an array of rows`);
    tables[table] = rows.map(upperKeys);
  }
  return tables;
}

export function parseSl323(doc: SourceDocument): Sl323Tables {
  return isCsv(doc) ? readCsv(doc) : readJson(doc);
}
