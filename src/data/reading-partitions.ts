/**
 * The time-series tables partitioned by day (declarative partitioning, so it
 * works the same on PostgreSQL and on the embedded database): each day's
 * partition is made before readings of that day are written, and once a day
 * is past the retention its readings are folded into hourly min / max / mean
 * ("HourlyReading") and its partition is dropped, so the table holds only
 * the retention's days whatever the rate. Days are UTC days, as the
 * timestamps are stored.
 */
import { quote, sql } from "./sql-text.js";
import type { SqlRunner } from "./sql.js";

/** A partitioned table of readings: the column that names what was read, and each measure folded hourly. */
export interface PartitionedSeries {
  table: string;
  keyColumn: string;
  /** Each measure: its column, and its name in HourlyReading.series. */
  measures: ReadonlyArray<{ column: string; series: string }>;
}

export const MONITORING_READINGS: PartitionedSeries = { table: "MonitoringReading", keyColumn: "pointCode", measures: [{ column: "value", series: "monitoring" }] };

/** Water levels, flows, storage and rainfall (SL 323), each its own hourly series: hydro.level, hydro.rainfall … */
export const HYDRO_READINGS: PartitionedSeries = {
  table: "HydroReading",
  keyColumn: "stationCode",
  measures: ["level", "flow", "inflow", "outflow", "storage", "rainfall"].map((column) => ({ column, series: `hydro.${column}` })),
};

const DAY_MS = 86_400_000;

/** The UTC day of an instant, "YYYYMMDD". */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10).replaceAll("-", "");
}

export function partitionName(series: PartitionedSeries, day: string): string {
  return `${series.table}_p${day}`;
}

const isoDay = (day: string) => `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;

/** Makes the partitions of the given days that do not exist yet. */
export async function ensurePartitions(query: SqlRunner, series: PartitionedSeries, days: Iterable<string>): Promise<void> {
  const wanted = [...new Set(days)];
  if (wanted.length === 0) return;
  const missing = await query(sql`SELECT d FROM unnest(${wanted}::text[]) AS d WHERE to_regclass(quote_ident(${series.table} || '_p' || d)) IS NULL`);
  for (const { d } of missing) {
    const day = d as string;
    const next = dayOf(new Date(Date.parse(`${isoDay(day)}T00:00:00Z`) + DAY_MS));
    try {
      await query(`CREATE TABLE IF NOT EXISTS ${quote(partitionName(series, day))} PARTITION OF ${quote(series.table)} FOR VALUES FROM ('${isoDay(day)}') TO ('${isoDay(next)}')`);
    } catch (error) {
      // another instance made it in the meantime
      if ((error as { code?: string }).code !== "42P07") throw error;
    }
  }
}

/** The days that have a partition, oldest first. */
export async function partitionDays(query: SqlRunner, series: PartitionedSeries): Promise<string[]> {
  const rows = await query(
    sql`SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = to_regclass(quote_ident(${series.table})) ORDER BY c.relname`,
  );
  const prefix = `${series.table}_p`;
  return rows.map((row) => String(row.name)).filter((name) => name.startsWith(prefix)).map((name) => name.slice(prefix.length));
}

/** The first day still kept raw when readings are kept `retentionDays` days. */
export function firstKeptDay(now: Date, retentionDays: number): string {
  return dayOf(new Date(now.getTime() - retentionDays * DAY_MS));
}

/**
 * Folds a day's readings into HourlyReading, each measure where it was read,
 * and drops the day's partition, in the caller's transaction. Hours already
 * folded (a day folded in two goes) are merged. Returns the hours written.
 */
export async function foldAndDropDay(query: SqlRunner, series: PartitionedSeries, day: string): Promise<number> {
  const partition = quote(partitionName(series, day));
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
 * Keeps the series: the partitions of yesterday to the day after tomorrow
 * exist, and every day before the retention is folded and dropped. Returns
 * the days dropped.
 */
export async function keepSeries(
  transaction: <T>(work: (query: SqlRunner) => Promise<T>) => Promise<T>,
  series: PartitionedSeries,
  now: Date,
  retentionDays: number,
): Promise<string[]> {
  await transaction((query) => ensurePartitions(query, series, [-1, 0, 1, 2].map((d) => dayOf(new Date(now.getTime() + d * DAY_MS)))));
  const keepFrom = firstKeptDay(now, retentionDays);
  const old = (await transaction((query) => partitionDays(query, series))).filter((day) => day < keepFrom);
  for (const day of old) await transaction((query) => foldAndDropDay(query, series, day));
  return old;
}
