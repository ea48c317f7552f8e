/**
 * One synchronisation run of a connector over some documents: each document
 * is parsed and applied on its own, so a document that cannot be read fails
 * alone (with its reason) and the earlier data stays. Every run is recorded
 * in SyncRun; every rejected record goes to quarantine with its payload.
 */
import { DocumentError, type Connector, type SourceDocument } from "../../connectors/types.js";
import type { Prisma } from "../data/database.js";
import { applyParseResult, emptyCounts, type RecordChange, type SyncCounts } from "./apply-records.js";

export interface SyncSummary {
  runId: string;
  connector: string;
  ok: boolean;
  counts: SyncCounts;
  errors: string[];
  changes: RecordChange[];
}

export interface SyncOptions {
  trigger: "schedule" | "cli" | "push" | "startup";
  onDocument?: (name: string, counts: SyncCounts) => void;
}

export async function runSync(prisma: Prisma, connector: Connector, documents: SourceDocument[], options: SyncOptions): Promise<SyncSummary> {
  const run = await prisma.syncRun.create({ data: { connector: connector.name, trigger: options.trigger } });
  const counts = emptyCounts();
  const errors: string[] = [];
  const changes: RecordChange[] = [];
  for (const doc of documents) {
    try {
      const parsed = connector.parse(doc);
      const outcome = await applyParseResult(prisma, connector, parsed);
      for (const key of Object.keys(counts) as (keyof SyncCounts)[]) counts[key] += outcome.counts[key];
      changes.push(...outcome.changes);
      if (outcome.rejections.length > 0) {
        await prisma.quarantinedRecord.createMany({
          data: outcome.rejections.map((r) => ({
            connector: connector.name,
            runId: run.id,
            sourceId: r.sourceId ?? null,
            reason: r.dataset ? `${r.dataset}: ${r.reason}` : r.reason,
            payload: JSON.stringify(r.payload ?? null),
          })),
        });
      }
      options.onDocument?.(doc.name, outcome.counts);
    } catch (error) {
      if (!(error instanceof DocumentError)) throw error;
      errors.push(`${doc.name}: ${error.message}`);
    }
  }
  const ok = errors.length === 0;
  await prisma.syncRun.update({
    where: { id: run.id },
    data: { ...counts, finishedAt: new Date(), ok, error: ok ? null : errors.join("; ") },
  });
  return { runId: run.id, connector: connector.name, ok, counts, errors, changes };
}
