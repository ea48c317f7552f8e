/**
 * The hazard fields the supervision figures read; a full hazard row fits once
 * its deadlines are calendar days "YYYY-MM-DD".
 * Pure: no I/O.
 */
import type { HazardGrade, HazardState } from "./types.js";

export interface StatsHazard {
  id: string;
  regionCode: string;
  sector: string;
  grade: HazardGrade;
  state: HazardState;
  foundAt: Date;
  closedAt: Date | null;
  /** Plan deadline "YYYY-MM-DD" (+08:00). */
  deadline: string | null;
  supervisionDeadline?: string | null;
  supervisedBy: string | null;
  overdueSince?: Date | null;
  /** When a CANCELLED hazard was cancelled, if the caller knows (from its CANCEL event). */
  cancelledAt?: Date | null;
}

/** True when `at` lies in the half-open window [from, to); a missing bound is open-ended. */
export function inWindow(at: Date, from?: Date, to?: Date): boolean {
  const t = at.getTime();
  return (from === undefined || t >= from.getTime()) && (to === undefined || t < to.getTime());
}
