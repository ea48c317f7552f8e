/**
 * Bi-monthly bulletin periods (双月通报): P1 = January–February … P6 =
 * November–December, in China Standard Time. A period is the half-open
 * window [from, to): `from` is 00:00+08:00 on its first day, `to` is
 * 00:00+08:00 on the first day after it.
 * Pure: no I/O.
 */
import { cstDate, cstMonthStart } from "./cst-date.js";

export interface BimonthlyPeriod {
  /** "2026-P6" */
  key: string;
  year: number;
  /** 1 … 6 */
  index: number;
  from: Date;
  to: Date;
  /** First and last calendar day, "YYYY-MM-DD". */
  firstDay: string;
  lastDay: string;
}

const KEY_PATTERN = /^(\d{4})-P([1-6])$/;

function period(year: number, index: number): BimonthlyPeriod {
  const firstMonth = 2 * index - 1;
  const from = cstMonthStart(year, firstMonth);
  const to = cstMonthStart(year, firstMonth + 2);
  return {
    key: `${year}-P${index}`,
    year,
    index,
    from,
    to,
    firstDay: cstDate(from),
    lastDay: cstDate(new Date(to.getTime() - 1)),
  };
}

/** The period named by a key such as "2026-P6", or null when it is not one. */
export function parseBimonthlyPeriod(key: string): BimonthlyPeriod | null {
  const m = KEY_PATTERN.exec(key.trim());
  return m ? period(Number(m[1]), Number(m[2])) : null;
}

/** The period named by a key, or the one containing an instant (+08:00). Throws RangeError on a bad key. */
export function bimonthlyPeriod(keyOrInstant: string | Date): BimonthlyPeriod {
  if (keyOrInstant instanceof Date) {
    if (Number.isNaN(keyOrInstant.getTime())) throw new RangeError("invalid instant");
    const [y, m] = cstDate(keyOrInstant).split("-").map(Number);
    return period(y!, Math.floor((m! - 1) / 2) + 1);
  }
  const parsed = parseBimonthlyPeriod(keyOrInstant);
  if (!parsed) throw new RangeError(`not a bi-monthly period "YYYY-P1".."YYYY-P6": ${keyOrInstant}`);
  return parsed;
}
