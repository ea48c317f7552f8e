/**
 * One synchronisation run of a connector over some documents: each document
 * is parsed and applied on its own, so a document that cannot be fetched or
 * read fails alone (with its reason) and the earlier data stays. Documents
 * may arrive lazily (an async iterable), one page at a time. Every run is
 * recorded in SyncRun — a run that stops on an unexpected error too; every
 * rejected record goes to quarantine with its payload. Runs of one connector
 * never overlap (connector-lock.ts). The records a document changed are handed
 * to `onChanges` once it is written and not kept, so a run's memory follows
 * its largest document, not its length.
 */
import { DocumentError, type Connector, type SourceDocument } from "../../connectors/types.js";
import type { Prisma } from "../data/database.js";
import { emptyCounts, type SyncCounts } from "../core/sync-counts.js";
import { applyParseResult, type ApplyOutcome, type RecordChange } from "./apply-records.js";
import { withConnectorLock } from "./connector-lock.js";

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
}

export type SyncTrigger = "schedule" | "cli" | "push" | "startup";

export interface SyncOptions {
  trigger: SyncTrigger;
  /** Retire nothing whatever the documents say (pushed documents are incremental). */
  incremental?: boolean;
  /** The writer's territory (a division prefix): records outside it are quarantined as OUT_OF_SCOPE. */
  territory?: string | null;
  onDocument?: (name: string, counts: SyncCounts) => void;
  /** The records one document created, updated or retired, once written (for events); awaited before the next document. */
  onChanges?: (changes: RecordChange[]) => void | Promise<void>;
}

export function isFetchFailure(item: SourceItem): item is FetchFailure {
  return "failure" in item;
}

export function runSync(prisma: Prisma, connector: Connector, documents: DocumentSource, options: SyncOptions): Promise<SyncSummary> {
  return withConnectorLock(prisma, connector.name, () => locked(prisma, connector, documents, options));
}

/** A run that writes more rows than this refreshes the planner's statistics of the tables it wrote. */
export const ANALYZE_AFTER_ROWS = 5000;

async function locked(prisma: Prisma, connector: Connector, documents: DocumentSource, options: SyncOptions): Promise<SyncSummary> {
  const run = await prisma.syncRun.create({ data: { connector: connector.name, trigger: options.trigger } });
  const summary: SyncSummary = { runId: run.id, connector: connector.name, ok: false, counts: emptyCounts(), errors: [], rejections: [] };
  const written = new Set<string>();
  try {
    for await (const item of documents) {
      if (isFetchFailure(item)) summary.errors.push(item.failure);
      else await syncDocument(prisma, connector, item, summary, { ...options, onChanges: noteTables(written, options.onChanges) });
    }
  } catch (error) {
    summary.errors.push(`stopped by an unexpected error: ${(error as Error).message}`);
    await finish(prisma, summary);
    throw error;
  }
  const { created, updated, retired } = summary.counts;
  if (created + updated + retired > ANALYZE_AFTER_ROWS) await analyze(prisma, written);
  return finish(prisma, summary);
}

/** Tables written along with a dataset's own: a hazard's history, a warning's areas. */
const WRITTEN_WITH: Partial<Record<string, string[]>> = { Hazard: ["HazardEvent"], Warning: ["WarningArea"] };

/** Notes the tables a document changed, then hands the changes on. */
function noteTables(tables: Set<string>, onChanges: SyncOptions["onChanges"]): SyncOptions["onChanges"] {
  return (changes) => {
    for (const change of changes) {
      const table = change.dataset[0]!.toUpperCase() + change.dataset.slice(1);
      for (const written of [table, ...(WRITTEN_WITH[table] ?? [])]) tables.add(written);
    }
    return onChanges?.(changes);
  };
}

/**
 * Fresh planner statistics after a large load, so that reads plan on the real
 * sizes at once (autovacuum may be off, or not have run yet).
 */
async function analyze(prisma: Prisma, tables: Set<string>): Promise<void> {
  for (const table of tables) await prisma.$executeRawUnsafe(`ANALYZE "${table}"`);
}

async function syncDocument(prisma: Prisma, connector: Connector, doc: SourceDocument, summary: SyncSummary, options: SyncOptions) {
  let outcome: ApplyOutcome;
  try {
    const parsed = connector.parse(doc);
    outcome = await applyParseResult(prisma, connector, parsed, { incremental: options.incremental, territory: options.territory });
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error;
    summary.errors.push(error.message.startsWith(doc.name) ? error.message : `${doc.name}: ${error.message}`);
    return;
  }
  for (const key of Object.keys(summary.counts) as (keyof SyncCounts)[]) summary.counts[key] += outcome.counts[key];
  if (outcome.rejections.length > 0) {
    const rows = outcome.rejections.map((r) => ({
      connector: connector.name,
      runId: summary.runId,
      sourceId: r.sourceId ?? null,
      reason: r.dataset ? `${r.dataset}: ${r.reason}` : r.reason,
      payload: JSON.stringify(r.payload ?? null),
    }));
    await prisma.quarantinedRecord.createMany({ data: rows });
    for (const row of rows) summary.rejections.push({ sourceId: row.sourceId, reason: row.reason });
  }
  if (outcome.changes.length > 0) await options.onChanges?.(outcome.changes);
  options.onDocument?.(doc.name, outcome.counts);
}

async function finish(prisma: Prisma, summary: SyncSummary): Promise<SyncSummary> {
  summary.ok = summary.errors.length === 0;
  await prisma.syncRun.update({
    where: { id: summary.runId },
    data: { ...summary.counts, finishedAt: new Date(), ok: summary.ok, error: summary.ok ? null : summary.errors.join("; ") },
  });
  return summary;
}
