/**
 * The plans' target indicators (目标指标), computed from shared records.
 * Every figure has its value, numerator and denominator; it is unknown
 * (null, with the reason) when an input is missing or there is nothing to
 * count — never a zero that is not one. Pure: no I/O.
 */
export const INDICATOR_IDS = [
  "MAJOR_RISK_POINT_MONITORING",
  "MAJOR_HAZARD_MONITORING",
  "SHELTER_AREA_PER_PERSON",
  "WARNING_LEAD_TIME",
  "RESCUE_COVERAGE",
  "RESCUE_TEAM_SIZE",
  "STANDARDISATION_RATE",
  "LIABILITY_INSURANCE_HIGH_RISK",
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export interface IndicatorTarget {
  name: string;
  unit: string;
  atLeast: number;
  source: string;
  minimumHeadcount?: { CITY: number; COUNTY: number; TOWNSHIP: number };
  sectors?: string[];
}

export interface Indicator {
  id: IndicatorId;
  name: string;
  unit: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  target: number;
  met: boolean | null;
  source: string;
  /** Why the value is unknown, when it is. */
  unknownBecause: string | null;
}

export type DivisionLevel = "PROVINCE" | "CITY" | "COUNTY" | "TOWNSHIP";

/** The records of one division the figures are computed from (as the reader may read them). */
export interface IndicatorInputs {
  level: DivisionLevel;
  population: number | null;
  riskPoints: ReadonlyArray<{ level: string; onlineMonitored: boolean }>;
  majorHazardSources: ReadonlyArray<{ monitoringOnline: boolean | null }>;
  shelters: ReadonlyArray<{ areaM2: number; status: string }>;
  /** Warnings of the year before the figures' date, with their lead time when the alert gives an onset. */
  warningLeadMinutes: ReadonlyArray<number>;
  /** The divisions directly under this one, and whether each has a 专（兼）职 rescue team. */
  divisionsUnder: ReadonlyArray<{ code: string; hasRescueTeam: boolean }>;
  /** 专（兼）职 teams (not enterprise brigades, not social forces) at this division's own level. */
  ownLevelTeams: ReadonlyArray<{ headcount: number }>;
  enterprises: ReadonlyArray<{ sizeClass: string | null; sector: string; standardisationGrade: string | null; liabilityInsurance: boolean | null }>;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

function ratio(id: IndicatorId, target: IndicatorTarget, numerator: number, denominator: number, nothing: string): Indicator {
  if (denominator === 0) return unknown(id, target, nothing);
  const value = round((100 * numerator) / denominator, 2);
  return { id, name: target.name, unit: target.unit, value, numerator, denominator, target: target.atLeast, met: value >= target.atLeast, source: target.source, unknownBecause: null };
}

function unknown(id: IndicatorId, target: IndicatorTarget, because: string): Indicator {
  return { id, name: target.name, unit: target.unit, value: null, numerator: null, denominator: null, target: target.atLeast, met: null, source: target.source, unknownBecause: because };
}

export function computeIndicators(inputs: IndicatorInputs, targets: Record<IndicatorId, IndicatorTarget>): Indicator[] {
  const t = targets;
  const red = inputs.riskPoints.filter((p) => p.level === "RED");
  const openShelters = inputs.shelters.filter((s) => s.status !== "CLOSED");
  const area = openShelters.reduce((sum, s) => sum + s.areaM2, 0);
  const lead = inputs.warningLeadMinutes;
  const minimum = inputs.level === "PROVINCE" ? null : t.RESCUE_TEAM_SIZE.minimumHeadcount?.[inputs.level];
  const aboveSize = inputs.enterprises.filter((e) => e.sizeClass === "规上");
  const highRisk = inputs.enterprises.filter((e) => t.LIABILITY_INSURANCE_HIGH_RISK.sectors?.includes(e.sector));
  return [
    ratio("MAJOR_RISK_POINT_MONITORING", t.MAJOR_RISK_POINT_MONITORING, red.filter((p) => p.onlineMonitored).length, red.length, "no red (重大) risk point to monitor"),
    ratio("MAJOR_HAZARD_MONITORING", t.MAJOR_HAZARD_MONITORING, inputs.majorHazardSources.filter((s) => s.monitoringOnline === true).length, inputs.majorHazardSources.length, "no major hazard source"),
    inputs.population === null || inputs.population <= 0
      ? unknown("SHELTER_AREA_PER_PERSON", t.SHELTER_AREA_PER_PERSON, "the division's population is not in the reference data")
      : {
          id: "SHELTER_AREA_PER_PERSON",
          name: t.SHELTER_AREA_PER_PERSON.name,
          unit: t.SHELTER_AREA_PER_PERSON.unit,
          value: round(area / inputs.population, 3),
          numerator: area,
          denominator: inputs.population,
          target: t.SHELTER_AREA_PER_PERSON.atLeast,
          met: area / inputs.population >= t.SHELTER_AREA_PER_PERSON.atLeast,
          source: t.SHELTER_AREA_PER_PERSON.source,
          unknownBecause: null,
        },
    lead.length === 0
      ? unknown("WARNING_LEAD_TIME", t.WARNING_LEAD_TIME, "no warning of the past year gives an onset to measure the lead time by")
      : {
          id: "WARNING_LEAD_TIME",
          name: t.WARNING_LEAD_TIME.name,
          unit: t.WARNING_LEAD_TIME.unit,
          value: round(lead.reduce((sum, m) => sum + m, 0) / lead.length, 1),
          numerator: round(lead.reduce((sum, m) => sum + m, 0), 1),
          denominator: lead.length,
          target: t.WARNING_LEAD_TIME.atLeast,
          met: lead.reduce((sum, m) => sum + m, 0) / lead.length >= t.WARNING_LEAD_TIME.atLeast,
          source: t.WARNING_LEAD_TIME.source,
          unknownBecause: null,
        },
    ratio("RESCUE_COVERAGE", t.RESCUE_COVERAGE, inputs.divisionsUnder.filter((d) => d.hasRescueTeam).length, inputs.divisionsUnder.length, "no division under this one in the reference data"),
    minimum == null
      ? unknown("RESCUE_TEAM_SIZE", t.RESCUE_TEAM_SIZE, "the plans set no team size for this level")
      : ratio("RESCUE_TEAM_SIZE", { ...t.RESCUE_TEAM_SIZE, name: `${t.RESCUE_TEAM_SIZE.name}（不少于${minimum}人）` }, inputs.ownLevelTeams.filter((team) => team.headcount >= minimum).length, inputs.ownLevelTeams.length, "no 专（兼）职 team of this level is registered"),
    ratio("STANDARDISATION_RATE", t.STANDARDISATION_RATE, aboveSize.filter((e) => e.standardisationGrade !== null && e.standardisationGrade !== "").length, aboveSize.length, "no 规上 enterprise"),
    ratio("LIABILITY_INSURANCE_HIGH_RISK", t.LIABILITY_INSURANCE_HIGH_RISK, highRisk.filter((e) => e.liabilityInsurance === true).length, highRisk.length, "no enterprise of a high-risk sector"),
  ];
}

/** Minutes from an alert's sending to its onset (or effective time); null without one, or when it is not ahead. */
export function leadMinutes(sent: Date, onset: Date | null): number | null {
  if (onset === null) return null;
  const minutes = (onset.getTime() - sent.getTime()) / 60_000;
  return minutes >= 0 ? minutes : null;
}
