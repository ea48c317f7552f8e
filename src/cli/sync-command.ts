/** `emhub sync [connector]`: one run of every connector (or of one) from its configured sources, with a progress bar and a summary. */
import { Command } from "commander";
import cliProgress from "cli-progress";
import { ALL_CONNECTORS, connectorByName } from "../../connectors/index.js";
import type { Connector } from "../../connectors/types.js";
import { loadConfig } from "../config/config.js";
import type { SyncConfig } from "../config/sync-config.js";
import { openDatabase, type Prisma } from "../data/database.js";
import { migrate } from "../data/migrate.js";
import { writeReferenceData } from "../data/reference-data.js";
import { formatSummaryTable, type RunRow } from "../sync/summary-table.js";
import { syncConnector } from "../sync/sync-connector.js";

export interface SyncProgress {
  connectorStarted(connector: Connector): void;
  documentDone(name: string): void;
  connectorDone(row: RunRow): void;
}

/** Runs the connectors one after the other; the rows of the summary. */
export async function syncOnce(prisma: Prisma, connectors: Connector[], config: SyncConfig, progress?: SyncProgress): Promise<RunRow[]> {
  const rows: RunRow[] = [];
  for (const connector of connectors) {
    progress?.connectorStarted(connector);
    const started = performance.now();
    const summary = await syncConnector(prisma, connector, config, { trigger: "cli", onDocument: (name) => progress?.documentDone(name) });
    const row = { connector: connector.name, ok: summary.ok, counts: summary.counts, seconds: (performance.now() - started) / 1000, errors: summary.errors };
    rows.push(row);
    progress?.connectorDone(row);
  }
  return rows;
}

function progressBar(total: number): SyncProgress & { stop(): void } {
  const bar = new cliProgress.SingleBar(
    { format: "{bar} {value}/{total} connectors | {connector} {detail}", stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { connector: "", detail: "" });
  return {
    connectorStarted: (connector) => bar.update({ connector: connector.name, detail: "fetching…" }),
    documentDone: (name) => bar.update({ detail: name }),
    connectorDone: () => bar.increment(1, { detail: "done" }),
    stop: () => bar.stop(),
  };
}

export const syncCommand = new Command("sync")
  .description("run every connector once (or the one named) from its configured sources; exit code 1 when a run failed")
  .argument("[connector]", `one of: ${ALL_CONNECTORS.map((c) => c.name).join(", ")}`)
  .action(async (name: string | undefined) => {
    const connector = name === undefined ? undefined : connectorByName(name);
    if (name !== undefined && !connector) throw new Error(`no connector '${name}' (known: ${ALL_CONNECTORS.map((c) => c.name).join(", ")})`);
    const config = loadConfig();
    const db = await openDatabase(config);
    try {
      await migrate(db.prisma);
      await writeReferenceData(db.prisma);
      const connectors = connector ? [connector] : ALL_CONNECTORS;
      const bar = progressBar(connectors.length);
      const rows = await syncOnce(db.prisma, connectors, config.sync, bar).finally(() => bar.stop());
      console.log(formatSummaryTable(rows));
      if (rows.some((row) => !row.ok)) process.exitCode = 1;
    } finally {
      await db.close();
    }
  });
