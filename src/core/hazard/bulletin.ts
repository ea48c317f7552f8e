/**
 * The bi-monthly bulletin (双月通报) of hazards for one period.
 * Pure: no I/O.
 */
import { bimonthlyPeriod, type BimonthlyPeriod } from "./bimonthly-period.js";
import { isPastDeadline } from "./overdue.js";
import { inWindow, type StatsHazard } from "./stats-hazard.js";

/**
 * A hazard is open at instant t when it was found before t and had not been
 * closed or cancelled before t. A CLOSED hazard without closedAt, or a
 * CANCELLED one without cancelledAt, is taken as finished before t.
 */
export function isOpenAt(h: StatsHazard, t: Date): boolean {
  if (h.foundAt.getTime() >= t.getTime()) return false;
  if (h.state === "CLOSED") return h.closedAt !== null && h.closedAt.getTime() >= t.getTime();
  if (h.state === "CANCELLED") return h.cancelledAt != null && h.cancelledAt.getTime() >= t.getTime();
  return true;
}

/**
 * The bi-monthly bulletin. "Window end" is asOf = the earlier of period.to
 * and now, so a bulletin of the running period speaks of the present.
 * - new: hazards found in [period.from, asOf);
 * - closed: hazards now CLOSED whose closedAt lies in [period.from, asOf);
 * - stillOpen: hazards open at asOf (see isOpenAt), whenever found;
 * - overdue: of those open at asOf, past the binding deadline at asOf
 *   (the current plan/supervision deadlines are used);
 * - majors: the MAJOR hazards open at asOf, by foundAt then id.
 */
export interface Bulletin<T> {
  period: string;
  from: Date;
  to: Date;
  asOf: Date;
  new: number;
  closed: number;
  stillOpen: number;
  overdue: number;
  majors: T[];
  /** 突出问题: open hazards that are MAJOR, under supervised rectification (挂牌督办) or past their deadline, oldest first. */
  prominent: T[];
  /** 清零: the hazards the previous bulletin listed as open, and which of them are open still. */
  clearance: Clearance<T>;
}

/**
 * 安全隐患双月通报清零制度: each bulletin lists the hazards open at the end of
 * its period, and they are to be cleared (closed) by the next. `listed` are
 * those open at the end of the previous period; `notCleared`, of those, the
 * ones open at asOf, oldest first.
 */
export interface Clearance<T> {
  previousPeriod: string;
  listedAt: Date;
  listed: T[];
  notCleared: T[];
}

export function bulletin<T extends StatsHazard>(
  hazards: readonly T[],
  period: BimonthlyPeriod,
  now: Date,
): Bulletin<T> {
  const asOf = new Date(Math.min(period.to.getTime(), now.getTime()));
  const open = hazards.filter((h) => isOpenAt(h, asOf));
  const closedInWindow = (h: T) => h.state === "CLOSED" && h.closedAt !== null && inWindow(h.closedAt, period.from, asOf);
  return {
    period: period.key,
    from: period.from,
    to: period.to,
    asOf,
    new: hazards.filter((h) => inWindow(h.foundAt, period.from, asOf)).length,
    closed: hazards.filter(closedInWindow).length,
    stillOpen: open.length,
    overdue: open.filter((h) => isPastDeadline(h, asOf)).length,
    majors: open.filter((h) => h.grade === "MAJOR").sort(oldestFirst),
    prominent: open.filter((h) => h.grade === "MAJOR" || h.supervisedBy !== null || isPastDeadline(h, asOf)).sort(oldestFirst),
    clearance: clearance(hazards, period, asOf),
  };
}

export function clearance<T extends StatsHazard>(hazards: readonly T[], period: BimonthlyPeriod, asOf: Date): Clearance<T> {
  const previous = bimonthlyPeriod(new Date(period.from.getTime() - 1));
  const listed = hazards.filter((h) => isOpenAt(h, period.from)).sort(oldestFirst);
  return { previousPeriod: previous.key, listedAt: period.from, listed, notCleared: listed.filter((h) => isOpenAt(h, asOf)) };
}

const oldestFirst = (a: StatsHazard, b: StatsHazard) => a.foundAt.getTime() - b.foundAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
