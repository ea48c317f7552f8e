/**
 * The embedded database is private to the process that opened it: no TCP
 * port, an owner-only data folder, and a second process on the same folder is
 * refused instead of losing its writes.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/data/database.js";
import { EmbeddedDatabaseInUse } from "../../src/data/embedded.js";

describe("the embedded database", () => {
  it("listens on an owner-only Unix socket in the data folder, which is owner-only too", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "emhub-private-"));
    fs.chmodSync(dataDir, 0o755);
    const db = await openDatabase({ databaseUrl: null, dataDir });
    try {
      expect(db.url).not.toMatch(/127\.0\.0\.1|:\d{2,5}\//);
      const socket = path.join(dataDir, "run", ".s.PGSQL.5432");
      expect(fs.statSync(socket).isSocket()).toBe(true);
      expect(fs.statSync(socket).mode & 0o077).toBe(0);
      expect(fs.statSync(dataDir).mode & 0o077).toBe(0);
      expect(await db.sql("SELECT 1 AS one", [])).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
    const open = fs.readdirSync(path.join(dataDir, "pglite"), { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && (fs.statSync(path.join(e.parentPath, e.name)).mode & 0o077) !== 0);
    expect(open.map((e) => e.name)).toEqual([]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("refuses a second process on the same folder, and opens again once the first has closed", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "emhub-lock-"));
    const first = await openDatabase({ databaseUrl: null, dataDir });
    await expect(openDatabase({ databaseUrl: null, dataDir })).rejects.toThrow(EmbeddedDatabaseInUse);
    await expect(openDatabase({ databaseUrl: null, dataDir })).rejects.toThrow(/in use by another emhub process/);
    await first.close();
    const second = await openDatabase({ databaseUrl: null, dataDir });
    await second.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("on PostgreSQL", () => {
  it("ends a statement that runs longer than the statement timeout", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "emhub-timeout-"));
    const db = await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL!, dataDir, statementTimeoutMs: 200 });
    try {
      await expect(db.sql("SELECT pg_sleep(2)", [])).rejects.toThrow(/statement timeout/);
      await expect(db.prisma.$queryRawUnsafe("SELECT pg_sleep(2)")).rejects.toThrow(/statement timeout/);
      expect(await db.sql("SELECT 1 AS one", [])).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
