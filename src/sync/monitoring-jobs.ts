/**
 * The leader's housekeeping of online monitoring: alarms nobody acknowledged
 * in time are escalated to the county's emergency bureau (an ESCALATE event,
 * escalatedAt, escalatedTo), and readings past their retention (monitoring
 * readings, water levels and rainfall) are folded into hourly figures and
 * their day's partition dropped.
 */
import { randomUUID } from "node:crypto";
import { escalationDue, type AlarmState } from "../core/monitoring.js";
import { writeAlarmSteps } from "../data/alarm-writer.js";
import { inSqlTransaction, type Prisma } from "../data/database.js";
import { keepSeries, type PartitionedSeries } from "../data/reading-partitions.js";
import { sql } from "../data/sql-text.js";
import { log } from "../log.js";

export const ESCALATION_ACTOR = "emhub";

/** Escalates the alarms due at `now`; returns their ids. */
export async function escalateAlarms(prisma: Prisma, now: Date, ackMinutes: number): Promise<string[]> {
  return inSqlTransaction(prisma, async (query) => {
    const cutoff = new Date(now.getTime() - ackMinutes * 60_000);
    const rows = await query(
      sql`SELECT "id", "state", "raisedAt", "escalatedAt" FROM "MonitoringAlarm"
           WHERE "state" = 'RAISED' AND "escalatedAt" IS NULL AND "raisedAt" <= ${cutoff}::timestamp(3) AND "retiredAt" IS NULL`,
    );
    const due = rows.filter((row) => escalationDue({ state: row.state as AlarmState, raisedAt: row.raisedAt as Date, escalatedAt: null }, now, ackMinutes));
    return writeAlarmSteps(
      query,
      "ESCALATE",
      due.map((row) => ({ alarmId: row.id as string, from: "RAISED", to: "RAISED", action: "ESCALATE", actor: ESCALATION_ACTOR, note: `${ackMinutes} 分钟内未确认, 上报应急管理部门`, at: now })),
      { requestId: `escalation:${randomUUID()}`, subject: ESCALATION_ACTOR, department: null, roles: [] },
    );
  });
}

/** Folds and drops the readings of `series` past the retention; returns the days dropped. */
export async function keepReadings(prisma: Prisma, series: PartitionedSeries, now: Date, retentionDays: number): Promise<string[]> {
  const dropped = await keepSeries((work) => inSqlTransaction(prisma, work), series, now, retentionDays);
  if (dropped.length > 0) log.info({ table: series.table, days: dropped }, "readings past the retention folded into hourly figures");
  return dropped;
}
