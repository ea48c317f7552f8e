/**
 * Online monitoring of major hazard sources and major risk points (危险化学品
 * 重大危险源监测预警): indicators, alarm levels against a point's thresholds,
 * whether a point is online, and the lifecycle of an alarm. Pure.
 */

export type Indicator = "LEVEL" | "TEMPERATURE" | "PRESSURE" | "FLOW" | "COMBUSTIBLE_GAS" | "TOXIC_GAS" | "VIDEO";
export type AlarmLevel = "LOW_LOW" | "LOW" | "HIGH" | "HIGH_HIGH";
export type AlarmState = "RAISED" | "ACKNOWLEDGED" | "HANDLED" | "CLEARED";

/** 监测指标 as the monitoring systems name them. */
export const INDICATOR_NAMES: Readonly<Record<string, Indicator>> = {
  液位: "LEVEL",
  温度: "TEMPERATURE",
  压力: "PRESSURE",
  流量: "FLOW",
  可燃气体浓度: "COMBUSTIBLE_GAS",
  有毒气体浓度: "TOXIC_GAS",
  视频: "VIDEO",
};

/** 报警级别: 低低报, 低报, 高报, 高高报. */
export const ALARM_LEVEL_NAMES: Readonly<Record<string, AlarmLevel>> = { 低低报: "LOW_LOW", 低报: "LOW", 高报: "HIGH", 高高报: "HIGH_HIGH" };

export interface Thresholds {
  lowLow: number | null;
  low: number | null;
  high: number | null;
  highHigh: number | null;
}

/** The alarm level a value is at against the point's thresholds (the most severe one crossed), or null. */
export function thresholdLevel(value: number | null, t: Thresholds): AlarmLevel | null {
  if (value === null) return null;
  if (t.highHigh !== null && value >= t.highHigh) return "HIGH_HIGH";
  if (t.lowLow !== null && value <= t.lowLow) return "LOW_LOW";
  if (t.high !== null && value >= t.high) return "HIGH";
  if (t.low !== null && value <= t.low) return "LOW";
  return null;
}

/** The threshold an alarm of `level` crossed. */
export function thresholdOf(level: AlarmLevel, t: Thresholds): number | null {
  return { LOW_LOW: t.lowLow, LOW: t.low, HIGH: t.high, HIGH_HIGH: t.highHigh }[level];
}

/** Thresholds must be ordered 低低报 ≤ 低报 < 高报 ≤ 高高报 where given; the reason they are not, or null. */
export function thresholdOrderProblem(t: Thresholds): string | null {
  const ordered = [["低低报", t.lowLow], ["低报", t.low], ["高报", t.high], ["高高报", t.highHigh]].filter((p): p is [string, number] => p[1] !== null);
  for (let i = 1; i < ordered.length; i++) {
    if (ordered[i]![1] < ordered[i - 1]![1]) return `${ordered[i]![0]} ${ordered[i]![1]} is below ${ordered[i - 1]![0]} ${ordered[i - 1]![1]}`;
  }
  return null;
}

/**
 * A reading outside the instrument's range by more than a tenth of the range
 * cannot have been measured: the reason, or null. Points without a range accept any value.
 */
export function readingOutOfRange(value: number, range: { rangeLow: number | null; rangeHigh: number | null }): string | null {
  const { rangeLow: low, rangeHigh: high } = range;
  if (low === null || high === null || high <= low) return null;
  const slack = (high - low) / 10;
  return value < low - slack || value > high + slack ? `${value} is outside the instrument's range ${low}..${high}` : null;
}

/** Online: a reading arrived within the freshness window. */
export function isOnline(lastReadingAt: Date | null, now: Date, freshnessMinutes: number): boolean {
  return lastReadingAt !== null && now.getTime() - lastReadingAt.getTime() <= freshnessMinutes * 60_000;
}

export type AlarmAction = "RAISE" | "ACKNOWLEDGE" | "HANDLE" | "CLEAR" | "ESCALATE";

export type AlarmDecision = { ok: true; state: AlarmState } | { ok: false; reason: string };

/**
 * The next state of an alarm for an action. The source raises and clears
 * (消警); the enterprise acknowledges, then handles it (a measure taken) and
 * may close it once handled; escalation leaves the state as it is.
 */
export function decideAlarmAction(state: AlarmState, action: Exclude<AlarmAction, "RAISE">, byHub: boolean): AlarmDecision {
  if (state === "CLEARED") return { ok: false, reason: "the alarm is cleared" };
  switch (action) {
    case "ACKNOWLEDGE":
      return state === "RAISED" ? { ok: true, state: "ACKNOWLEDGED" } : { ok: false, reason: `an alarm ${state} is acknowledged already` };
    case "HANDLE":
      return state === "HANDLED" ? { ok: false, reason: "the alarm is handled already" } : { ok: true, state: "HANDLED" };
    case "CLEAR":
      return !byHub || state === "HANDLED" ? { ok: true, state: "CLEARED" } : { ok: false, reason: "an alarm is closed in the hub only after it is handled; the source clears it (消警) otherwise" };
    case "ESCALATE":
      return state === "RAISED" ? { ok: true, state } : { ok: false, reason: `an alarm ${state} is not escalated` };
  }
}

/** Escalation is due: raised, not acknowledged within `ackMinutes`, not escalated yet. */
export function escalationDue(alarm: { state: AlarmState; raisedAt: Date; escalatedAt: Date | null }, now: Date, ackMinutes: number): boolean {
  return alarm.state === "RAISED" && alarm.escalatedAt === null && now.getTime() - alarm.raisedAt.getTime() >= ackMinutes * 60_000;
}

/** The emergency bureau an alarm goes to: the county of the point (its six-digit division). */
export function escalationTarget(regionCode: string): string {
  return regionCode.slice(0, 6);
}
