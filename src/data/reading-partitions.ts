/**
 * The time-series tables partitioned by time (declarative partitioning, so it
 * works the same on PostgreSQL and on the embedded database): monitoring
 * readings by day, water readings by month (a year of daily partitions would
 * cost every statement on the table some 20 ms of planning). A period's
 * partition is made before readings of that period are written, and once a
 * period has passed the retention its readings are folded into hourly min /
 * max / mean ("HourlyReading") and its partition is dropped, so the table
 * holds only the retention's periods whatever the rate. Periods are UTC, as
 * the timestamps are stored.
 */
import { quote, sql } from "./sql-text.js";
import type { SqlRunner } from "./sql.js";

/** A partitioned table of readings: its period, the column that names what was read, and each measure folded hourly. */
export interface PartitionedSeries {
  table: string;
  /** One partition per UTC day ("YYYYMMDD") or month ("YYYYMM"). */
  span: "day" | "month";
  keyColumn: string;
  /** Each measure: its column, and its name in HourlyReading.series. */
  measures: ReadonlyArray<{ column: string; series: string }>;
}

export const MONITORING_READINGS: PartitionedSeries = { table: "MonitoringReading", span: "day", keyColumn: "pointCode", measures: [{ column: "value", series: "monitoring" }] };

/** Water levels, flows, storage and rainfall (SL 323), each its own hourly series: hydro.level, hydro.rainfall … */
export const HYDRO_READINGS: PartitionedSeries = {
  table: "HydroReading",
  span: "month",
  keyColumn: "stationCode",
  measures: ["level", "flow", "inflow", "outflow", "storage", "rainfall"].map((column) => ({ column, series: `hydro.${column}` })),
};

const DAY_MS = 86_400_000;

/** The period of an instant in the series' span: "YYYYMMDD" or "YYYYMM". */
export function periodOf(series: Pick<PartitionedSeries, "span">, at: Date): string {
  const day = at.toISOString().slice(0, 10).replaceAll("-", "");
  return series.span === "day" ? day : day.slice(0, 6);
}

export function partitionName(series: PartitionedSeries, period: string): string {
  return `${series.table}_p${period}`;
}

/** The first instant of a period. */
function periodStart(period: string): Date {
  return new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(4, 6)) - 1, period.length === 8 ? Number(period.slice(6, 8)) : 1));
}

/** The first instant after a period. */
function periodEnd(period: string): Date {
  const start = periodStart(period);
  return period.length === 8 ? new Date(start.getTime() + DAY_MS) : new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
}

const isoDate = (at: Date) => at.toISOString().slice(0, 10);

/** Makes the partitions of the given periods that do not exist yet. */
export async function ensurePartitions(query: SqlRunner, series: PartitionedSeries, periods: Iterable<string>): Promise<void> {
  const wanted = [...new Set(periods)];
  if (wanted.length === 0) return;
  const missing = await query(sql`SELECT p FROM unnest(${wanted}::text[]) AS p WHERE to_regclass(quote_ident(${series.table} || '_p' || p)) IS NULL`);
  for (const { p } of missing) {
    const period = p as string;
    try {
      await query(
        `CREATE TABLE IF NOT EXISTS ${quote(partitionName(series, period))} PARTITION OF ${quote(series.table)} FOR VALUES FROM ('${isoDate(periodStart(period))}') TO ('${isoDate(periodEnd(period))}')`,
      );
    } catch (error) {
      // another instance made it in the meantime
      if ((error as { code?: string }).code !== "42P07") throw error;
    }
  }
}

/** The periods that have a partition, oldest first. */
export async function partitionPeriods(query: SqlRunner, series: PartitionedSeries): Promise<string[]> {
  const rows = await query(
    sql`SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = to_regclass(quote_ident(${series.table})) ORDER BY c.relname`,
  );
  const prefix = `${series.table}_p`;
  return rows.map((row) => String(row.name)).filter((name) => name.startsWith(prefix)).map((name) => name.slice(prefix.length));
}

/** Whether all of a period lies before the retention: it ends at or before `now - retentionDays`. */
export function pastRetention(period: string, now: Date, retentionDays: number): boolean {
  return periodEnd(period).getTime() <= now.getTime() - retentionDays * DAY_MS;
}

/**
 * Folds a period's readings into HourlyReading, each measure where it was
 * read, and drops the period's partition, in the caller's transaction. Hours
 * already folded (a period folded in two goes) are merged. Returns the hours written.
 */
export async function foldAndDropPeriod(query: SqlRunner, series: PartitionedSeries, period: string): Promise<number> {
  const partition = quote(partitionName(series, period));
  let hours = 0;
  for (const measure of series.measures) hours += await foldMeasure(query, partition, quote(series.keyColumn), quote(measure.column), measure.series);
  await query(`DROP TABLE ${partition}`);
  return hours;
}

async function foldMeasure(query: SqlRunner, partition: string, key: string, value: string, series: string): Promise<number> {
  const folded = await query(
    `WITH hours AS (
       SELECT ${key} AS key, date_trunc('hour', "observedAt") AS hour, min(${value}) AS min, max(${value}) AS max, avg(${value}) AS mean, count(*)::int AS count
         FROM ${partition} WHERE ${value} IS NOT NULL GROUP BY 1, 2)
     INSERT INTO "HourlyReading" ("series", "seriesKey", "hour", "min", "max", "mean", "count")
     SELECT $1, key, hour, min, max, mean, count FROM hours
     ON CONFLICT ("series", "seriesKey", "hour") DO UPDATE SET
       "min" = least("HourlyReading"."min", excluded."min"),
       "max" = greatest("HourlyReading"."max", excluded."max"),
       "mean" = ("HourlyReading"."mean" * "HourlyReading"."count" + excluded."mean" * excluded."count") / ("HourlyReading"."count" + excluded."count"),
       "count" = "HourlyReading"."count" + excluded."count"
     RETURNING 1`,
    [series],
  );
  return folded.length;
}

/**
 * Keeps the series: the partitions of the current period and the next ones
 * exist, and every period wholly before the retention is folded and dropped.
 * Returns the periods dropped.
 */
export async function keepSeries(
  transaction: <T>(work: (query: SqlRunner) => Promise<T>) => Promise<T>,
  series: PartitionedSeries,
  now: Date,
  retentionDays: number,
): Promise<string[]> {
  const ahead = series.span === "day" ? [-1, 0, 1, 2].map((d) => new Date(now.getTime() + d * DAY_MS)) : [now, new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1))];
  await transaction((query) => ensurePartitions(query, series, ahead.map((at) => periodOf(series, at))));
  const old = (await transaction((query) => partitionPeriods(query, series))).filter((period) => pastRetention(period, now, retentionDays));
  for (const period of old) await transaction((query) => foldAndDropPeriod(query, series, period));
  return old;
}
