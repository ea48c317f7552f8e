/**
 * Writes the lifecycle of monitoring alarms: each step changes the alarm only
 * if it is still in the state the decision was made on, appends its event
 * (who, what, when) after the alarm's last one, and is audited. Set-based, so
 * the sync's 报警/消警 and the escalation sweep write many alarms in one go.
 */
import { randomUUID } from "node:crypto";
import type { AlarmAction, AlarmState } from "../core/monitoring.js";
import { appendAuditForRecords, type AuditWrite } from "./audit-writer.js";
import { sql } from "./sql-text.js";
import type { SqlRunner } from "./sql.js";

export interface AlarmEvent {
  alarmId: string;
  action: AlarmAction;
  fromState: AlarmState | null;
  toState: AlarmState;
  actor: string;
  note: string | null;
  at: Date;
}

/** Appends events, each after its alarm's last one. Run it after the statement that locked the alarms' rows. */
export async function appendAlarmEvents(query: SqlRunner, events: readonly AlarmEvent[]): Promise<void> {
  if (events.length === 0) return;
  await query(
    sql`INSERT INTO "MonitoringAlarmEvent" ("id", "alarmId", "seq", "action", "fromState", "toState", "actor", "note", "at")
        SELECT d.event_id, d.alarm_id,
               coalesce((SELECT max(e."seq") FROM "MonitoringAlarmEvent" e WHERE e."alarmId" = d.alarm_id), 0) + d.n,
               d.action, d.from_state::"AlarmState", d.to_state::"AlarmState", d.actor, d.note, d.at
          FROM (SELECT u.*, row_number() OVER (PARTITION BY u.alarm_id ORDER BY u.i) AS n
                  FROM unnest(${events.map(() => randomUUID())}::text[], ${events.map((e) => e.alarmId)}::text[], ${events.map((e) => e.action)}::text[],
                              ${events.map((e) => e.fromState)}::text[], ${events.map((e) => e.toState)}::text[], ${events.map((e) => e.actor)}::text[],
                              ${events.map((e) => e.note)}::text[], ${events.map((e) => e.at)}::timestamp(3)[]) WITH ORDINALITY
                       AS u(event_id, alarm_id, action, from_state, to_state, actor, note, at, i)) d`,
  );
}

/** A step decided on the alarm in state `from`: the columns it sets. */
export interface AlarmStep {
  alarmId: string;
  from: AlarmState;
  to: AlarmState;
  action: Exclude<AlarmAction, "RAISE">;
  actor: string;
  note: string | null;
  at: Date;
}

const STEP_COLUMNS: Record<AlarmStep["action"], { at: string; by: string | null }> = {
  ACKNOWLEDGE: { at: "acknowledgedAt", by: "acknowledgedBy" },
  HANDLE: { at: "handledAt", by: "handledBy" },
  CLEAR: { at: "clearedAt", by: "clearedBy" },
  ESCALATE: { at: "escalatedAt", by: null },
};

/**
 * Applies steps of one action to the alarms still in their `from` state; returns the ids changed.
 * HANDLE keeps its note as handledNote; ESCALATE sets escalatedTo to the county of the alarm.
 */
export async function writeAlarmSteps(query: SqlRunner, action: AlarmStep["action"], steps: readonly AlarmStep[], audit: Omit<AuditWrite, "recordId" | "fields" | "action" | "dataset">): Promise<string[]> {
  if (steps.length === 0) return [];
  const columns = STEP_COLUMNS[action];
  const extra =
    action === "HANDLE" ? `, "handledNote" = d.note` : action === "ESCALATE" ? `, "escalatedTo" = substr(a."regionCode", 1, 6)` : "";
  const byColumn = columns.by ? `, "${columns.by}" = d.actor` : "";
  const updated = await query(
    `UPDATE "MonitoringAlarm" a SET "state" = d.to_state::"AlarmState", "${columns.at}" = d.at${byColumn}${extra}, "version" = a."version" + 1
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamp(3)[]) AS d(id, from_state, to_state, actor, note, at)
      WHERE a."id" = d.id AND a."state"::text = d.from_state${action === "ESCALATE" ? ` AND a."escalatedAt" IS NULL` : ""}
      RETURNING a."id"`,
    [steps.map((s) => s.alarmId), steps.map((s) => s.from), steps.map((s) => s.to), steps.map((s) => s.actor), steps.map((s) => s.note), steps.map((s) => s.at.toISOString())],
  );
  const changed = new Set(updated.map((row) => row.id as string));
  const done = steps.filter((s) => changed.has(s.alarmId));
  await appendAlarmEvents(query, done.map((s) => ({ alarmId: s.alarmId, action: s.action, fromState: s.from, toState: s.to, actor: s.actor, note: s.note, at: s.at })));
  const fields = [columns.at, ...(columns.by ? [columns.by] : []), "state", ...(action === "HANDLE" ? ["handledNote"] : action === "ESCALATE" ? ["escalatedTo"] : [])].sort();
  await appendAuditForRecords(query, { ...audit, action: "MUTATION", dataset: "MonitoringAlarm", fields }, [...changed]);
  return [...changed];
}
