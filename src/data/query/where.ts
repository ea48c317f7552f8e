/**
 * Compiles the Reader's filters to SQL. A filter is the small object language
 * the resolvers and the access policy write (the subset of Prisma's `where`
 * the hub uses): `{ column: value }`, `{ column: { in, notIn, not, equals, lt,
 * lte, gt, gte, startsWith, within, contains, mode, has, hasSome } }`, `AND`, `OR`,
 * `NOT`, and to-one relations by name (`{ hazard: { regionCode: … } }`).
 * Every value becomes a parameter; LIKE patterns are escaped.
 */
import { DATASETS, type DatasetName } from "../datasets.js";
import { elementType, tableOf, type Table, type Tables } from "./tables.js";
import { quote, type Params } from "../sql-text.js";

export type Where = Record<string, unknown>;

export interface WhereContext {
  tables: Tables;
  params: Params;
}

/** SQL for `where` on `dataset` aliased as `alias`; "TRUE" for an empty filter. */
export function compileWhere(dataset: DatasetName, where: Where, alias: string, ctx: WhereContext): string {
  const table = tableOf(ctx.tables, dataset);
  const parts = Object.entries(where)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => compileEntry(dataset, table, key, value, alias, ctx));
  return joinAll(parts, "AND");
}

function compileEntry(dataset: DatasetName, table: Table, key: string, value: unknown, alias: string, ctx: WhereContext): string {
  switch (key) {
    case "AND":
      return joinAll(asList(value).map((w) => compileWhere(dataset, w, alias, ctx)), "AND");
    case "OR":
      return joinAny(asList(value).map((w) => compileWhere(dataset, w, alias, ctx)));
    case "NOT":
      return `NOT (${joinAll(asList(value).map((w) => compileWhere(dataset, w, alias, ctx)), "AND")})`;
  }
  const type = table.columns.get(key);
  if (type !== undefined) return compileColumn(`${alias}.${quote(key)}`, type, value, ctx.params);
  const relation = DATASETS[dataset].relations?.[key];
  if (relation) {
    const inner = `${alias}r`; // each EXISTS has its own scope: one name per depth keeps the statement text stable
    const target = tableOf(ctx.tables, relation.dataset);
    // a relation's dataset is a declared one (checked at start: data/registry-check.ts)
    const condition = compileWhere(relation.dataset as DatasetName, value as Where, inner, ctx);
    return `EXISTS (SELECT 1 FROM ${quote(target.name)} ${inner} WHERE ${inner}.${quote(relation.to)} = ${alias}.${quote(relation.from)} AND ${condition})`;
  }
  throw new Error(`filter on ${dataset}.${key}: no such column or relation`);
}

function compileColumn(column: string, type: string, value: unknown, params: Params): string {
  if (value === null) return `${column} IS NULL`;
  if (!isOperators(value)) return `${column} = ${params.add(value, type)}`;
  const parts: string[] = [];
  const insensitive = value.mode === "insensitive";
  for (const [op, operand] of Object.entries(value)) {
    if (operand === undefined || op === "mode") continue;
    parts.push(compileOperator(column, type, op, operand, insensitive, params));
  }
  return joinAll(parts, "AND");
}

