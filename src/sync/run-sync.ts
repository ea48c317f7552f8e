/**
 * One synchronisation run of a connector over some documents: each document
 * is parsed and applied on its own, so a document that cannot be fetched or
 * read fails alone (with its reason) and the earlier data stays. Documents
 * may arrive lazily (an async iterable), one page at a time. Every run is
 * recorded in SyncRun — a run that stops on an unexpected error too; every
 * rejected record goes to quarantine with its payload. Runs of one connector
 * never overlap (connector-lock.ts). Each document is applied in one
 * transaction, so a crash leaves it whole or absent. The records a document
 * changed are handed to `onChanges` once it is committed and not kept, so a
 * run's memory follows its largest document, not its length.
 */
import { DocumentError, type Connector, type SourceDocument } from "../../connectors/types.js";
import crypto from "node:crypto";
import { inSqlTransaction, type Prisma } from "../data/database.js";
import { insertRows } from "./bulk-write.js";
import { emptyCounts, type SyncCounts } from "../core/sync-counts.js";
import { applyParseResult, WriteRefused, type ApplyOutcome, type RecordChange, type WarningIssuer } from "./apply-records.js";
import { withConnectorLock } from "./connector-lock.js";
import { tableOfSyncDataset } from "./dataset-models.js";
import { log } from "../log.js";
import { quote } from "../data/sql-text.js";

/** A document that could not be fetched: its name and why. */
export interface FetchFailure {
  name: string;
  failure: string;
}

export type SourceItem = SourceDocument | FetchFailure;
export type DocumentSource = Iterable<SourceItem> | AsyncIterable<SourceItem>;

export interface SyncSummary {
  runId: string;
  connector: string;
  ok: boolean;
  counts: SyncCounts;
  errors: string[];
  /** The records sent to quarantine in this run. */
  rejections: Array<{ sourceId: string | null; reason: string }>;
  /** Why the run stopped writing (a full disk: disk-space.ts), when it did. */
  writeRefused?: string;
}

export type SyncTrigger = "schedule" | "cli" | "push" | "startup";

export interface SyncOptions {
  trigger: SyncTrigger;
  /** Retire nothing whatever the documents say (pushed documents are incremental). */
  incremental?: boolean;
  /** The writer's territory (a division prefix): records outside it are quarantined as OUT_OF_SCOPE. */
  territory?: string | null;
  /** Who issues the warnings pushed (apply-records.ts); absent: the connector's department. */
  issuer?: WarningIssuer;
  onDocument?: (name: string, counts: SyncCounts) => void;
  /** The records one document created, updated or retired, once written (for events); awaited before the next document. */
  onChanges?: (changes: RecordChange[]) => void | Promise<void>;
  /** Why writes are refused now (a full disk: disk-space.ts), or null: checked before each document, the run stops with the reason. */
  writeRefusal?: () => string | null;
}

export function isFetchFailure(item: SourceItem): item is FetchFailure {
  return "failure" in item;
}

export function runSync(prisma: Prisma, connector: Connector, documents: DocumentSource, options: SyncOptions): Promise<SyncSummary> {
  return withConnectorLock(prisma, connector.name, () => locked(prisma, connector, documents, options));
}

/** A run that writes more rows than this refreshes the planner's statistics of the tables it wrote. */
export const ANALYZE_AFTER_ROWS = 5000;

/** How often a run notes that it is alive (SyncRun.heartbeatAt). */
export const HEARTBEAT_MS = 30_000;

