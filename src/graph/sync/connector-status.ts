/** A connector's status from its latest run and latest successful run (pure). */
import type { Connector } from "../../../connectors/types.js";
import type { SyncRunRow } from "../../data/sync-runs.js";
import type { ConnectorStatus, SyncRun } from "./sync.type.js";

export function syncRunOf(row: SyncRunRow): SyncRun {
  const { fetched, created, updated, unchanged, retired, rejected } = row;
  return {
    id: row.id,
    connector: row.connector,
    trigger: row.trigger,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    ok: row.ok,
    counts: { fetched, created, updated, unchanged, retired, rejected },
    error: row.error,
  };
}

export function connectorStatus(
  connector: Connector,
  intervalSeconds: number,
  runs: { last: SyncRunRow | null; lastFinished: SyncRunRow | null; lastSuccess: SyncRunRow | null },
  now: Date,
): ConnectorStatus {
  const lastSuccessAt = runs.lastSuccess?.finishedAt ?? null;
  const dataAgeSeconds = lastSuccessAt === null ? null : Math.max(0, Math.floor((now.getTime() - lastSuccessAt.getTime()) / 1000));
  const lastRun = runs.last ? syncRunOf(runs.last) : null;
  return {
    name: connector.name,
    department: connector.department,
    sourceSystem: connector.sourceSystem,
    schedule: intervalSeconds,
    lastRun,
    lastRunAt: runs.last?.startedAt ?? null,
    lastSuccessAt,
    dataAgeSeconds,
    ok: runs.lastFinished?.ok ?? null,
    stale: dataAgeSeconds === null || (intervalSeconds > 0 && dataAgeSeconds > 2 * intervalSeconds),
    lastCounts: runs.lastFinished ? syncRunOf(runs.lastFinished).counts : null,
    lastError: runs.lastFinished?.ok === false ? runs.lastFinished.error : null,
  };
}
