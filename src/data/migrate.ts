/**
 * Applies prisma/migrations/<name>/migration.sql in order, bookkept in Prisma's
 * own `_prisma_migrations` table (same columns and sha256 checksums), so the
 * Prisma CLI (`prisma migrate status|deploy`) agrees with what the hub did.
 * Each migration runs in its own transaction, under a transaction-level
 * advisory lock: of hubs starting together on a new database, one applies
 * each migration and the others wait, then find it applied.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { MIGRATIONS_DIR } from "../config/paths.js";
import { inSqlTransaction, type Prisma } from "./database.js";
import { sql } from "./sql-text.js";

/** The advisory lock key of migrations (any constant the hub uses for nothing else). */
export const MIGRATION_LOCK = 4_101_060_001;
const LOCK = `SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`;

const BOOKKEEPING = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

export async function migrate(prisma: Prisma, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  const done = await inSqlTransaction(prisma, async (query) => {
    await query(LOCK);
    await query(BOOKKEEPING);
    return query(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`);
  });
  const doneByName = new Map(done.map((row) => [row.migration_name as string, row.checksum as string]));
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const applied: string[] = [];
  for (const name of names) {
    const text = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
    const checksum = crypto.createHash("sha256").update(text).digest("hex");
    const recorded = doneByName.get(name);
    if (recorded !== undefined) {
      if (recorded !== checksum) throw new Error(`migration ${name} was changed after it was applied (checksum differs)`);
      continue;
    }
    const ran = await inSqlTransaction(prisma, async (query) => {
      await query(LOCK);
      const appliedMeanwhile = await query(
        sql`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = ${name} AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      );
      if (appliedMeanwhile.length > 0) return false;
      for (const statement of splitStatements(text)) await query(statement);
      await query(
        sql`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
            VALUES (${crypto.randomUUID()}, ${checksum}, ${name}, now(), 1)`,
      );
      return true;
    });
    if (ran) applied.push(name);
  }
  return { applied, alreadyApplied: doneByName.size };
}

/** Splits a migration into statements (Prisma's generated SQL has no dollar-quoted bodies). */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((statement) => statement.replace(/^\s*--.*$/gm, "").trim())
    .filter((statement) => statement.length > 0);
}
