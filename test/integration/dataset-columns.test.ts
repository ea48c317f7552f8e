/**
 * The Reader reads only the columns behind the fields a request selects. So
 * that no field silently reads null, every field of every dataset's GraphQL
 * type must be a column of its table, `id`, `provenance`, or declared in the
 * dataset's `needs` with the columns its resolver reads (datasets.ts).
 */
import { isObjectType } from "graphql";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DATASETS, type DatasetName } from "../../src/data/datasets.js";
import { loadTables, type Tables } from "../../src/data/query/tables.js";
import { hubSchema } from "../../src/graph/schema.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";

let database: TestDatabase;
let tables: Tables;
beforeAll(async () => {
  database = await createTestDatabase();
  tables = await loadTables(database.db.sql);
});
afterAll(async () => {
  await database?.drop();
});

it("knows the columns behind every field of every dataset type", async () => {
  const schema = await hubSchema();
  const unknown: string[] = [];
  for (const [name, spec] of Object.entries(DATASETS) as Array<[DatasetName, (typeof DATASETS)[DatasetName]]>) {
    const type = schema.getType(name);
    if (!isObjectType(type)) continue;
    const columns = tables.get(name)!.columns;
    for (const field of Object.keys(type.getFields())) {
      const known = columns.has(field) || field === "id" || field === "provenance" || (spec.needs !== undefined && field in spec.needs);
      if (!known) unknown.push(`${name}.${field}`);
    }
    for (const needed of Object.values(spec.needs ?? {}).flat()) expect(columns.has(needed), `${name} needs column ${needed}`).toBe(true);
  }
  expect(unknown).toEqual([]);
});
