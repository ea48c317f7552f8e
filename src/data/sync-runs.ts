/** The latest runs of each connector, for the connectors' status (one statement per question, whatever the number of connectors). */
import type { SyncCounts } from "../core/sync-counts.js";
import type { SqlRunner } from "./sql.js";

export interface SyncRunRow extends SyncCounts {
  id: string;
  connector: string;
  trigger: string;
  startedAt: Date;
  finishedAt: Date | null;
  ok: boolean | null;
  error: string | null;
}

export interface LatestRuns {
  /** The latest run started, finished or not. */
  last: SyncRunRow | null;
  /** The latest run that has finished. */
  lastFinished: SyncRunRow | null;
  /** The latest run that succeeded. */
  lastSuccess: SyncRunRow | null;
}

/** The three questions, each a fixed statement (no text built from input). */
const LATEST = {
  started: `SELECT DISTINCT ON ("connector") * FROM "SyncRun" WHERE "connector" = ANY($1::text[]) ORDER BY "connector", "startedAt" DESC`,
  finished: `SELECT DISTINCT ON ("connector") * FROM "SyncRun" WHERE "connector" = ANY($1::text[]) AND "finishedAt" IS NOT NULL ORDER BY "connector", "finishedAt" DESC`,
  succeeded: `SELECT DISTINCT ON ("connector") * FROM "SyncRun" WHERE "connector" = ANY($1::text[]) AND "ok" = true ORDER BY "connector", "finishedAt" DESC`,
} as const;

async function latestBy(sql: SqlRunner, connectors: string[], statement: string): Promise<Map<string, SyncRunRow>> {
  const rows = (await sql(statement, [connectors])) as unknown as SyncRunRow[];
  return new Map(rows.map((row) => [row.connector, row]));
}

export async function latestRuns(sql: SqlRunner, connectors: string[]): Promise<Map<string, LatestRuns>> {
  const [last, finished, success] = [
    await latestBy(sql, connectors, LATEST.started),
    await latestBy(sql, connectors, LATEST.finished),
    await latestBy(sql, connectors, LATEST.succeeded),
  ];
  return new Map(
    connectors.map((name) => [name, { last: last.get(name) ?? null, lastFinished: finished.get(name) ?? null, lastSuccess: success.get(name) ?? null }]),
  );
}