function compileOperator(column: string, type: string, op: string, operand: unknown, insensitive: boolean, params: Params): string {
  const like = insensitive ? "ILIKE" : "LIKE";
  switch (op) {
    case "equals":
      return operand === null ? `${column} IS NULL` : `${column} = ${params.add(operand, type)}`;
    case "not":
      if (operand === null) return `${column} IS NOT NULL`;
      if (isOperators(operand)) return `NOT (${compileColumn(column, type, operand, params)})`;
      return `${column} IS DISTINCT FROM ${params.add(operand, type)}`;
    case "in":
      if ((operand as unknown[]).length === 0) return "FALSE";
      // values of an enum are written into the statement: a partial index on them (open hazards) is then
      // provably usable in the generic plan of a prepared statement too; the values are the enum's own labels
      if (isEnumList(type, operand)) return `${column} IN (${(operand as string[]).map((v) => `'${v}'`).join(", ")})`;
      return `${column} = ANY(${params.add(operand, `${type}[]`)})`;
    case "notIn":
      return (operand as unknown[]).length === 0 ? "TRUE" : `NOT (${column} = ANY(${params.add(operand, `${type}[]`)}))`;
    case "lt":
      return `${column} < ${params.add(operand, type)}`;
    case "lte":
      return `${column} <= ${params.add(operand, type)}`;
    case "gt":
      return `${column} > ${params.add(operand, type)}`;
    case "gte":
      return `${column} >= ${params.add(operand, type)}`;
    case "startsWith": {
      // A plain prefix (a division code) is written into the statement: with a parameter, PostgreSQL's generic plan
      // for a prepared statement cannot estimate the LIKE and picks a scan of the whole table over the ordered index.
      const prefix = String(operand);
      if (PLAIN_PREFIX.test(prefix)) return `${column} LIKE '${prefix}%'`;
      return `${column} LIKE ${params.add(`${escapeLike(prefix)}%`, "text")}`;
    }
    case "within": {
      // A division and what lies under it. A city (4 digits) or county (6) is one equality on the code's
      // leading digits, which indexes on substr(code, 1, 4) and substr(code, 1, 6) serve in the order a
      // list asks for (the migrations build them per order); deeper levels add the full prefix.
      const prefix = String(operand);
      if (!PLAIN_PREFIX.test(prefix)) return `${column} LIKE ${params.add(`${escapeLike(prefix)}%`, "text")}`;
      if (prefix.length < 4) return `${column} LIKE '${prefix}%'`;
      const level = prefix.length >= 6 ? 6 : 4;
      const leading = `substr(${column}, 1, ${level}) = '${prefix.slice(0, level)}'`;
      return prefix.length > level ? `${leading} AND ${column} LIKE '${prefix}%'` : leading;
    }
    case "endsWith":
      return `${column} ${like} ${params.add(`%${escapeLike(String(operand))}`, "text")}`;
    case "contains":
      return `${column} ${like} ${params.add(`%${escapeLike(String(operand))}%`, "text")}`;
    case "has":
      return `${params.add(operand, elementType(type))} = ANY(${column})`;
    case "hasSome":
      return (operand as unknown[]).length === 0 ? "FALSE" : `${column} && ${params.add(operand, type)}`;
    case "hasEvery":
      return `${column} @> ${params.add(operand, type)}`;
    default:
      throw new Error(`filter operator ${op} is not supported`);
  }
}

/** A list of enum labels (the column's type is a quoted enum name; each label upper-case letters and _): safe as literals. */
function isEnumList(type: string, operand: unknown): boolean {
  return type.startsWith('"') && Array.isArray(operand) && operand.every((v) => typeof v === "string" && /^[A-Z][A-Z0-9_]{0,62}$/.test(v));
}

/** Letters and digits only: safe to write into a statement as they are, and no LIKE wildcard among them. */
const PLAIN_PREFIX = /^[0-9A-Za-z]{1,32}$/;

/** `%`, `_` and `\` match themselves in a LIKE pattern built from user text. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function isOperators(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function asList(value: unknown): Where[] {
  return (Array.isArray(value) ? value : [value]).filter((w): w is Where => w != null);
}

function joinAll(parts: string[], op: "AND"): string {
  const real = parts.filter((p) => p !== "TRUE");
  if (real.includes("FALSE")) return "FALSE";
  if (real.length === 0) return "TRUE";
  return real.length === 1 ? real[0]! : real.map((p) => `(${p})`).join(` ${op} `);
}

function joinAny(parts: string[]): string {
  const real = parts.filter((p) => p !== "FALSE");
  if (real.length === 0) return "FALSE";
  if (real.includes("TRUE")) return "TRUE";
  return real.length === 1 ? real[0]! : `(${real.map((p) => `(${p})`).join(" OR ")})`;
}
