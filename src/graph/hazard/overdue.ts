/**
 * Deadline helpers for stored hazards. Deadlines are calendar dates stored as
 * PostgreSQL `date` (Prisma gives UTC midnight); the day is a China Standard
 * Time day, so a deadline is met until the end of that day in +08:00.
 */
const CST_OFFSET_MS = 8 * 3600 * 1000;

/** "YYYY-MM-DD" of a stored date column. */
export function cstDate(stored: Date): string {
  return stored.toISOString().slice(0, 10);
}

/** The first instant after the deadline day ends in +08:00. */
export function deadlinePassesAt(stored: Date): Date {
  return new Date(stored.getTime() + 24 * 3600 * 1000 - CST_OFFSET_MS);
}

export function isOverdue(hazard: Record<string, unknown>, now: Date): boolean {
  if (hazard.state === "CLOSED" || hazard.state === "CANCELLED") return false;
  const deadlines = [hazard.deadline, hazard.supervisionDeadline].filter((d): d is Date => d instanceof Date);
  return deadlines.some((d) => now.getTime() >= deadlinePassesAt(d).getTime());
}
