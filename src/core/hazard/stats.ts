/**
 * Supervision figures over hazards: rectification rate, overdue and major
 * hazards, grouping by region, and the bi-monthly bulletin (双月通报).
 * Every function reads only its arguments; "now" is always passed in.
 * Pure: no I/O.
 */
import { isOverdue } from "./overdue.js";
import { inWindow, type StatsHazard } from "./stats-hazard.js";
import { isOpenState } from "./types.js";

export { bimonthlyPeriod, parseBimonthlyPeriod, type BimonthlyPeriod } from "./bimonthly-period.js";
export { bulletin, isOpenAt, type Bulletin } from "./bulletin.js";
export { groupByChildRegion, groupBySector } from "./region-groups.js";
export { inWindow, type StatsHazard } from "./stats-hazard.js";

/**
 * Figures for the hazards FOUND in [from, to) (either bound may be left out),
 * each in its state as of `now`:
 * - total: hazards found in the window, whatever their state;
 * - open: of those, not CLOSED or CANCELLED;
 * - closed: state CLOSED; cancelled: state CANCELLED;
 * - rectificationRate: closed / (total − cancelled), rounded to 4 decimals; null when there is none to rectify (not 0);
 * - overdue: open and past the earlier of plan/supervision deadline at `now` (see isOverdue);
 *   computed, so it does not depend on the periodic job having set overdueSince;
 * - major: MAJOR hazards, whatever their state; majorSupervised: of those, with supervisedBy set;
 * - medianDaysToClose: over CLOSED hazards with closedAt, the median of
 *   (closedAt − foundAt) in days (fractional; even count → mean of the middle two); null when none.
 */
export interface HazardStats {
  total: number;
  open: number;
  closed: number;
  cancelled: number;
  rectificationRate: number | null;
  overdue: number;
  major: number;
  majorSupervised: number;
  medianDaysToClose: number | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function hazardStats(
  hazards: readonly StatsHazard[],
  window: { from?: Date; to?: Date; now: Date },
): HazardStats {
  const cohort = hazards.filter((h) => inWindow(h.foundAt, window.from, window.to));
  const closedOnes = cohort.filter((h) => h.state === "CLOSED");
  const cancelled = cohort.filter((h) => h.state === "CANCELLED").length;
  const majors = cohort.filter((h) => h.grade === "MAJOR");
  const denominator = cohort.length - cancelled;
  const days = closedOnes
    .filter((h) => h.closedAt !== null)
    .map((h) => (h.closedAt!.getTime() - h.foundAt.getTime()) / DAY_MS);
  return {
    total: cohort.length,
    open: cohort.filter((h) => isOpenState(h.state)).length,
    closed: closedOnes.length,
    cancelled,
    rectificationRate: denominator === 0 ? null : roundTo(closedOnes.length / denominator, 4),
    overdue: cohort.filter((h) => isOverdue(h, window.now)).length,
    major: majors.length,
    majorSupervised: majors.filter((h) => h.supervisedBy !== null).length,
    medianDaysToClose: median(days),
  };
}
