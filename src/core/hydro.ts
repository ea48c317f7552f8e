/**
 * Water level against a station's thresholds (SL 323 / SL 758). A reading
 * without a threshold is not an alert. Pure: no I/O.
 */
export type WaterLevelState = "UNKNOWN" | "NORMAL" | "ABOVE_FLOOD_LIMIT" | "ABOVE_WARNING" | "ABOVE_GUARANTEED" | "ABOVE_HISTORICAL_MAX";

export interface Thresholds {
  warningLevel: number | null;
  guaranteedLevel: number | null;
  floodLimitLevel: number | null;
  historicalMaxLevel: number | null;
}

/** The highest threshold the level has reached (at or above counts). */
export function waterLevelState(level: number | null, t: Thresholds): WaterLevelState {
  if (level === null) return "UNKNOWN";
  const steps: Array<[number | null, WaterLevelState]> = [
    [t.historicalMaxLevel, "ABOVE_HISTORICAL_MAX"],
    [t.guaranteedLevel, "ABOVE_GUARANTEED"],
    [t.warningLevel, "ABOVE_WARNING"],
    [t.floodLimitLevel, "ABOVE_FLOOD_LIMIT"],
  ];
  if (steps.every(([threshold]) => threshold === null)) return "UNKNOWN";
  for (const [threshold, state] of steps) if (threshold !== null && level >= threshold) return state;
  return "NORMAL";
}

/** True when a state is an alert (warning line or above, or a reservoir over its flood limit). */
export function isWaterAlert(state: WaterLevelState): boolean {
  return state !== "UNKNOWN" && state !== "NORMAL";
}
