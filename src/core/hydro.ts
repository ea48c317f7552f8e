/**
 * Water level against a station's thresholds (SL 323 / SL 758). A reading
 * without a threshold is not an alert. Pure: no I/O.
 */
import { cstDate } from "./hazard/cst-date.js";

export type WaterLevelState = "UNKNOWN" | "NORMAL" | "ABOVE_FLOOD_LIMIT" | "ABOVE_WARNING" | "ABOVE_GUARANTEED" | "ABOVE_HISTORICAL_MAX";

/**
 * A reservoir's flood-season limit level (汛限水位, SL 323 ST_RSVRFSR_B) for one
 * period of the year: from BGMD to EDMD, both "MMDD" and both included, in
 * China time. A reservoir may have several (前汛期, 主汛期, 后汛期 …).
 */
export interface FloodLimitPeriod {
  from: string;
  to: string;
  level: number;
}

export interface Thresholds {
  warningLevel: number | null;
  guaranteedLevel: number | null;
  /** A limit for the whole year, as stored before periods were kept; periods, when given, decide. */
  floodLimitLevel: number | null;
  floodLimitPeriods?: readonly FloodLimitPeriod[] | null;
  historicalMaxLevel: number | null;
}

/** "MMDD" of an instant in China time. */
export function chinaMonthDay(at: Date): string {
  return cstDate(at).slice(5).replace("-", "");
}

/** Whether "MMDD" lies in a period (one that runs over the new year, 1101–0228, included). */
function inPeriod(day: string, period: FloodLimitPeriod): boolean {
  return period.from <= period.to ? day >= period.from && day <= period.to : day >= period.from || day <= period.to;
}

/** The flood limit in force at `at`: the period's that holds the day (the lowest, should two); null outside every period. */
export function floodLimitAt(t: Pick<Thresholds, "floodLimitLevel" | "floodLimitPeriods">, at: Date): number | null {
  if (!t.floodLimitPeriods || t.floodLimitPeriods.length === 0) return t.floodLimitLevel;
  const day = chinaMonthDay(at);
  const levels = t.floodLimitPeriods.filter((period) => inPeriod(day, period)).map((period) => period.level);
  return levels.length === 0 ? null : Math.min(...levels);
}

/** The highest threshold the level has reached at `at` (at or above counts); the flood limit is the one in force then. */
export function waterLevelState(level: number | null, t: Thresholds, at: Date = new Date()): WaterLevelState {
  if (level === null) return "UNKNOWN";
  const steps: Array<[number | null, WaterLevelState]> = [
    [t.historicalMaxLevel, "ABOVE_HISTORICAL_MAX"],
    [t.guaranteedLevel, "ABOVE_GUARANTEED"],
    [t.warningLevel, "ABOVE_WARNING"],
    [floodLimitAt(t, at), "ABOVE_FLOOD_LIMIT"],
  ];
  // a reservoir outside its flood season has no limit in force, but it has thresholds: its level is normal
  if (steps.every(([threshold]) => threshold === null) && !t.floodLimitPeriods?.length) return "UNKNOWN";
  for (const [threshold, state] of steps) if (threshold !== null && level >= threshold) return state;
  return "NORMAL";
}

/** True when a state is an alert (warning line or above, or a reservoir over its flood limit). */
export function isWaterAlert(state: WaterLevelState): boolean {
  return state !== "UNKNOWN" && state !== "NORMAL";
}
