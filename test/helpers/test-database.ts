/**
 * A scratch database for one test file or benchmark run: a fresh database on
 * a PostgreSQL server (created here, dropped afterwards), or the embedded
 * PGlite in a temporary folder. Migrated, with reference data written.
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
  /** "embedded (PGlite)" or the server's address. */
  label: string;
  drop(): Promise<void>;
}

/** On `serverUrl` when given (the user must be allowed to create databases), else embedded. */
export async function scratchDatabase(serverUrl: string | null | undefined, prefix: string): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  let databaseUrl: string | null = null;
  let label = "embedded (PGlite)";
  let dropServerDb = async () => {};
  if (serverUrl) {
    const name = `${prefix.replace(/-/g, "_")}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    label = `PostgreSQL ${url.host}`;
    dropServerDb = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  const db = await openDatabase({ databaseUrl, dataDir });
  await migrate(db.prisma);
  await writeReferenceData(db.prisma);
  return {
    db,
    dataDir,
    label,
    async drop() {
      await db.close();
      await dropServerDb();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The test suite's database: on TEST_DATABASE_URL's server when set. */
export function createTestDatabase(): Promise<TestDatabase> {
  return scratchDatabase(process.env.TEST_DATABASE_URL, "emhub-test");
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
