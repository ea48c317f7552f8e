/**
 * Calendar days in China Standard Time (UTC+08:00, no daylight saving).
 * A deadline is a day, not an instant: it lasts until the end of that day.
 * Pure: no I/O.
 */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written "YYYY-MM-DD" ("2026-02-30" is false). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = new Date(Date.UTC(y, mo - 1, d));
  return utc.getUTCFullYear() === y && utc.getUTCMonth() === mo - 1 && utc.getUTCDate() === d;
}

function parts(date: string): [number, number, number] {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date YYYY-MM-DD: ${String(date)}`);
  const [y, m, d] = date.split("-").map(Number);
  return [y!, m!, d!];
}

/** The calendar day of an instant in +08:00. A Prisma @db.Date value (UTC midnight) maps to its own day. */
export function cstDate(instant: Date): string {
  return new Date(instant.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The first instant of a day in +08:00 (00:00:00.000+08:00). */
export function cstDayStart(date: string): Date {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d) - CST_OFFSET_MS);
}

/** The last instant of a day in +08:00 (23:59:59.999+08:00): a deadline is met up to and including it. */
export function deadlineInstant(date: string): Date {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + 1) - CST_OFFSET_MS - 1);
}

/** The first instant of a month in +08:00; month 13 is January of the next year. */
export function cstMonthStart(year: number, month: number): Date {
  return new Date(Date.UTC(year, month - 1, 1) - CST_OFFSET_MS);
}
