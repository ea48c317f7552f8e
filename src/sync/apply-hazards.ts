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
import { sourceSystemOf, type Connector, type HubRecord } from "../../connectors/types.js";
import type { SqlRunner } from "../data/sql.js";
import { appendEventsBulk, type BulkEvent } from "../data/hazard-writer.js";
import type { ApplyOutcome } from "./apply-outcome.js";
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

/**
 * How an update sets the workflow's fields: as stored once the hub has acted
 * (hubActed, read from the row as the statement locks it, so a workflow step
 * that commits while the sync runs is never overwritten), and the state the
 * source reports kept aside when it differs.
 */
const ON_UPDATE: Readonly<Record<string, string>> = {
  ...Object.fromEntries(WORKFLOW_FIELDS.map((field) => [field, `CASE WHEN t."hubActed" THEN t."${field}" ELSE EXCLUDED."${field}" END`])),
  sourceState: `CASE WHEN t."hubActed" AND EXCLUDED."state" IS DISTINCT FROM t."state" THEN EXCLUDED."state" ELSE NULL END`,
};

interface Stored {
  state: string;
  sourceState: string | null;
}

export async function applyHazards(
  query: SqlRunner,
  connector: Connector,
  resolved: Array<{ record: HubRecord; data: Row }>,
  outcome: ApplyOutcome,
  now: Date,
  fixed: Row,
): Promise<void> {
  const before = await storedHazards(query, sourceSystemOf(connector, "hazard"), resolved.map((r) => r.record.sourceId));
  const rows = resolved.map(({ record, data }) => ({ sourceId: record.sourceId, data: { ...data, sourceState: null }, hashOf: data }));
  const groups = toRowGroups(rows, { fixed, newId: true });
  const target = { model: "hazard", key: "id", conflict: ["sourceSystem", "sourceId"], onUpdate: ON_UPDATE, returning: ["sourceId", "state", "sourceState", "hubActed"] };
  const written = await upsertRows(query, target, groups);
  outcome.counts.created += written.created.length;
  outcome.counts.updated += written.updated.length;
  outcome.counts.unchanged += resolved.length - written.created.length - written.updated.length;
  for (const key of written.created) outcome.changes.push({ dataset: "hazard", key, change: "created" });
  for (const key of written.updated) outcome.changes.push({ dataset: "hazard", key, change: "updated" });
  await appendEventsBulk(query, historyOf(written.rows, before, sourceSystemOf(connector, "hazard")), now);
}

/**
 * The events a write adds to the hazards' histories: a SYNC event for every
 * change of state the source made (from the stored state; none for a new
 * hazard), and a SOURCE_STATE event, once, when the source reports a state
 * the hub's workflow has not taken.
 */
function historyOf(written: Row[], before: Map<string, Stored>, actor: string): BulkEvent[] {
  const events: BulkEvent[] = [];
  for (const row of written) {
    const hazardId = row.key as string;
    const state = row.state as string;
    const stored = before.get(row.sourceId as string);
    if (row.hubActed !== true) {
      if (stored?.state !== state) events.push({ hazardId, action: "SYNC", fromState: stored?.state ?? null, toState: state, actor, note: null });
    } else if (row.sourceState !== null && row.sourceState !== stored?.sourceState) {
      const note = `来源系统报告状态 ${String(row.sourceState)}，与本平台处置状态 ${state} 不一致，未采用`;
      events.push({ hazardId, action: "SOURCE_STATE", fromState: state, toState: state, actor, note });
    }
  }
  return events;
}

/** The stored state and reported state of these source ids, as the sync found them. */
async function storedHazards(query: SqlRunner, sourceSystem: string, sourceIds: string[]): Promise<Map<string, Stored>> {
  const rows = await selectIn(query, "hazard", ["sourceId", "state", "sourceState"], { column: "sourceId", values: sourceIds, sourceSystem });
  return new Map(rows.map((row) => [row.sourceId as string, { state: row.state as string, sourceState: (row.sourceState as string | null) ?? null }]));
}
