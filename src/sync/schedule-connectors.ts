/**
 * The scheduler `emhub serve` runs: every connector that has sources
 * configured, pulled from them on its interval, with one log line per run that
 * changed or failed. A connector without sources is not pulled (its sample
 * feeds are loaded once, into a new database, when samples are on).
 */
import { ALL_CONNECTORS } from "../../connectors/index.js";
import { connectorSyncConfig, type SyncConfig } from "../config/sync-config.js";
import type { Prisma } from "../data/database.js";
import { startScheduler, type Scheduler } from "./scheduler.js";
import type { SyncOptions, SyncSummary } from "./run-sync.js";
import { syncConnector } from "./sync-connector.js";
import { log as logger } from "../log.js";

export interface ScheduleOptions {
  /** First runs start this far apart (ms), so connectors do not all pull at once. Default 1000. */
  startDelayMs?: number;
  log?: (line: string) => void;
  /** Every finished run (for events). */
  onRun?: (summary: SyncSummary) => void;
  /** The records each document of a run changed, once written (for events). */
  onChanges?: SyncOptions["onChanges"];
  /** Why writes are refused now (a full disk), or null. */
  writeRefusal?: SyncOptions["writeRefusal"];
}

export function describeRun(summary: SyncSummary): string {
  const c = summary.counts;
  const counts = `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.retired} retired, ${c.rejected} quarantined`;
  return `sync ${summary.connector}: ${counts}${summary.ok ? "" : ` — failed: ${summary.errors.join("; ")}`}`;
}

export function scheduleConnectors(prisma: Prisma, config: SyncConfig, options: ScheduleOptions = {}): Scheduler {
  const log = options.log ?? ((line: string) => logger.info(line));
  return startScheduler({
    connectors: ALL_CONNECTORS.filter((connector) => connectorSyncConfig(config, connector.name).sources !== null),
    config,
    run: (connector, signal) => syncConnector(prisma, connector, config, { trigger: "schedule", signal, onChanges: options.onChanges, writeRefusal: options.writeRefusal }),
    startDelayMs: options.startDelayMs,
    onResult: (_connector, summary) => {
      options.onRun?.(summary);
      const c = summary.counts;
      if (!summary.ok || c.created + c.updated + c.retired + c.rejected > 0) log(describeRun(summary));
    },
    onError: (connector, error) => log(`sync ${connector.name}: stopped by an error: ${(error as Error).message}`),
  });
}
