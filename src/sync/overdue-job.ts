/**
 * The periodic overdue check. Open hazards whose binding deadline day has
 * ended in +08:00 (core findNewlyOverdue) get `overdueSince` set and an
 * OVERDUE event in their history (from = to = the current state, actor
 * "emhub"), with an audit entry. The work is set-based: each batch of due
 * hazards is one transaction of three statements (mark, events, audit), so a
 * first run over tens of thousands of hazards takes seconds. A hazard is
 * marked once. The version is left alone: the mark is the hub's bookkeeping,
 * not a step a client must have seen before acting on the hazard.
 */
import { randomUUID } from "node:crypto";
import { effectiveDeadline, findNewlyOverdue, OPEN_STATES, type HazardState } from "../core/hazard/index.js";
import { appendAuditForRecords } from "../data/audit-writer.js";
import { inSqlTransaction, type Prisma } from "../data/database.js";
import { sql } from "../data/sql-text.js";
import { deadlinesOf } from "../data/hazard-row.js";
import { appendEventsBulk } from "../data/hazard-writer.js";
import { startPeriodic, type PeriodicJob } from "./periodic.js";

export const OVERDUE_ACTOR = "emhub";
export const OVERDUE_BATCH = 1000;

type Due = { id: string; state: HazardState; deadline: string | null; supervisionDeadline: string | null };

/**
 * Marks the hazards that have become overdue by `now`; returns their ids.
 * `onBatch` receives the ids of each committed batch (for publishing) as the run goes.
 */
export async function markOverdueHazards(prisma: Prisma, now: Date, onBatch: (ids: string[]) => void | Promise<void> = () => {}): Promise<string[]> {
  const rows = await prisma.hazard.findMany({
    where: {
      state: { in: [...OPEN_STATES] },
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
  for (let i = 0; i < due.length; i += OVERDUE_BATCH) {
    const ids = await markBatch(prisma, due.slice(i, i + OVERDUE_BATCH), now, requestId);
    marked.push(...ids);
    if (ids.length > 0) await onBatch(ids);
  }
  return marked;
}

/** One transaction: mark the hazards still in the state they were read in, append their events, audit them. */
async function markBatch(prisma: Prisma, batch: readonly Due[], now: Date, requestId: string): Promise<string[]> {
  return inSqlTransaction(prisma, async (query) => {
    // Only if nothing moved since the read; the row locks taken here order each event's seq.
    const updated = await query(
      sql`UPDATE "Hazard" h SET "overdueSince" = ${now}::timestamp(3)
            FROM unnest(${batch.map((h) => h.id)}::text[], ${batch.map((h) => h.state)}::text[]) AS d(id, state)
           WHERE h."id" = d.id AND h."state"::text = d.state AND h."overdueSince" IS NULL
          RETURNING h."id"`,
    );
    const markedIds = new Set(updated.map((row) => row.id as string));
    const marked = batch.filter((h) => markedIds.has(h.id));
    if (marked.length === 0) return [];
    // a statement of its own, after the locks: its snapshot sees every event committed before them
    await appendEventsBulk(
      query,
      marked.map((h) => ({ hazardId: h.id, action: "OVERDUE", fromState: h.state, toState: h.state, actor: OVERDUE_ACTOR, note: `逾期: 期限 ${effectiveDeadline(h)} 已过` })),
      now,
    );
    await appendAuditForRecords(
      query,
      { requestId, subject: OVERDUE_ACTOR, department: null, roles: [], action: "MUTATION", dataset: "Hazard", fields: ["overdueSince"] },
      marked.map((h) => h.id),
    );
    return marked.map((h) => h.id);
  });
}

/**
 * Runs the check now and then every `intervalSeconds`, never two at once.
 * `onMarked` receives the ids of each batch a run marked (for publishing).
 */
export function startOverdueJob(prisma: Prisma, intervalSeconds: number, onMarked: (ids: string[]) => void | Promise<void> = () => {}): PeriodicJob {
  return startPeriodic("overdue check", intervalSeconds, () => markOverdueHazards(prisma, new Date(), onMarked));
}
