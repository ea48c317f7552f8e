/**
 * The sync's writers of online monitoring: readings appended to their day's
 * partition with the point's latest value kept on the point, and alarms as
 * the source raises and clears them (报警 / 消警), and as the hub raises them
 * itself when a reading passes a threshold (and clears its own once the
 * readings are back within them); the rest of an alarm's lifecycle
 * (acknowledged, handled, escalated) is the hub's and is never overwritten by
 * the source.
 */
import crypto from "node:crypto";
import { sourceSystemOf, type Connector, type HubRecord } from "../../connectors/types.js";
import { contentHash } from "../core/content-hash.js";
import { readingOutOfRange, thresholdLevel, thresholdOf, type AlarmLevel, type Thresholds } from "../core/monitoring.js";
import { HUB_SOURCE_SYSTEM } from "../data/hazard-writer.js";
import { outsideTerritory } from "../core/write-scope.js";
import { writeAlarmSteps, appendAlarmEvents } from "../data/alarm-writer.js";
import { ensurePartitions, MONITORING_READINGS, periodOf } from "../data/reading-partitions.js";
import type { SqlRunner } from "../data/sql.js";
import { sql } from "../data/sql-text.js";
import type { ApplyOutcome } from "./apply-outcome.js";
import { selectIn } from "./bulk-read.js";
import { insertRows } from "./bulk-write.js";

type Row = Record<string, unknown>;

/** The point's columns an alarm takes: its enterprise, indicator, unit and thresholds. */
const ALARM_COLUMNS = ["enterpriseCode", "indicator", "unit", "lowLow", "low", "high", "highHigh"];

/** How far ahead of the hub's clock a reading may be stamped (source clocks drift). */
const FUTURE_SLACK_MS = 5 * 60_000;

function refuse(outcome: ApplyOutcome, record: HubRecord, reason: string | null, kind?: "IMPLAUSIBLE"): boolean {
  if (reason) outcome.rejections.push({ dataset: record.dataset, sourceId: record.sourceId, reason: kind ? `${kind}: ${record.dataset} ${record.sourceId}: ${reason}` : reason, payload: record.data });
  return reason !== null;
}

/** The points the records name, by code; records naming an unknown point or one outside the territory are refused. */
async function pointsOf(query: SqlRunner, records: HubRecord[], columns: string[], outcome: ApplyOutcome, territory: string | null) {
  const codes = [...new Set(records.map((r) => r.data.pointCode as string))];
  const points = new Map((await selectIn(query, "monitoringPoint", ["code", "regionCode", "retiredAt", ...columns], { column: "code", values: codes })).map((p) => [p.code as string, p]));
  const known: Array<{ record: HubRecord; point: Row }> = [];
  for (const record of records) {
    const code = String(record.data.pointCode);
    const point = points.get(code);
    if (point === undefined || point.retiredAt !== null) refuse(outcome, record, `unknown monitoringPoint '${code}' (pointCode)`);
    else if (!(territory && refuse(outcome, record, outsideTerritory([point.regionCode as string], territory, `its monitoringPoint '${code}'`)))) known.push({ record, point });
  }
  return known;
}

/**
 * Readings of any past day are taken: a day already past the retention gets
 * its partition back and is folded into the hourly figures (merged with what
 * was folded before) at the next housekeeping, so a late backfill loses nothing.
 */
export async function applyMonitoringReadings(query: SqlRunner, chunk: HubRecord[], outcome: ApplyOutcome, now: Date, territory: string | null) {
  const rows: Array<{ code: string; at: Date; value: number }> = [];
  const points = new Map<string, Row>();
  for (const { record, point } of await pointsOf(query, chunk, ["rangeLow", "rangeHigh", "lastReadingAt", ...ALARM_COLUMNS], outcome, territory)) {
    const at = new Date(record.data.observedAt as string);
    const value = record.data.value as number;
    if (refuse(outcome, record, readingOutOfRange(value, point as never), "IMPLAUSIBLE")) continue;
    if (refuse(outcome, record, at.getTime() > now.getTime() + FUTURE_SLACK_MS ? `${at.toISOString()} is in the future` : null, "IMPLAUSIBLE")) continue;
    rows.push({ code: record.data.pointCode as string, at, value });
    points.set(point.code as string, point);
  }
  if (rows.length === 0) return;
  await ensurePartitions(query, MONITORING_READINGS, rows.map((r) => periodOf(MONITORING_READINGS, r.at)));
  const codes = rows.map((r) => r.code);
  const times = rows.map((r) => r.at);
  const values = rows.map((r) => r.value);
  const [inserted] = await query(
    sql`WITH ins AS (
          INSERT INTO "MonitoringReading" ("pointCode", "observedAt", "value")
          SELECT * FROM unnest(${codes}::text[], ${times}::timestamp(3)[], ${values}::float8[])
          ON CONFLICT DO NOTHING RETURNING 1)
        SELECT count(*)::int AS n FROM ins`,
  );
  // the latest value stays on the point: the dashboards and 在线监测率 read it without touching the series
  await query(
    sql`UPDATE "MonitoringPoint" p SET "lastValue" = l.value, "lastReadingAt" = l.at
          FROM (SELECT DISTINCT ON (code) code, at, value FROM unnest(${codes}::text[], ${times}::timestamp(3)[], ${values}::float8[]) AS u(code, at, value)
                 ORDER BY code, at DESC) l
         WHERE p."code" = l.code AND (p."lastReadingAt" IS NULL OR p."lastReadingAt" < l.at)`,
  );
  const created = Number(inserted?.n ?? 0);
  outcome.counts.created += created;
  outcome.counts.unchanged += rows.length - created;
  await alarmsFromReadings(query, newestOf(rows, points), outcome, now);
}

