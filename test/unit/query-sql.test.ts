/** The Reader's SQL: filters compiled with parameters, LIKE text escaped, keyset conditions. */
import { describe, expect, it } from "vitest";
import { afterSql, decodeCursor, encodeCursor, orderKeys, orderSql } from "../../src/data/query/order.js";
import { Params, ident, quote, sql } from "../../src/data/sql-text.js";
import type { Tables } from "../../src/data/query/tables.js";
import { compileWhere, escapeLike } from "../../src/data/query/where.js";

const tables: Tables = new Map([
  ["Hazard", { name: "Hazard", columns: new Map([["id", "text"], ["state", '"HazardState"'], ["regionCode", "text"], ["sector", "text"], ["description", "text"], ["deadline", "date"], ["foundAt", "timestamp(3) without time zone"], ["retiredAt", "timestamp(3) without time zone"]]), notNull: new Set(["id", "state", "regionCode", "description", "foundAt"]) }],
  ["HazardEvent", { name: "HazardEvent", columns: new Map([["id", "text"], ["hazardId", "text"], ["action", "text"]]), notNull: new Set(["id", "hazardId", "action"]) }],
  ["Warning", { name: "Warning", columns: new Map([["id", "text"], ["regionCodes", "text[]"]]), notNull: new Set(["id"]) }],
]);

function compile(dataset: "Hazard" | "HazardEvent" | "Warning", where: Record<string, unknown>) {
  const params = new Params();
  return { sql: compileWhere(dataset, where, "t", { tables, params }), values: params.values };
}

describe("filters", () => {
  it("sends every value as a parameter cast to its column's type", () => {
    const { sql, values } = compile("Hazard", { AND: [{ sector: { in: ["危险化学品", "烟花爆竹"] } }, { description: { contains: "50%_off", mode: "insensitive" } }, { retiredAt: null }] });
    expect(sql).toBe(`(t."sector" = ANY($1::text[])) AND (t."description" ILIKE $2::text) AND (t."retiredAt" IS NULL)`);
    expect(values).toEqual([["危险化学品", "烟花爆竹"], "%50\\%\\_off%"]);
  });

  it("writes enum labels into the statement, so that a partial index on them is usable in a prepared statement's generic plan", () => {
    expect(compile("Hazard", { state: { in: ["REPORTED", "RECTIFYING"] } }).sql).toBe(`t."state" IN ('REPORTED', 'RECTIFYING')`);
    expect(compile("Hazard", { state: { in: ["CLOSED'); DROP"] } }).sql).toBe(`t."state" = ANY($1::"HazardState"[])`);
  });

  it("writes a plain prefix into the statement and escapes any other", () => {
    expect(compile("Hazard", { regionCode: { startsWith: "4102" } }).sql).toBe(`t."regionCode" LIKE '4102%'`);
    const odd = compile("Hazard", { regionCode: { startsWith: "41'; DROP" } });
    expect(odd.sql).toBe(`t."regionCode" LIKE $1::text`);
    expect(odd.values).toEqual(["41'; DROP%"]);
  });

  it("writes a division as an equality on the leading digits that the per-order indexes serve", () => {
    expect(compile("Hazard", { regionCode: { within: "41" } }).sql).toBe(`t."regionCode" LIKE '41%'`);
    expect(compile("Hazard", { regionCode: { within: "4102" } }).sql).toBe(`substr(t."regionCode", 1, 4) = '4102'`);
    expect(compile("Hazard", { regionCode: { within: "410202" } }).sql).toBe(`substr(t."regionCode", 1, 6) = '410202'`);
    expect(compile("Hazard", { regionCode: { within: "410202001" } }).sql).toBe(`substr(t."regionCode", 1, 6) = '410202' AND t."regionCode" LIKE '410202001%'`);
    const odd = compile("Hazard", { regionCode: { within: "41'; DROP" } });
    expect(odd.sql).toBe(`t."regionCode" LIKE $1::text`);
  });

  it("follows a to-one relation with EXISTS, and handles OR, NOT and empty lists", () => {
    expect(compile("HazardEvent", { hazard: { regionCode: { startsWith: "4102" } } }).sql).toBe(
      `EXISTS (SELECT 1 FROM "Hazard" tr WHERE tr."id" = t."hazardId" AND tr."regionCode" LIKE '4102%')`,
    );
    expect(compile("Hazard", { OR: [] }).sql).toBe("FALSE");
    expect(compile("Hazard", { state: { in: [] } }).sql).toBe("FALSE");
    expect(compile("Hazard", { NOT: { state: "CLOSED" } }).sql).toBe(`NOT (t."state" = $1::"HazardState")`);
    expect(compile("Warning", { regionCodes: { hasSome: ["410200"] } }).sql).toBe(`t."regionCodes" && $1::text[]`);
    expect(compile("Warning", { regionCodes: { has: "410200" } }).sql).toBe(`$1::text = ANY(t."regionCodes")`);
  });

  it("sends Dates as UTC ISO text", () => {
    expect(compile("Hazard", { foundAt: { gte: new Date("2026-01-02T03:04:05.006Z") } }).values).toEqual(["2026-01-02T03:04:05.006Z"]);
  });

  it("refuses a filter on a column that does not exist", () => {
    expect(() => compile("Hazard", { nope: 1 })).toThrow(/no such column/);
  });

  it("escapes LIKE wildcards", () => {
    expect(escapeLike("a%b_c\\d")).toBe("a\\%b\\_c\\\\d");
  });
});

