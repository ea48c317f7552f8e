/**
 * The Reader's statements are prepared under names of their own. On the
 * embedded database every socket connection shares one session, so a second
 * connection finds the names the first one prepared: the runner must go on
 * answering (unnamed) instead of failing with "prepared statement already exists".
 */
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createSqlRunner } from "../../src/data/sql.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

it("answers a prepared statement on a second connection to the same database", async () => {
  const text = `SELECT code, name FROM "Region" WHERE code = $1::text`;
  expect(await database.db.sql(text, ["410000"])).toEqual([{ code: "410000", name: "河南省" }]);
  const other = new pg.Pool({ connectionString: database.db.url, max: 1 });
  try {
    const run = createSqlRunner(other, () => {});
    for (let i = 0; i < 3; i++) expect(await run(text, ["410000"])).toEqual([{ code: "410000", name: "河南省" }]);
  } finally {
    await other.end();
  }
});

it("reads timestamps as UTC instants and calendar days as YYYY-MM-DD", async () => {
  const [row] = await database.db.sql(`SELECT '2026-11-27 08:30:00.123'::timestamp(3) AS at, '2026-11-27'::date AS day, 12.50::numeric(14,2) AS funds, count(*) AS n FROM "Region"`, []);
  expect(row!.at).toEqual(new Date("2026-11-27T08:30:00.123Z"));
  expect(row!.day).toBe("2026-11-27");
  expect(row!.funds).toBe(12.5);
  expect(typeof row!.n).toBe("number");
});
