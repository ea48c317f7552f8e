/**
 * Stored hazard rows in the shapes the pure workflow reads, and its patches in
 * the shape the database stores. Calendar days (plan and supervision
 * deadlines) are PostgreSQL `date` columns, which Prisma gives as UTC midnight
 * of that day; the workflow speaks of "YYYY-MM-DD" days in +08:00.
 */
import { cstDate, type HazardPatch, type HazardSnapshot, type HazardState, type StatsHazard } from "../core/hazard/index.js";

type Row = Record<string, unknown>;

/** "YYYY-MM-DD" of a stored `date` column (a Date through Prisma, the day itself through the Reader), or null. */
export function dayOf(stored: unknown): string | null {
  if (typeof stored === "string") return stored;
  return stored instanceof Date ? cstDate(stored) : null;
}

/** The value to store in a `date` column for a calendar day. */
export function storedDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function snapshotOf(row: Row): HazardSnapshot {
  return {
    state: row.state as HazardState,
    grade: row.grade as HazardSnapshot["grade"],
    version: row.version as number,
    foundAt: row.foundAt as Date,
    supervisedBy: (row.supervisedBy as string | null | undefined) ?? null,
  };
}

/** The deadline fields of a row, as the overdue rules read them. */
export function deadlinesOf(row: Row): { state: HazardState; deadline: string | null; supervisionDeadline: string | null } {
  return { state: row.state as HazardState, deadline: dayOf(row.deadline), supervisionDeadline: dayOf(row.supervisionDeadline) };
}

/** A row as the supervision figures read it; `cancelledAt` comes from the CANCEL event when known. */
export function statsHazardOf(row: Row, cancelledAt: Date | null = null): StatsHazard {
  return {
    id: String(row.id),
    regionCode: row.regionCode as string,
    sector: row.sector as string,
    grade: row.grade as StatsHazard["grade"],
    state: row.state as HazardState,
    foundAt: row.foundAt as Date,
    closedAt: (row.closedAt as Date | null) ?? null,
    deadline: dayOf(row.deadline),
    supervisionDeadline: dayOf(row.supervisionDeadline),
    supervisedBy: (row.supervisedBy as string | null) ?? null,
    overdueSince: (row.overdueSince as Date | null) ?? null,
    cancelledAt,
  };
}

/** A workflow patch as Prisma data: calendar days become `date` values. */
export function patchData(patch: HazardPatch): Row {
  const data: Row = { ...patch };
  if (patch.deadline !== undefined) data.deadline = storedDay(patch.deadline);
  if (patch.supervisionDeadline !== undefined) data.supervisionDeadline = storedDay(patch.supervisionDeadline);
  return data;
}

