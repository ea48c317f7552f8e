/**
 * Rainfall accumulations of a gauge (SL 323 ST_PPTN_R) and the alerts they
 * raise: the rain of the last 1, 3 and 24 hours against thresholds (短时强降水
 * and 暴雨 by default; EMHUB_RAINFALL_ALERTS). A reading's rain is the DRP of
 * the period that ends at its time. Pure: no I/O.
 */
export interface RainReading {
  observedAt: Date;
  rainfall: number;
}

export interface RainThreshold {
  hours: number;
  millimetres: number;
}

/** 1 h ≥ 20 mm (短时强降水, as the China Meteorological Administration defines it), 3 h ≥ 50 mm, 24 h ≥ 50 mm (暴雨). */
export const DEFAULT_RAIN_THRESHOLDS: readonly RainThreshold[] = [
  { hours: 1, millimetres: 20 },
  { hours: 3, millimetres: 50 },
  { hours: 24, millimetres: 50 },
];

/** "1:20,3:50,24:50" → thresholds; throws on anything else. */
export function parseRainThresholds(text: string): RainThreshold[] {
  return text.split(",").map((part) => {
    const match = /^\s*(\d+(?:\.\d+)?)\s*:\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
    if (!match || Number(match[1]) <= 0 || Number(match[2]) <= 0) throw new Error(`'${part.trim()}' is not hours:millimetres (e.g. 1:30)`);
    return { hours: Number(match[1]), millimetres: Number(match[2]) };
  });
}

/** The rain of the `hours` up to and including `at`. */
export function accumulated(readings: readonly RainReading[], hours: number, at: Date): number {
  const from = at.getTime() - hours * 3_600_000;
  return readings.filter((r) => r.observedAt.getTime() > from && r.observedAt.getTime() <= at.getTime()).reduce((sum, r) => sum + r.rainfall, 0);
}

export interface RainAlert {
  hours: number;
  millimetres: number;
  threshold: number;
  observedAt: Date;
}

/**
 * The thresholds that `fresh` readings made the accumulations cross (below
 * before the reading, at or above with it), each at the first reading that
 * crossed it. `history` holds the earlier readings the windows reach back to.
 */
export function rainAlerts(history: readonly RainReading[], fresh: readonly RainReading[], thresholds: readonly RainThreshold[]): RainAlert[] {
  const alerts: RainAlert[] = [];
  const all = [...history, ...fresh].sort((a, b) => a.observedAt.getTime() - b.observedAt.getTime());
  for (const threshold of thresholds) {
    for (const reading of [...fresh].sort((a, b) => a.observedAt.getTime() - b.observedAt.getTime())) {
      const now = accumulated(all, threshold.hours, reading.observedAt);
      const before = now - reading.rainfall;
      if (before < threshold.millimetres && now >= threshold.millimetres) {
        alerts.push({ hours: threshold.hours, millimetres: Number(now.toFixed(1)), threshold: threshold.millimetres, observedAt: reading.observedAt });
        break;
      }
    }
  }
  return alerts;
}