describe("keyset order", () => {
  const column = (name: string) => ({ type: tables.get("Hazard")!.columns.get(name)!, notNull: tables.get("Hazard")!.notNull.has(name) });
  const cursor = (k: { sql: (a: string) => string }) => k.sql("c");

  it("ends every order with the key and compares rows when every key is NOT NULL and sorts one way", () => {
    const keys = orderKeys([{ description: "asc" }], "id", column);
    expect(orderSql(keys, "t")).toBe(`t."description" ASC, t."id" ASC`);
    expect(afterSql(keys, "t", cursor)).toBe(`ROW(t."description", t."id") > ROW(c."description", c."id")`);
  });

  it("breaks ties by the key in the direction of the last key, so that a descending order is one row comparison an index serves", () => {
    const newest = orderKeys([{ foundAt: "desc" }], "id", column);
    expect(orderSql(newest, "t")).toBe(`t."foundAt" DESC, t."id" DESC`);
    expect(afterSql(newest, "t", cursor)).toBe(`ROW(t."foundAt", t."id") < ROW(c."foundAt", c."id")`);
  });

  it("spells out mixed directions", () => {
    const mixed = orderKeys([{ foundAt: "desc" }, { id: "asc" }], "id", column);
    expect(afterSql(mixed, "t", cursor)).toBe(`((t."foundAt" < c."foundAt") OR (t."foundAt" = c."foundAt" AND t."id" > c."id"))`);
  });

  it("sorts a nullable day as COALESCE(day, infinity): nulls last, one row comparison", () => {
    const byDeadline = orderKeys([{ deadline: "asc" }], "id", column);
    expect(orderSql(byDeadline, "t")).toBe(`COALESCE(t."deadline", 'infinity'::date) ASC, t."id" ASC`);
    expect(afterSql(byDeadline, "t", cursor)).toBe(`ROW(COALESCE(t."deadline", 'infinity'::date), t."id") > ROW(COALESCE(c."deadline", 'infinity'::date), c."id")`);
  });

  it("compares a nullable text key null-aware, nulls last", () => {
    const nullableText = orderKeys([{ category: "asc" }], "id", () => ({ type: "text", notNull: false }));
    expect(afterSql(nullableText, "t", cursor)).toBe(
      `(((c."category" IS NOT NULL AND (t."category" > c."category" OR t."category" IS NULL))) OR (t."category" IS NOT DISTINCT FROM c."category" AND t."id" > c."id"))`,
    );
  });

  it("round-trips a cursor and refuses text that is not one", () => {
    expect(decodeCursor(encodeCursor("91410212MA3X7K2P1F"))).toBe("91410212MA3X7K2P1F");
    expect(decodeCursor("bm9wZQ")).toBeNull();
    expect(decodeCursor(Buffer.from("o:20").toString("base64url"))).toBeNull();
  });
});

describe("the sql template and quote (the one place names and values enter a statement)", () => {
  it("makes every value a parameter and every ident a quoted name", () => {
    const at = new Date("2026-12-07T01:02:03.000Z");
    const statement = sql`UPDATE ${ident("Hazard")} SET "overdueSince" = ${at}::timestamp(3) WHERE "id" = ANY(${["a'; DROP TABLE x; --"]}::text[])`;
    expect(statement.text).toBe(`UPDATE "Hazard" SET "overdueSince" = $1::timestamp(3) WHERE "id" = ANY($2::text[])`);
    expect(statement.values).toEqual(["2026-12-07T01:02:03.000Z", ["a'; DROP TABLE x; --"]]);
  });

  it("refuses a name that is not a plain table or column name", () => {
    expect(quote("riskPoint")).toBe('"riskPoint"');
    expect(() => quote('Hazard" ; DROP TABLE "Hazard')).toThrow(/not a table or column name/);
    expect(() => sql`SELECT * FROM ${ident("a b")}`).toThrow(/not a table or column name/);
  });
});

describe("no statement text is built past the SQL layer", () => {
  it("src/ sends no raw SQL through Prisma", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const files = readdirSync("src", { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith(".ts") && !entry.parentPath.includes("generated"))
      .map((entry) => `${entry.parentPath}/${entry.name}`);
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.filter((file) => /\$(query|execute)Raw/.test(readFileSync(file, "utf8")));
    expect(offenders).toEqual([]);
  });
});
