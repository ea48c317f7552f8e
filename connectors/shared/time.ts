/**
 * Source timestamps. Department systems write times with an offset
 * (2024-07-12T21:31:38+08:00) or without one (2024-07-12 21:31:38,
 * 2024/07/12 21:31); a time without an offset is China Standard Time (+08:00).
 */
const DATE_TIME =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const CST_OFFSET = "+08:00";

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
  offset: string | null;
}

function split(text: string): Parts | null {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms, off] = m;
  const parts: Parts = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h ?? 0),
    minute: Number(mi ?? 0),
    second: Number(s ?? 0),
    millis: Number((ms ?? "0").padEnd(3, "0")),
    offset: off ?? null,
  };
  const probe = new Date(Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second));
  const valid =
    probe.getUTCFullYear() === parts.year &&
    probe.getUTCMonth() === parts.month - 1 &&
    probe.getUTCDate() === parts.day &&
    probe.getUTCHours() === parts.hour &&
    probe.getUTCMinutes() === parts.minute &&
    probe.getUTCSeconds() === parts.second;
  return valid ? parts : null;
}

function offsetMinutes(offset: string): number {
  if (offset === "Z") return 0;
  const sign = offset.startsWith("-") ? -1 : 1;
  const digits = offset.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/** An instant as an ISO-8601 UTC string; a time without an offset is read as +08:00. Null if unreadable. */
export function parseSourceDateTime(text: string): string | null {
  const p = split(text);
  if (!p) return null;
  const utc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millis);
  return new Date(utc - offsetMinutes(p.offset ?? CST_OFFSET) * 60_000).toISOString();
}

/**
 * A calendar date (a deadline, a filing date) as midnight UTC of that date, the
 * form a Postgres DATE column stores unchanged. A date-time is first moved to
 * China Standard Time, then its date is taken.
 */
export function parseSourceDate(text: string): string | null {
  const instant = parseSourceDateTime(text);
  if (instant === null) return null;
  const cst = new Date(Date.parse(instant) + offsetMinutes(CST_OFFSET) * 60_000);
  return `${cst.toISOString().slice(0, 10)}T00:00:00.000Z`;
}

/** The calendar date (YYYY-MM-DD) in China Standard Time of an ISO instant. */
export function chinaDateOf(isoInstant: string): string {
  return new Date(Date.parse(isoInstant) + offsetMinutes(CST_OFFSET) * 60_000).toISOString().slice(0, 10);
}