/** Each point's newest reading of the chunk, when it is newer than the point's latest before it. */
function newestOf(rows: ReadonlyArray<{ code: string; at: Date; value: number }>, points: ReadonlyMap<string, Row>) {
  const newest = new Map<string, { code: string; at: Date; value: number }>();
  for (const row of rows) if ((newest.get(row.code)?.at.getTime() ?? -Infinity) < row.at.getTime()) newest.set(row.code, row);
  return [...newest.values()]
    .map((row) => ({ point: points.get(row.code)!, at: row.at, value: row.value }))
    .filter(({ point, at }) => point.lastReadingAt == null || (point.lastReadingAt as Date).getTime() < at.getTime());
}

/** An alarm to insert: raised (and perhaps already cleared) by `actor`. */
interface NewAlarm {
  point: Row;
  level: AlarmLevel;
  value: number;
  raisedAt: string;
  clearedAt: string | null;
  sourceId: string;
  note: string | null;
}

/** Inserts new alarms with their RAISE (and CLEAR) events; returns the ids inserted (a sourceId already held is skipped). */
async function insertAlarms(query: SqlRunner, alarms: readonly NewAlarm[], source: { system: string; department: string }, now: Date): Promise<string[]> {
  if (alarms.length === 0) return [];
  const rows = alarms.map((a) => {
    const content = {
      pointCode: a.point.code,
      enterpriseCode: a.point.enterpriseCode,
      regionCode: a.point.regionCode,
      indicator: a.point.indicator,
      level: a.level,
      value: a.value,
      threshold: thresholdOf(a.level, a.point as unknown as Thresholds),
      raisedAt: a.raisedAt,
    };
    return {
      id: crypto.randomUUID(),
      ...content,
      state: a.clearedAt ? "CLEARED" : "RAISED",
      clearedAt: a.clearedAt,
      clearedBy: a.clearedAt ? source.system : null,
      sourceDepartment: source.department,
      sourceSystem: source.system,
      sourceId: a.sourceId,
      fetchedAt: now.toISOString(),
      version: 1,
      contentHash: contentHash(content),
    };
  });
  const created = new Set((await insertRows(query, "monitoringAlarm", rows, ["id"])).map((row) => row.id as string));
  const inserted = rows.filter((row) => created.has(row.id));
  const noteOf = new Map(alarms.map((a, i) => [rows[i]!.id, a.note]));
  await appendAlarmEvents(
    query,
    inserted.flatMap((row) => [
      { alarmId: row.id, action: "RAISE" as const, fromState: null, toState: "RAISED" as const, actor: source.system, note: noteOf.get(row.id) ?? null, at: new Date(row.raisedAt as string) },
      ...(row.clearedAt ? [{ alarmId: row.id, action: "CLEAR" as const, fromState: "RAISED" as const, toState: "CLEARED" as const, actor: source.system, note: "消警", at: new Date(row.clearedAt) }] : []),
    ]),
  );
  return inserted.map((row) => row.id);
}

const LEVEL_NAMES: Record<AlarmLevel, string> = { LOW_LOW: "低低报", LOW: "低报", HIGH: "高报", HIGH_HIGH: "高高报" };

/**
 * The hub's own alarms from readings: a point whose newest reading is past a
 * threshold and that has no alarm open gets one (raised by the hub, at the
 * reading's time); an alarm the hub raised is cleared once a newer reading is
 * back within the thresholds. Alarms the source raised are the source's to clear.
 */
