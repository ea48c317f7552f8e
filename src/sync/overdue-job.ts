/**
 * The periodic overdue check. Open hazards whose binding deadline day has
 * ended in +08:00 (core findNewlyOverdue) get `overdueSince` set and an
 * OVERDUE event in their history (from = to = the current state, actor
 * "emhub"), each in its own transaction with an audit entry. A hazard is
 * marked once. The version is left alone: the mark is the hub's bookkeeping,
 * not a step a client must have seen before acting on the hazard.
 */
import { randomUUID } from "node:crypto";
import { effectiveDeadline, findNewlyOverdue, type HazardState } from "../core/hazard/index.js";
import { appendAudit } from "../data/audit-writer.js";
import type { Prisma } from "../data/database.js";
import { deadlinesOf } from "../data/hazard-row.js";
import { appendHazardEvents } from "../data/hazard-writer.js";

export const OVERDUE_ACTOR = "emhub";
const OPEN_STATES: HazardState[] = ["REPORTED", "RECTIFYING", "PENDING_ACCEPTANCE"];

/** Marks the hazards that have become overdue by `now`; returns their ids. */
export async function markOverdueHazards(prisma: Prisma, now: Date): Promise<string[]> {
  const rows = await prisma.hazard.findMany({
    where: {
      state: { in: OPEN_STATES },
      overdueSince: null,
      retiredAt: null,
      OR: [{ deadline: { not: null } }, { supervisionDeadline: { not: null } }],
    },
    select: { id: true, state: true, deadline: true, supervisionDeadline: true, overdueSince: true },
    orderBy: { id: "asc" },
  });
  const due = findNewlyOverdue(rows.map((row) => ({ ...deadlinesOf(row), id: row.id, overdueSince: row.overdueSince })), now);
  const requestId = `overdue-job:${randomUUID()}`;
  const marked: string[] = [];
  for (const hazard of due) {
    const done = await prisma.$transaction(async (tx) => {
      // Only if nothing moved since the read; the row lock also orders the event's seq.
      const updated = await tx.hazard.updateMany({
        where: { id: hazard.id, state: hazard.state, overdueSince: null },
        data: { overdueSince: now },
      });
      if (updated.count !== 1) return false;
      const note = `逾期: 期限 ${effectiveDeadline(hazard)} 已过`;
      await appendHazardEvents(tx, hazard.id, [{ action: "OVERDUE", fromState: hazard.state, toState: hazard.state, actor: OVERDUE_ACTOR, note, evidence: [] }], now);
      await appendAudit(tx, [{ requestId, subject: OVERDUE_ACTOR, department: null, roles: [], action: "MUTATION", dataset: "Hazard", recordId: hazard.id, fields: ["overdueSince"] }]);
      return true;
    });
    if (done) marked.push(hazard.id);
  }
  return marked;
}

export interface OverdueJob {
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Runs the check now and then every `intervalSeconds`, never two at once.
 * `onMarked` receives the ids each run marked (for publishing).
 */
export function startOverdueJob(prisma: Prisma, intervalSeconds: number, onMarked: (ids: string[]) => void | Promise<void> = () => {}): OverdueJob {
  let current: Promise<void> | null = null;
  const run = () => {
    current ??= markOverdueHazards(prisma, new Date())
      .then(async (ids) => {
        if (ids.length > 0) await onMarked(ids);
      })
      .catch((error: unknown) => console.error("[emhub] overdue check failed:", error))
      .finally(() => {
        current = null;
      });
  };
  run();
  const timer = setInterval(run, intervalSeconds * 1000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await current;
    },
  };
}
