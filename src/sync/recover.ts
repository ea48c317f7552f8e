/**
 * What a crash leaves behind, settled at start: runs that never finished are
 * marked failed with the reason, and changes committed but not yet published
 * (run-sync.ts's outbox) are published now, so subscribers do not miss them.
 * On the embedded database this process is the only one, so everything left
 * is a crash's; on a shared PostgreSQL only what has been silent longer than
 * STALE_MS (another instance's running work keeps its heartbeat).
 */
import type { Prisma } from "../data/database.js";
import type { RecordChange } from "./apply-outcome.js";
import { HEARTBEAT_MS } from "./run-sync.js";

export const STALE_MS = 4 * HEARTBEAT_MS;

export const INTERRUPTED = "interrupted: the hub stopped before the run finished; each document it had committed is whole, the one under way was not written";

export interface Recovered {
  runs: number;
  published: number;
}

export async function recoverInterruptedWork(prisma: Prisma, options: { onlyStale: boolean; publish: (changes: RecordChange[]) => Promise<void> }): Promise<Recovered> {
  const silentSince = options.onlyStale ? new Date(Date.now() - STALE_MS) : new Date();
  const runs = await prisma.syncRun.updateMany({
    where: { finishedAt: null, OR: [{ heartbeatAt: { lt: silentSince } }, { heartbeatAt: null, startedAt: { lt: silentSince } }] },
    data: { finishedAt: new Date(), ok: false, error: INTERRUPTED },
  });
  let published = 0;
  const left = await prisma.eventOutbox.findMany({ where: { createdAt: { lt: silentSince } }, orderBy: { id: "asc" } });
  for (const entry of left) {
    await options.publish(entry.changes as unknown as RecordChange[]);
    await prisma.eventOutbox.delete({ where: { id: entry.id } });
    published += 1;
  }
  return { runs: runs.count, published };
}