async function alarmsFromReadings(query: SqlRunner, latest: ReadonlyArray<{ point: Row; at: Date; value: number }>, outcome: ApplyOutcome, now: Date) {
  if (latest.length === 0) return;
  const open = await query(
    sql`SELECT "id", "pointCode", "state", "sourceSystem" FROM "MonitoringAlarm" WHERE "pointCode" = ANY(${latest.map((l) => l.point.code as string)}::text[]) AND "state" <> 'CLEARED'`,
  );
  const openOf = new Map<string, Row[]>();
  for (const alarm of open) openOf.set(alarm.pointCode as string, [...(openOf.get(alarm.pointCode as string) ?? []), alarm]);
  const raise: NewAlarm[] = [];
  const clear: Row[] = [];
  for (const { point, at, value } of latest) {
    const level = thresholdLevel(value, point as unknown as Thresholds);
    const alarms = openOf.get(point.code as string) ?? [];
    if (level !== null && alarms.length === 0) {
      raise.push({ point, level, value, raisedAt: at.toISOString(), clearedAt: null, sourceId: `${point.code as string}@${at.toISOString()}`, note: `读数 ${value}${point.unit ? ` ${point.unit as string}` : ""} 达到${LEVEL_NAMES[level]}阈值 ${thresholdOf(level, point as unknown as Thresholds)}` });
    }
    if (level === null) clear.push(...alarms.filter((a) => a.sourceSystem === HUB_SOURCE_SYSTEM).map((a) => ({ ...a, at })));
  }
  const raised = await insertAlarms(query, raise, { system: HUB_SOURCE_SYSTEM, department: "EMERGENCY" }, now);
  const cleared = await writeAlarmSteps(
    query,
    "CLEAR",
    clear.map((a) => ({ alarmId: a.id as string, from: a.state as never, to: "CLEARED", action: "CLEAR", actor: HUB_SOURCE_SYSTEM, note: "读数恢复正常", at: a.at as Date })),
    { requestId: "sync:monitoring-readings", subject: HUB_SOURCE_SYSTEM, department: null, roles: [] },
  );
  for (const id of raised) outcome.changes.push({ dataset: "monitoringAlarm", key: id, change: "created" });
  for (const id of cleared) outcome.changes.push({ dataset: "monitoringAlarm", key: id, change: "updated" });
}

export async function applyMonitoringAlarms(query: SqlRunner, connector: Connector, chunk: HubRecord[], outcome: ApplyOutcome, now: Date, territory: string | null) {
  const known = await pointsOf(query, chunk, ALARM_COLUMNS, outcome, territory);
  if (known.length === 0) return;
  const system = sourceSystemOf(connector, "monitoringAlarm");
  const existing = new Map(
    (await selectIn(query, "monitoringAlarm", ["id", "sourceId", "state"], { column: "sourceId", values: known.map((k) => k.record.sourceId), sourceSystem: system })).map((row) => [
      row.sourceId as string,
      row,
    ]),
  );
  const fresh: NewAlarm[] = [];
  const clears: Array<{ alarmId: string; from: string; at: Date }> = [];
  for (const { record, point } of known) {
    const clearedAt = record.data.clearedAt ? new Date(record.data.clearedAt as string) : null;
    const stored = existing.get(record.sourceId);
    if (stored) {
      if (clearedAt && stored.state !== "CLEARED") clears.push({ alarmId: stored.id as string, from: stored.state as string, at: clearedAt });
      else outcome.counts.unchanged += 1;
      continue;
    }
    fresh.push({
      point,
      level: record.data.level as AlarmLevel,
      value: record.data.value as number,
      raisedAt: record.data.raisedAt as string,
      clearedAt: clearedAt?.toISOString() ?? null,
      sourceId: record.sourceId,
      note: null,
    });
  }
  const inserted = await insertAlarms(query, fresh, { system, department: connector.department }, now);
  const cleared = await writeAlarmSteps(
    query,
    "CLEAR",
    clears.map((c) => ({ alarmId: c.alarmId, from: c.from as never, to: "CLEARED", action: "CLEAR", actor: system, note: "消警", at: c.at })),
    { requestId: `sync:${connector.name}`, subject: system, department: connector.department, roles: [] },
  );
  outcome.counts.created += inserted.length;
  outcome.counts.updated += cleared.length;
  outcome.counts.unchanged += fresh.length - inserted.length + clears.length - cleared.length;
  for (const id of inserted) outcome.changes.push({ dataset: "monitoringAlarm", key: id, change: "created" });
  for (const id of cleared) outcome.changes.push({ dataset: "monitoringAlarm", key: id, change: "updated" });
}
