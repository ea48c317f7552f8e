/**
 * A scratch database for one benchmark run: a fresh database created on the
 * PostgreSQL server named by BENCH_DATABASE_URL or DATABASE_URL (and dropped
 * afterwards), or else the embedded PGlite in a temporary folder.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, type Database } from "../src/data/database.js";
import { migrate } from "../src/data/migrate.js";
import { writeReferenceData } from "../src/data/reference-data.js";

export interface BenchDatabase {
  db: Database;
  /** "embedded (PGlite)" or the server's address without credentials. */
  label: string;
  drop(): Promise<void>;
}

export async function createBenchDatabase(env: NodeJS.ProcessEnv = process.env): Promise<BenchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "emhub-bench-"));
  const serverUrl = env.BENCH_DATABASE_URL || env.DATABASE_URL;
  let databaseUrl: string | null = null;
  let label = "embedded (PGlite)";
  let dropServerDb = async () => {};
  if (serverUrl) {
    const name = `emhub_bench_${process.pid}_${Date.now().toString(36)}`;
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
    label,
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
