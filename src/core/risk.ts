/**
 * Risk and hazard grading rules from the domain: four-colour risk level from an
 * LEC score, GB 18218 major-hazard-source grade from R, geological hazard scale.
 * Pure: no I/O.
 */
export type RiskLevel = "RED" | "ORANGE" | "YELLOW" | "BLUE";

/** The four colours (四色), most severe first. */
export const RISK_LEVELS: readonly RiskLevel[] = ["RED", "ORANGE", "YELLOW", "BLUE"];

/** Points counted by colour, red first, every colour present. */
export function riskLevelCounts(points: ReadonlyArray<{ level?: unknown }>): Array<{ level: RiskLevel; count: number }> {
  return RISK_LEVELS.map((level) => ({ level, count: points.filter((p) => p.level === level).length }));
}

/** The most severe colour with at least one point, or null (an enterprise's four-colour class). */
export function highestRiskLevel(counts: ReadonlyArray<{ level: string; count: number }>): RiskLevel | null {
  return RISK_LEVELS.find((level) => counts.some((c) => c.level === level && c.count > 0)) ?? null;
}

/** LEC (D = L·E·C) with the common cut-offs: >320 red, 160–320 orange, 70–160 yellow, <70 blue. */
export function riskLevelFromLec(d: number): RiskLevel {
  if (d > 320) return "RED";
  if (d >= 160) return "ORANGE";
  if (d >= 70) return "YELLOW";
  return "BLUE";
}

/** GB 18218-2018: R ≥ 100 grade 1, 50–100 grade 2, 10–50 grade 3, < 10 grade 4. */
export function majorHazardGrade(r: number): 1 | 2 | 3 | 4 {
  if (r >= 100) return 1;
  if (r >= 50) return 2;
  if (r >= 10) return 3;
  return 4;
}

export type GeoScale = "HUGE" | "LARGE" | "MEDIUM" | "SMALL";

/** Threat grade (险情等级) from people threatened and potential loss in ¥10,000 (万元). */
export function geoThreatGrade(people: number, lossWan: number): GeoScale {
  if (people >= 1000 || lossWan >= 10000) return "HUGE";
  if (people >= 500 || lossWan >= 5000) return "LARGE";
  if (people >= 100 || lossWan >= 500) return "MEDIUM";
  return "SMALL";
}
