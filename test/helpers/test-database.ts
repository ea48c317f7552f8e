/**
 * A database for one test file: embedded PGlite in a temporary folder by
 * default, or a fresh database on the server named by TEST_DATABASE_URL
 * (created here, dropped afterwards).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, type Database } from "../../src/data/database.js";
import { migrate } from "../../src/data/migrate.js";
import { writeReferenceData } from "../../src/data/reference-data.js";

export interface TestDatabase {
  db: Database;
  dataDir: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "emhub-test-"));
  const serverUrl = process.env.TEST_DATABASE_URL;
  let databaseUrl: string | null = null;
  let dropServerDb = async () => {};
  if (serverUrl) {
    const name = `emhub_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropServerDb = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  const db = await openDatabase({ databaseUrl, dataDir });
  await migrate(db.prisma);
  await writeReferenceData(db.prisma);
  return {
    db,
    dataDir,
    async drop() {
      await db.close();
      await dropServerDb();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
