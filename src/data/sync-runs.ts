/** The latest runs of each connector, for the connectors' status (one statement per question, whatever the number of connectors). */
import type { SyncCounts } from "../core/sync-counts.js";
import type { Prisma } from "./database.js";

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

async function latestBy(prisma: Prisma, connectors: string[], condition: string, order: string): Promise<Map<string, SyncRunRow>> {
  const rows = await prisma.$queryRawUnsafe<SyncRunRow[]>(
    `SELECT DISTINCT ON ("connector") * FROM "SyncRun" WHERE "connector" = ANY($1::text[]) ${condition} ORDER BY "connector", ${order} DESC`,
    connectors,
  );
  return new Map(rows.map((row) => [row.connector, row]));
}

export async function latestRuns(prisma: Prisma, connectors: string[]): Promise<Map<string, LatestRuns>> {
  const [last, finished, success] = [
    await latestBy(prisma, connectors, "", `"startedAt"`),
    await latestBy(prisma, connectors, `AND "finishedAt" IS NOT NULL`, `"finishedAt"`),
    await latestBy(prisma, connectors, `AND "ok" = true`, `"finishedAt"`),
  ];
  return new Map(
    connectors.map((name) => [name, { last: last.get(name) ?? null, lastFinished: finished.get(name) ?? null, lastSuccess: success.get(name) ?? null }]),
  );
}
