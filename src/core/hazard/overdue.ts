/**
 * Overdue hazards. A hazard is overdue once its deadline day has ended in
 * China Standard Time: with deadline "2026-03-10" it is on time until
 * 2026-03-10T23:59:59.999+08:00 and overdue from 2026-03-11T00:00:00+08:00
 * (the deadline day itself still counts as on time). When both a plan
 * deadline and a supervision deadline (挂牌督办期限) exist, the earlier one
 * applies. CLOSED and CANCELLED hazards are never overdue.
 * Pure: no I/O.
 */
import { deadlineInstant } from "./cst-date.js";
import { isOpenState, type HazardState } from "./types.js";

export interface DeadlineFields {
  deadline: string | null;
  supervisionDeadline?: string | null;
}

export interface OverdueCandidate extends DeadlineFields {
  state: HazardState;
}

/** The deadline that binds: the earlier of plan and supervision deadline, or null when neither exists. */
export function effectiveDeadline(h: DeadlineFields): string | null {
  const dates = [h.deadline, h.supervisionDeadline].filter((d): d is string => typeof d === "string");
  if (dates.length === 0) return null;
  return dates.reduce((a, b) => (b < a ? b : a));
}

/** True when the binding deadline day has ended by `at`, whatever the state. */
export function isPastDeadline(h: DeadlineFields, at: Date): boolean {
  const date = effectiveDeadline(h);
  return date !== null && at.getTime() > deadlineInstant(date).getTime();
}

export function isOverdue(h: OverdueCandidate, now: Date): boolean {
  return isOpenState(h.state) && isPastDeadline(h, now);
}

/** For the periodic job: overdue hazards not yet marked (overdueSince is null). */
export function findNewlyOverdue<T extends OverdueCandidate & { overdueSince: Date | null }>(
  hazards: readonly T[],
  now: Date,
): T[] {
  return hazards.filter((h) => h.overdueSince === null && isOverdue(h, now));
}
