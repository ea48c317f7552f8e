/**
 * Whether a record lies in the territory of the account or source that writes
 * it (块): every division the record names must lie inside the writer's
 * division prefix. Pure: no I/O.
 */
import { isWithinDivision } from "./division.js";

/** The divisions a record names: its regionCode, a warning's regions, and a CAP sender's division (its code's first six digits). */
export function recordDivisions(data: Readonly<Record<string, unknown>>): string[] {
  const divisions: string[] = [];
  if (typeof data.regionCode === "string") divisions.push(data.regionCode);
  if (Array.isArray(data.regionCodes)) divisions.push(...data.regionCodes.filter((c): c is string => typeof c === "string"));
  if (typeof data.sender === "string" && /^\d{6}/.test(data.sender)) divisions.push(data.sender.slice(0, 6));
  return divisions;
}

/** Why divisions named by a record fall outside `territory`, or null when all lie inside. */
export function outsideTerritory(divisions: readonly string[], territory: string, what = "record"): string | null {
  const outside = divisions.filter((code) => !isWithinDivision(code, territory));
  if (outside.length === 0) return null;
  return `OUT_OF_SCOPE: ${what} lies in ${[...new Set(outside)].join(", ")}, outside the writer's territory ${territory}`;
}
