/**
 * The sample feeds describe one moment each (a connector's `sampleAsOf`):
 * warnings in force then, readings of that hour, hazards with deadlines
 * before and after that day. Loaded as shipped they would age — warnings
 * expired, every deadline past — so the hub places them at the moment they
 * are loaded: every time stamp in a sample document moves by (load time −
 * sampleAsOf), whole minutes, and every date without a time by the calendar
 * days between the two (China time). What was in force, overdue or due next
 * week at sampleAsOf is so at the load. Only ASCII date stamps are touched,
 * so documents in GB18030 keep every other byte.
 *
 * A sample of a season (the flood season's rainstorm warnings and river
 * readings) is placed at the load only inside that season; outside it, at
 * its own day and hour of the latest year that has passed, so that it reads
 * as last season's record and not as a 高温 warning in December.
 */
import type { SampleSeason } from "../../connectors/types.js";
import { cstDate } from "../core/hazard/cst-date.js";

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** yyyy-mm-dd, optionally with [T ]hh:mm[:ss]; not inside a longer number or a multibyte character. */
const STAMP = /(?<![\d\x80-\xff])(\d{4})-(\d{2})-(\d{2})(?:([T ])(\d{2}):(\d{2})(?::(\d{2}))?)?(?!\d)/g;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
/** The calendar day of an instant in China time, as a day number. */
const chinaDay = (date: Date) => Date.parse(cstDate(date)) / DAY_MS;

const monthDay = (date: Date) => cstDate(date).slice(5);

/** True when `date` (China time) falls within `season`. */
export function inSeason(date: Date, season: SampleSeason): boolean {
  const day = monthDay(date);
  return season.from <= season.to ? day >= season.from && day <= season.to : day >= season.from || day <= season.to;
}

/**
 * The moment a sample taken at `asOf` is placed at when loaded at `now`:
 * `now` when the sample has no season or `now` is in it; otherwise `asOf`'s
 * day and hour in the latest year for which that moment is not after `now`.
 */
export function samplePlacement(asOf: Date, now: Date, season?: SampleSeason): Date {
  if (!season || inSeason(now, season)) return now;
  const CST = 8 * 3_600_000;
  const wall = new Date(asOf.getTime() + CST);
  for (let year = Number(cstDate(now).slice(0, 4)); ; year--) {
    const moved = new Date(wall);
    moved.setUTCFullYear(year);
    const placed = new Date(moved.getTime() - CST);
    if (placed.getTime() <= now.getTime()) return placed;
  }
}

/** The shift that places a sample taken at `asOf` at `now`. */
export function sampleShift(asOf: Date, now: Date): { ms: number; days: number } {
  return { ms: Math.floor((now.getTime() - asOf.getTime()) / MINUTE_MS) * MINUTE_MS, days: chinaDay(now) - chinaDay(asOf) };
}

/** `text` with each date stamp moved by `shift`, in the form it had (a time zone suffix stays as it was). */
export function shiftDateStamps(text: string, shift: { ms: number; days: number }): string {
  return text.replace(STAMP, (whole, y: string, m: string, d: string, separator?: string, hh?: string, mm?: string, ss?: string) => {
    // the wall-clock fields as if they were UTC: adding milliseconds then moves them as the clock would (China has no DST)
    const wall = Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh ?? 0), Number(mm ?? 0), Number(ss ?? 0));
    const read = new Date(wall);
    // Date.UTC rolls 2026-13-45 over into another date: such a stamp is not a date, and stays
    if (read.getUTCMonth() !== Number(m) - 1 || read.getUTCDate() !== Number(d) || read.getUTCHours() !== Number(hh ?? 0) || read.getUTCMinutes() !== Number(mm ?? 0)) return whole;
    const moved = new Date(wall + (separator ? shift.ms : shift.days * DAY_MS));
    const date = `${pad(moved.getUTCFullYear(), 4)}-${pad(moved.getUTCMonth() + 1)}-${pad(moved.getUTCDate())}`;
    if (!separator) return date;
    const time = `${pad(moved.getUTCHours())}:${pad(moved.getUTCMinutes())}`;
    return `${date}${separator}${time}${ss === undefined ? "" : `:${pad(moved.getUTCSeconds())}`}`;
  });
}

/** A sample document's bytes placed at `now` (latin1 maps each byte to one character and back, so other bytes are kept as they are). */
export function placeSample(body: Buffer, asOf: Date, now: Date): Buffer {
  return Buffer.from(shiftDateStamps(body.toString("latin1"), sampleShift(asOf, now)), "latin1");
}
