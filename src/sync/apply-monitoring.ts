/**
 * The sync's writers of online monitoring: readings appended to their day's
 * partition with the point's latest value kept on the point, and alarms as
 * the source raises and clears them (报警 / 消警); the rest of an alarm's
 * lifecycle (acknowledged, handled, escalated) is the hub's and is never
 * overwritten by the source.
 */
import crypto from "node:crypto";
import { sourceSystemOf, type Connector, type HubRecord } from "../../connectors/types.js";
import { contentHash } from "../core/content-hash.js";
import { readingOutOfRange, thresholdOf, type AlarmLevel, type Thresholds } from "../core/monitoring.js";
import { outsideTerritory } from "../core/write-scope.js";
import { writeAlarmSteps, appendAlarmEvents } from "../data/alarm-writer.js";
import { ensurePartitions, MONITORING_READINGS, periodOf } from "../data/reading-partitions.js";
import type { SqlRunner } from "../data/sql.js";
import { sql } from "../data/sql-text.js";
import type { ApplyOutcome } from "./apply-outcome.js";
import { selectIn } from "./bulk-read.js";
import { insertRows } from "./bulk-write.js";

type Row = Record<string, unknown>;

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
  for (const { record, point } of await pointsOf(query, chunk, ["rangeLow", "rangeHigh"], outcome, territory)) {
    const at = new Date(record.data.observedAt as string);
    const value = record.data.value as number;
    if (refuse(outcome, record, readingOutOfRange(value, point as never), "IMPLAUSIBLE")) continue;
    if (refuse(outcome, record, at.getTime() > now.getTime() + FUTURE_SLACK_MS ? `${at.toISOString()} is in the future` : null, "IMPLAUSIBLE")) continue;
    rows.push({ code: record.data.pointCode as string, at, value });
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
}

export async function applyMonitoringAlarms(query: SqlRunner, connector: Connector, chunk: HubRecord[], outcome: ApplyOutcome, now: Date, territory: string | null) {
  const known = await pointsOf(query, chunk, ["enterpriseCode", "indicator", "lowLow", "low", "high", "highHigh"], outcome, territory);
  if (known.length === 0) return;
  const system = sourceSystemOf(connector, "monitoringAlarm");
  const existing = new Map(
    (await selectIn(query, "monitoringAlarm", ["id", "sourceId", "state"], { column: "sourceId", values: known.map((k) => k.record.sourceId), sourceSystem: system })).map((row) => [
      row.sourceId as string,
      row,
    ]),
  );
  const fresh: Row[] = [];
  const clears: Array<{ alarmId: string; from: string; at: Date }> = [];
  for (const { record, point } of known) {
    const clearedAt = record.data.clearedAt ? new Date(record.data.clearedAt as string) : null;
    const stored = existing.get(record.sourceId);
    if (stored) {
      if (clearedAt && stored.state !== "CLEARED") clears.push({ alarmId: stored.id as string, from: stored.state as string, at: clearedAt });
      else outcome.counts.unchanged += 1;
      continue;
    }
    const content = {
      pointCode: point.code,
      enterpriseCode: point.enterpriseCode,
      regionCode: point.regionCode,
      indicator: point.indicator,
      level: record.data.level,
      value: record.data.value,
      threshold: thresholdOf(record.data.level as AlarmLevel, point as unknown as Thresholds),
      raisedAt: record.data.raisedAt,
    };
    fresh.push({
      id: crypto.randomUUID(),
      ...content,
      state: clearedAt ? "CLEARED" : "RAISED",
      clearedAt: clearedAt?.toISOString() ?? null,
      clearedBy: clearedAt ? system : null,
      sourceDepartment: connector.department,
      sourceSystem: system,
      sourceId: record.sourceId,
      fetchedAt: now.toISOString(),
      version: 1,
      contentHash: contentHash(content),
    });
  }
  const created = fresh.length === 0 ? [] : await insertRows(query, "monitoringAlarm", fresh, ["id"]);
  const createdIds = new Set(created.map((row) => row.id as string));
  const inserted = fresh.filter((row) => createdIds.has(row.id as string));
  await appendAlarmEvents(
    query,
    inserted.flatMap((row) => [
      { alarmId: row.id as string, action: "RAISE" as const, fromState: null, toState: "RAISED" as const, actor: system, note: null, at: new Date(row.raisedAt as string) },
      ...(row.clearedAt ? [{ alarmId: row.id as string, action: "CLEAR" as const, fromState: "RAISED" as const, toState: "CLEARED" as const, actor: system, note: "消警", at: new Date(row.clearedAt as string) }] : []),
    ]),
  );
  const cleared = await writeAlarmSteps(
    query,
    "CLEAR",
    clears.map((c) => ({ alarmId: c.alarmId, from: c.from as never, to: "CLEARED", action: "CLEAR", actor: system, note: "消警", at: c.at })),
    { requestId: `sync:${connector.name}`, subject: system, department: connector.department, roles: [] },
  );
  outcome.counts.created += inserted.length;
  outcome.counts.updated += cleared.length;
  outcome.counts.unchanged += fresh.length - inserted.length + clears.length - cleared.length;
  for (const row of inserted) outcome.changes.push({ dataset: "monitoringAlarm", key: row.id as string, change: "created" });
  for (const id of cleared) outcome.changes.push({ dataset: "monitoringAlarm", key: id, change: "updated" });
}