async function locked(prisma: Prisma, connector: Connector, documents: DocumentSource, options: SyncOptions): Promise<SyncSummary> {
  const run = await prisma.syncRun.create({ data: { connector: connector.name, trigger: options.trigger, heartbeatAt: new Date() } });
  const summary: SyncSummary = { runId: run.id, connector: connector.name, ok: false, counts: emptyCounts(), errors: [], rejections: [] };
  log.debug({ runId: run.id, connector: connector.name, trigger: options.trigger }, "sync run started");
  const written = new Set<string>();
  const heartbeat = setInterval(() => void prisma.syncRun.update({ where: { id: run.id }, data: { heartbeatAt: new Date() } }).catch(() => {}), HEARTBEAT_MS);
  heartbeat.unref();
  try {
    for await (const item of documents) {
      const refusal = summary.writeRefused ?? options.writeRefusal?.();
      if (refusal) {
        if (!summary.writeRefused) summary.errors.push(refusal);
        summary.writeRefused = refusal;
        break;
      }
      if (isFetchFailure(item)) summary.errors.push(item.failure);
      else noteTables(written, await syncDocument(prisma, connector, item, summary, options));
    }
  } catch (error) {
    summary.errors.push(`stopped by an unexpected error: ${(error as Error).message}`);
    await finish(prisma, summary);
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
  const { created, updated, retired } = summary.counts;
  if (created + updated + retired > ANALYZE_AFTER_ROWS) await analyze(prisma, written);
  return finish(prisma, summary);
}

/** Tables written along with a dataset's own: a hazard's history, a warning's areas, an alarm's steps. */
const WRITTEN_WITH: Partial<Record<string, string[]>> = { Hazard: ["HazardEvent"], Warning: ["WarningArea"], MonitoringAlarm: ["MonitoringAlarmEvent"] };

/** Notes the tables a document changed. */
function noteTables(tables: Set<string>, changes: readonly RecordChange[]): void {
  for (const change of changes) {
    const table = tableOfSyncDataset(change.dataset);
    for (const written of [table, ...(WRITTEN_WITH[table] ?? [])]) tables.add(written);
  }
}

/**
 * Fresh planner statistics after a large load, so that reads plan on the real
 * sizes at once (autovacuum may be off, or not have run yet).
 */
async function analyze(prisma: Prisma, tables: Set<string>): Promise<void> {
  await inSqlTransaction(prisma, async (query) => {
    for (const table of tables) await query(`ANALYZE ${quote(table)}`);
  });
}

/**
 * Applies one document in one transaction: its records, its quarantined
 * records and (when someone listens) its changes in the outbox land together
 * or not at all, so a crash leaves a document wholly written or not written.
 * The changes are handed to `onChanges` once committed and then taken out of
 * the outbox; what a crash leaves there is published at the next start
 * (recover.ts). Returns the document's changes.
 */
async function syncDocument(prisma: Prisma, connector: Connector, doc: SourceDocument, summary: SyncSummary, options: SyncOptions): Promise<RecordChange[]> {
  let applied: { outcome: ApplyOutcome; rejections: Array<{ sourceId: string | null; reason: string }>; outboxId: string | null };
  try {
    const parsed = connector.parse(doc);
    applied = await inSqlTransaction(prisma, async (query) => {
      const outcome = await applyParseResult(query, connector, parsed, { incremental: options.incremental, territory: options.territory, issuer: options.issuer, writeRefusal: options.writeRefusal });
      const rows = outcome.rejections.map((r) => ({
        id: crypto.randomUUID(),
        connector: connector.name,
        runId: summary.runId,
        sourceId: r.sourceId ?? null,
        reason: r.dataset ? `${r.dataset}: ${r.reason}` : r.reason,
        payload: JSON.stringify(r.payload ?? null),
      }));
      if (rows.length > 0) await insertRows(query, "quarantinedRecord", rows, ["id"]);
      const listened = options.onChanges !== undefined && outcome.changes.length > 0;
      const [outbox] = listened ? await query(`INSERT INTO "EventOutbox" ("runId", "changes") VALUES ($1, $2::jsonb) RETURNING "id"::text AS id`, [summary.runId, JSON.stringify(outcome.changes)]) : [];
      return { outcome, rejections: rows.map((row) => ({ sourceId: row.sourceId, reason: row.reason })), outboxId: (outbox?.id as string | undefined) ?? null };
    });
  } catch (error) {
    if (error instanceof WriteRefused) {
      summary.writeRefused = error.message;
      summary.errors.push(`${doc.name}: ${error.message}`);
      return [];
    }
    if (!(error instanceof DocumentError)) throw error;
    summary.errors.push(error.message.startsWith(doc.name) ? error.message : `${doc.name}: ${error.message}`);
    return [];
  }
  const { outcome } = applied;
  for (const key of Object.keys(summary.counts) as (keyof SyncCounts)[]) summary.counts[key] += outcome.counts[key];
  summary.rejections.push(...applied.rejections);
  if (applied.outboxId !== null) {
    try {
      await options.onChanges!(outcome.changes);
      await prisma.eventOutbox.delete({ where: { id: BigInt(applied.outboxId) } });
    } catch (error) {
      // the changes stay in the outbox and are published at the next start
      log.error({ err: error, runId: summary.runId }, "publishing a document's changes failed; they wait in the outbox");
    }
  }
  options.onDocument?.(doc.name, outcome.counts);
  return outcome.changes;
}

async function finish(prisma: Prisma, summary: SyncSummary): Promise<SyncSummary> {
  summary.ok = summary.errors.length === 0;
  await prisma.syncRun.update({
    where: { id: summary.runId },
    data: { ...summary.counts, finishedAt: new Date(), ok: summary.ok, error: summary.ok ? null : summary.errors.join("; ") },
  });
  return summary;
}
