/**
 * Hazards from a department system, written so that no sync undoes a
 * decision made in the hub.
 *
 * Who owns which field (documented in connectors/emergency/README.md):
 * - the department system owns what it found: description, category, grade,
 *   discovery source, when and by whom, the enterprise, region, sector and
 *   risk point;
 * - the hub's workflow owns the rectification once the hub has acted on the
 *   hazard (any workflow step in its history: plan, submit, accept, reject,
 *   supervise, cancel): state, plan, deadlines, supervision and acceptance.
 *   Until then the department system's values are taken as they come.
 *
 * A later sync of a hazard the hub has acted on updates the source-owned
 * fields only. A state the source reports that differs from the hub's is kept
 * in `sourceState` and recorded once as a SOURCE_STATE event, never applied.
 * Every change of state a sync does make is a SYNC event in the history
 * (from the stored state, or none for a new hazard), so the history always
 * replays to the current state.
 */
import type { Connector, HubRecord } from "../../connectors/types.js";
import { HAZARD_ACTIONS } from "../core/hazard/index.js";
import type { Prisma } from "../data/database.js";
import { appendEventsBulk, type BulkEvent } from "../data/hazard-writer.js";
import type { ApplyOutcome } from "./apply-records.js";
import { selectIn } from "./bulk-read.js";
import { upsertRows } from "./bulk-write.js";
import { toRowGroups } from "./record-rows.js";

type Row = Record<string, unknown>;

/** The fields the hub's workflow owns once it has acted on a hazard. */
export const WORKFLOW_FIELDS = [
  "state",
  "measures",
  "funds",
  "responsiblePerson",
  "deadline",
  "goal",
  "safetyMeasures",
  "supervisedBy",
  "supervisionDeadline",
  "acceptedBy",
  "acceptedAt",
  "acceptanceOpinion",
  "closedAt",
] as const;

interface Stored {
  id: string;
  state: string;
  sourceState: string | null;
  /** The hub has taken a workflow step on it. */
  hubOwned: boolean;
}

export async function applyHazards(
  prisma: Prisma,
  connector: Connector,
  resolved: Array<{ record: HubRecord; data: Row }>,
  outcome: ApplyOutcome,
  now: Date,
  fixed: Row,
): Promise<void> {
  const sourceIds = resolved.map((r) => r.record.sourceId);
  const before = await storedHazards(prisma, connector.sourceSystem, sourceIds);
  const reported: BulkEvent[] = [];
  const rows = resolved.map(({ record, data }) => {
    const stored = before.get(record.sourceId);
    if (!stored?.hubOwned) return { sourceId: record.sourceId, data: { ...data, sourceState: null } };
    const reportedState = data.state as string;
    const differs = reportedState !== stored.state;
    if (differs && reportedState !== stored.sourceState) {
      reported.push({
        hazardId: stored.id,
        action: "SOURCE_STATE",
        fromState: stored.state,
        toState: stored.state,
        actor: connector.sourceSystem,
        note: `来源系统报告状态 ${reportedState}，与本平台处置状态 ${stored.state} 不一致，未采用`,
      });
    }
    const sourceOwned = Object.fromEntries(Object.entries(data).filter(([field]) => !(WORKFLOW_FIELDS as readonly string[]).includes(field)));
    return { sourceId: record.sourceId, data: { ...sourceOwned, sourceState: differs ? reportedState : null }, hashOf: data };
  });
  const groups = toRowGroups(rows, { fixed, newId: true });
  const written = await upsertRows(prisma, { model: "hazard", key: "id", conflict: ["sourceSystem", "sourceId"] }, groups);
  outcome.counts.created += written.created.length;
  outcome.counts.updated += written.updated.length;
  outcome.counts.unchanged += resolved.length - written.created.length - written.updated.length;
  for (const key of written.created) outcome.changes.push({ dataset: "hazard", key, change: "created" });
  for (const key of written.updated) outcome.changes.push({ dataset: "hazard", key, change: "updated" });

  const changedKeys = [...written.created, ...written.updated];
  const after = changedKeys.length === 0 ? [] : await selectIn(prisma, "hazard", ["id", "sourceId", "state"], { column: "id", values: changedKeys });
  const synced: BulkEvent[] = [];
  for (const row of after) {
    const stored = before.get(row.sourceId as string);
    if (stored?.state === row.state) continue;
    synced.push({ hazardId: row.id as string, action: "SYNC", fromState: stored?.state ?? null, toState: row.state as string, actor: connector.sourceSystem, note: null });
  }
  await appendEventsBulk(prisma, [...synced, ...reported], now);
}

/** The stored hazards of these source ids: key, state, the state the source reported, and whether the hub has acted on them. */
async function storedHazards(prisma: Prisma, sourceSystem: string, sourceIds: string[]): Promise<Map<string, Stored>> {
  if (sourceIds.length === 0) return new Map();
  const rows = await prisma.$queryRawUnsafe<Array<Row>>(
    `SELECT h."sourceId", h."id", h."state"::text AS "state", h."sourceState"::text AS "sourceState",
            EXISTS (SELECT 1 FROM "HazardEvent" e WHERE e."hazardId" = h."id" AND e."action" = ANY($3::text[])) AS "hubOwned"
       FROM "Hazard" h WHERE h."sourceSystem" = $1 AND h."sourceId" = ANY($2::text[])`,
    sourceSystem,
    sourceIds,
    [...HAZARD_ACTIONS],
  );
  return new Map(
    rows.map((row) => [
      row.sourceId as string,
      { id: row.id as string, state: row.state as string, sourceState: (row.sourceState as string | null) ?? null, hubOwned: row.hubOwned === true },
    ]),
  );
}
