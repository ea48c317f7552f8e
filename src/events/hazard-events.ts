/** The hazard.changed event for a hazard row as it is after a committed change. */
import type { HazardChanged } from "./hub-events.js";

export function hazardChanged(row: Record<string, unknown>, action: string, at = new Date()): HazardChanged {
  return {
    hazardId: String(row.key ?? row.id),
    action,
    state: row.state as string,
    grade: row.grade as string,
    regionCode: row.regionCode as string,
    at: at.toISOString(),
  };
}
