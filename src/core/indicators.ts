/**
 * The plans' target indicators (目标指标), computed from shared records.
 * Every figure has its value, numerator and denominator, its method, and the
 * target of the plan that binds the division, quoted where the plan sets it.
 * It is unknown (null, with the reason) when an input is missing or there is
 * nothing to count — never a zero that is not one; `met` is unknown where no
 * binding plan sets a target, and where the records and a plan's own
 * statement of the figure disagree on it (both shown, with a conflict note).
 * Pure: no I/O.
 */
import { AID_HOURS, hoursToAid, initialReportDueAt, onTime, type DisasterProcess, type ReportSent } from "./disaster-reports.js";

export const INDICATOR_IDS = [
  "MAJOR_RISK_POINT_MONITORING",
  "MAJOR_HAZARD_MONITORING",
  "SHELTER_AREA_PER_PERSON",
  "WARNING_LEAD_TIME",
  "RESCUE_COVERAGE",
  "RESCUE_TEAM_SIZE",
  "STANDARDISATION_RATE",
  "LIABILITY_INSURANCE_HIGH_RISK",
  "PUBLIC_WARNING_COVERAGE",
  "WARNING_RELEASE_COVERAGE",
  "INFORMATION_OFFICER_COVERAGE",
  "PLAN_DRILL_RATE",
  "DISASTER_REPORT_ON_TIME",
  "AID_WITHIN_10_HOURS",
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export type DivisionLevel = "PROVINCE" | "CITY" | "COUNTY" | "TOWNSHIP" | "VILLAGE";

/** Where a plan says something: the plan, the territory it binds, the article and its own words. */
export interface Citation {
  plan: string;
  title: string;
  /** Division code of the territory the plan binds. */
  binds: string;
  article: string;
  words: string[];
}

/** An indicator's target as it applies to one division (config/indicator-targets.ts resolves it). */
export interface IndicatorTarget {
  name: string;
  unit: string;
  method: string;
  /** null: no plan binding the division sets one (`noTarget` says which plans were read). */
  atLeast: number | null;
  /** A ceiling instead (a time that must not be exceeded); null: the target, if any, is atLeast. */
  atMost?: number | null;
  basis: Citation | null;
  noTarget: string | null;
  /** RESCUE_TEAM_SIZE: the fewest people a team of the division's level must have, and where that is said. */
  minimumHeadcount?: { count: number; basis: Citation } | null;
  /** LIABILITY_INSURANCE_HIGH_RISK: the enterprise sectors that are high-risk, and where the list is. */
  sectors?: { names: readonly string[]; basis: Citation } | null;
  /** WARNING_LEAD_TIME: the warning types of sudden severe weather. */
  warningTypes?: readonly string[];
  /** Another line of a binding plan that says otherwise, and which figure was taken. */
  conflict?: { citation: Citation; note: string } | null;
  /** What a plan states of this division's present figure. */
  statement?: { value: number; citation: Citation } | null;
}

export interface Indicator {
  id: IndicatorId;
  name: string;
  unit: string;
  method: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  target: number | null;
  /** The target is a ceiling (at most), not a floor (at least). */
  atMost: boolean;
  basis: Citation | null;
  /** One line: the plan, article and words that set the target, or why there is none. */
  source: string;
  met: boolean | null;
  /** Why `met` is unknown, when it is. */
  unknownBecause: string | null;
  /** A plan's own statement of this division's figure. */
  stated: { value: number; citation: Citation } | null;
  /** Where the records and a plan disagree, or a plan disagrees with itself. */
  conflict: string | null;
  /** Anything else a reader must know to read the figure. */
  note: string | null;
}

/** A warning as the lead-time figure reads it. */
/** A release system's report: one channel in one division (WarningDissemination). */
export interface DisseminationReport {
  warningId: string;
  regionCode: string;
  channel: string;
  reached: number | null;
}

export interface WarningForLeadTime {
  /** The warning's key, which its dissemination reports name. */
  id?: string;
  msgType: string;
  capStatus: string;
  type: string;
  sent: Date;
  onset: Date | null;
}

/** A monitoring point as 在线监测率 sees it: online when a reading came within the freshness window. */
export interface MonitoredPoint {
  code: string;
  online: boolean;
  /** The last reading's time when offline (null: it never reported). */
  lastReadingAt: Date | null;
}

/** Monitored online: it has monitoring points and every one of them reported within the freshness window. */
export function monitoredOnline(points: readonly MonitoredPoint[]): boolean {
  return points.length > 0 && points.every((point) => point.online);
}

/** The note of a monitoring figure: the objects without points and the points offline, with the time of their last reading. */
function offlineNote(objects: ReadonlyArray<{ points: readonly MonitoredPoint[] }>): string | null {
  const unmonitored = objects.filter((o) => o.points.length === 0).length;
  const offline = objects.flatMap((o) => o.points.filter((p) => !p.online));
  const parts = [
    unmonitored > 0 ? `${unmonitored} 个无监测点位` : null,
    offline.length > 0 ? `离线点位：${offline.map((p) => `${p.code}（${p.lastReadingAt ? `最后数据 ${chinaTime(p.lastReadingAt)}` : "从未上报"}）`).join("、")}` : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join("；") : null;
}

const chinaTime = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");

/** The records of one division the figures are computed from (as the reader may read them). */
export interface IndicatorInputs {
  level: DivisionLevel;
  name: string | null;
  population: number | null;
  /** Each risk point with the monitoring points the monitoring system reports for it. */
  riskPoints: ReadonlyArray<{ level: string; points: readonly MonitoredPoint[] }>;
  majorHazardSources: ReadonlyArray<{ points: readonly MonitoredPoint[] }>;
  shelters: ReadonlyArray<{ areaM2: number; status: string }>;
  /** Warnings of the year before the figures' date. */
  warnings: ReadonlyArray<WarningForLeadTime>;
  /** The division's code (6 or 12 digits): which dissemination reports reach it. */
  code?: string;
  /** Where those warnings went (the release system's reports). */
  disseminations?: ReadonlyArray<DisseminationReport>;
  /** The villages and communities of the division in the reference data (null: not there), and those with an information officer. */
  villages?: readonly string[] | null;
  officerVillages?: readonly string[];
  /** The division's emergency plans: when each was last drilled. */
  plans?: ReadonlyArray<{ lastDrillAt: Date | null }>;
  /** The disaster processes of the year before the figures' date, with their reports. */
  disasterProcesses?: ReadonlyArray<DisasterProcess & { reports: readonly ReportSent[] }>;
  /** The figures' date. */
  asOf?: Date;
  /** The divisions directly under this one, and whether each has a 专（兼）职 rescue team. */
  divisionsUnder: ReadonlyArray<{ code: string; hasRescueTeam: boolean }>;
  /** 专（兼）职 teams (not enterprise brigades, not social forces) at this division's own level. */
  ownLevelTeams: ReadonlyArray<{ headcount: number }>;
  enterprises: ReadonlyArray<{ sizeClass: string | null; sector: string; standardisationGrade: string | null; liabilityInsurance: boolean | null }>;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** A figure and a stated one differ when they differ by more than 5% of the stated one. */
const DISAGREEMENT = 0.05;

export function cite(citation: Citation): string {
  return `${citation.plan}《${citation.title}》${citation.article}：${citation.words.map((w) => `「${w}」`).join("；")}`;
}

interface Figure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Why the value is unknown, when it is. */
  unknownBecause?: string;
  /** met regardless of the target (a required team that does not exist). */
  failsWhenUnknown?: string;
  note?: string | null;
}

function judge(id: IndicatorId, target: IndicatorTarget, figure: Figure, digits: number): Indicator {
  const base = {
    id,
    name: target.name,
    unit: target.unit,
    method: target.method,
    value: figure.value,
    numerator: figure.numerator,
    denominator: figure.denominator,
    target: target.atLeast ?? target.atMost ?? null,
    atMost: target.atMost != null,
    basis: target.basis,
    source: target.basis ? cite(target.basis) : (target.noTarget ?? "没有设定此目标的规划"),
    stated: target.statement ?? null,
    note: figure.note ?? null,
  };
  const planConflict = target.conflict ? `${cite(target.conflict.citation)}。${target.conflict.note}` : null;
  const stated = target.statement;
  const disagrees = stated && figure.value !== null && Math.abs(figure.value - stated.value) > DISAGREEMENT * Math.abs(stated.value);
  const dataConflict = disagrees
    ? `记录得出 ${round(figure.value!, digits)} ${target.unit}（${figure.numerator} ÷ ${figure.denominator}），而${stated.citation.plan}写明 ${stated.value} ${target.unit}（${stated.citation.article}：「${stated.citation.words.join("；")}」）：两者不一致，请核对记录与规划的口径`
    : null;
  const conflict = [dataConflict, planConflict].filter(Boolean).join("；") || null;
  const unknown = (because: string): Indicator => ({ ...base, met: null, unknownBecause: because, conflict });

  if (figure.value === null) {
    if (figure.failsWhenUnknown && target.atLeast !== null) return { ...base, met: false, unknownBecause: null, conflict, note: figure.failsWhenUnknown };
    return unknown(figure.unknownBecause ?? "nothing to count");
  }
  const goal = target.atLeast ?? target.atMost ?? null;
  if (goal === null) return unknown(target.noTarget ?? "no binding plan sets a target");
  const reaches = (value: number) => (target.atMost != null ? value <= target.atMost : value >= goal);
  const metByRecords = reaches(figure.value);
  if (disagrees) {
    const metByStatement = reaches(stated.value);
    if (metByRecords !== metByStatement)
      return unknown(`the records (${round(figure.value, digits)}) and ${stated.citation.plan} (${stated.value}) disagree on whether ${goal} ${target.unit} is reached`);
  }
  return { ...base, met: metByRecords, unknownBecause: null, conflict };
}

function ratio(numerator: number, denominator: number, nothing: string): Figure {
  if (denominator === 0) return { value: null, numerator: null, denominator: null, unknownBecause: nothing };
  return { value: round((100 * numerator) / denominator, 2), numerator, denominator };
}

/** A standardisation grade that is a pass: 一级, 二级 or 三级 (达标); "未达标" and blanks are not. */
export function passesStandardisation(grade: string | null): boolean {
  if (grade === null) return false;
  const text = grade.trim();
  return !text.includes("未") && /^(一|二|三|1|2|3)级/.test(text);
}

/**
 * The lead times (minutes) of sudden severe weather: each event's first alert (msgType Alert, status
 * Actual) of one of `types`, from its sending to its onset. Updates and cancellations, exercises and
 * tests, other types and alerts that give no onset are left out; so is an onset before the sending.
 */
/** Whether a report of `reportRegion` reaches `division`: the division itself, a part of it, or a whole that contains it. */
function reaches(reportRegion: string, division: string): boolean {
  const a = significant(reportRegion);
  const b = significant(division);
  return a.startsWith(b) || b.startsWith(a);
}
/** A division code's significant digits: 410106000000 → 410106, 410200 → 4102. */
const significant = (code: string) => code.replace(/(00)+$/, "") || code;

/**
 * 发布覆盖面 and 公众覆盖率 of a division, from the release system's reports on
 * the first alerts (Actual) that covered it in the year. Only warnings with a
 * report count: where no report came, the figures are unknown, never zero.
 * Public coverage per warning is the people the largest channel reached in the
 * division (channels overlap: the largest is what is sure) over its
 * population, at most 100%; the figure is their mean.
 */
function releaseFigures(inputs: IndicatorInputs): { breadth: Figure; coverage: Figure } {
  const alerts = inputs.warnings.filter((w) => w.msgType === "Alert" && w.capStatus === "Actual" && w.id !== undefined);
  const none = (reason: string): Figure => ({ value: null, numerator: null, denominator: null, unknownBecause: reason });
  if (alerts.length === 0 || inputs.code === undefined) return { breadth: none("no warning covered the division in the past year"), coverage: none("no warning covered the division in the past year") };
  const reportsOf = new Map<string, DisseminationReport[]>();
  for (const report of inputs.disseminations ?? []) reportsOf.set(report.warningId, [...(reportsOf.get(report.warningId) ?? []), report]);
  const reported = alerts.filter((w) => reportsOf.has(w.id!));
  const unreported = alerts.length - reported.length;
  const noReport = `no release report came for the ${alerts.length} warning(s) of the past year`;
  if (reported.length === 0) return { breadth: none(noReport), coverage: none(noReport) };
  const note = unreported > 0 ? `${unreported} 条预警无发布回执，未计入` : null;
  const division = inputs.code;
  const breadth: Figure = { ...ratio(reported.filter((w) => reportsOf.get(w.id!)!.some((r) => reaches(r.regionCode, division))).length, reported.length, ""), note };
  if (inputs.population === null || inputs.population <= 0) return { breadth, coverage: none("the division's population is not in the reference data") };
  const population = inputs.population;
  const within = significant(division);
  const reach = reported.map((w) => {
    const byChannel = new Map<string, number>();
    for (const r of reportsOf.get(w.id!)!) if (r.reached !== null && significant(r.regionCode).startsWith(within)) byChannel.set(r.channel, (byChannel.get(r.channel) ?? 0) + r.reached);
    return Math.min(population, Math.max(0, ...byChannel.values()));
  });
  const reachedPeople = reach.reduce((sum, n) => sum + n, 0);
  return {
    breadth,
    coverage: { value: round((100 * reachedPeople) / (population * reported.length), 2), numerator: reachedPeople, denominator: population * reported.length, note: [note, "按单一渠道最大到达人次计（渠道间可能重复）"].filter(Boolean).join("；") },
  };
}

const YEAR_MS = 365 * 86_400_000;

/** 灾害信息员 coverage, drills, reports on time and aid within 10 hours: the response figures (response datasets). */
function responseFigures(inputs: IndicatorInputs) {
  const asOf = inputs.asOf ?? new Date();
  const villages = inputs.villages ?? null;
  const covered = new Set(inputs.officerVillages ?? []);
  const officers: Figure =
    villages === null || villages.length === 0
      ? { value: null, numerator: null, denominator: null, unknownBecause: "the division's villages and communities are not in the reference data" }
      : ratio(villages.filter((v) => covered.has(v)).length, villages.length, "");
  const plans = inputs.plans ?? [];
  const drills = ratio(plans.filter((p) => p.lastDrillAt !== null && asOf.getTime() - p.lastDrillAt.getTime() <= YEAR_MS).length, plans.length, "no emergency plan of the division");
  const processes = inputs.disasterProcesses ?? [];
  const due = processes.filter((p) => initialReportDueAt(p).getTime() <= asOf.getTime());
  const initialOnTime = (p: (typeof processes)[number]) => p.reports.some((r) => r.stage === "INITIAL" && onTime(p, r));
  const reports = ratio(due.filter(initialOnTime).length, due.length, "no disaster process of the division whose 初报 was due in the past year");
  const hours = processes.map((p) => hoursToAid(p, p.reports)).filter((h): h is number => h !== null);
  const aid: Figure =
    hours.length === 0
      ? { value: null, numerator: null, denominator: null, unknownBecause: "no disaster report of the past year says when those needing aid had it" }
      : { value: round(Math.max(...hours), 1), numerator: hours.filter((h) => h <= AID_HOURS).length, denominator: hours.length, note: "取一年内各灾害过程中最长的一次（小时）；分子为10小时内得到救助的过程数" };
  return { officers, drills, reports, aid };
}

export function warningLeadTimes(warnings: ReadonlyArray<WarningForLeadTime>, types: readonly string[]): number[] {
  return warnings
    .filter((w) => w.msgType === "Alert" && w.capStatus === "Actual" && types.includes(w.type) && w.onset !== null)
    .map((w) => (w.onset!.getTime() - w.sent.getTime()) / 60_000)
    .filter((minutes) => minutes >= 0);
}

export function computeIndicators(inputs: IndicatorInputs, targets: Record<IndicatorId, IndicatorTarget>): Indicator[] {
  const t = targets;
  const red = inputs.riskPoints.filter((p) => p.level === "RED");
  const openShelters = inputs.shelters.filter((s) => s.status !== "CLOSED");
  const area = openShelters.reduce((sum, s) => sum + s.areaM2, 0);
  const leads = warningLeadTimes(inputs.warnings, t.WARNING_LEAD_TIME.warningTypes ?? []);
  const minimum = t.RESCUE_TEAM_SIZE.minimumHeadcount ?? null;
  const aboveSize = inputs.enterprises.filter((e) => e.sizeClass === "规上");
  const highRiskSectors = t.LIABILITY_INSURANCE_HIGH_RISK.sectors?.names ?? [];
  const highRisk = inputs.enterprises.filter((e) => highRiskSectors.includes(e.sector));
  const teamSize: Figure =
    minimum === null
      ? { value: null, numerator: null, denominator: null, unknownBecause: `no binding plan sets a team size for the ${inputs.level.toLowerCase()} level` }
      : inputs.ownLevelTeams.length === 0
        ? { value: null, numerator: 0, denominator: 0, failsWhenUnknown: `本级没有登记专（兼）职救援队伍；${minimum.basis.plan}要求建立不少于${minimum.count}人的队伍` }
        : { ...ratio(inputs.ownLevelTeams.filter((team) => team.headcount >= minimum.count).length, inputs.ownLevelTeams.length, ""), note: `本级队伍人数下限 ${minimum.count} 人：${cite(minimum.basis)}` };
  const release = releaseFigures(inputs);
  const response = responseFigures(inputs);
  const teamTarget = minimum === null ? t.RESCUE_TEAM_SIZE : { ...t.RESCUE_TEAM_SIZE, name: `${t.RESCUE_TEAM_SIZE.name}（不少于${minimum.count}人）` };
  return [
    judge("MAJOR_RISK_POINT_MONITORING", t.MAJOR_RISK_POINT_MONITORING, { ...ratio(red.filter((p) => monitoredOnline(p.points)).length, red.length, "no red (重大) risk point to monitor"), note: offlineNote(red) }, 2),
    judge(
      "MAJOR_HAZARD_MONITORING",
      t.MAJOR_HAZARD_MONITORING,
      { ...ratio(inputs.majorHazardSources.filter((s) => monitoredOnline(s.points)).length, inputs.majorHazardSources.length, "no major hazard source"), note: offlineNote(inputs.majorHazardSources) },
      2,
    ),
    judge(
      "SHELTER_AREA_PER_PERSON",
      t.SHELTER_AREA_PER_PERSON,
      inputs.population === null || inputs.population <= 0
        ? { value: null, numerator: null, denominator: null, unknownBecause: "the division's population is not in the reference data" }
        : { value: round(area / inputs.population, 3), numerator: area, denominator: inputs.population },
      3,
    ),
    judge(
      "WARNING_LEAD_TIME",
      t.WARNING_LEAD_TIME,
      leads.length === 0
        ? { value: null, numerator: null, denominator: null, unknownBecause: "no first alert of sudden severe weather in the past year gives an onset to measure the lead time by" }
        : { value: round(leads.reduce((sum, m) => sum + m, 0) / leads.length, 1), numerator: round(leads.reduce((sum, m) => sum + m, 0), 1), denominator: leads.length },
      1,
    ),
    judge("RESCUE_COVERAGE", t.RESCUE_COVERAGE, ratio(inputs.divisionsUnder.filter((d) => d.hasRescueTeam).length, inputs.divisionsUnder.length, "no division under this one in the reference data"), 2),
    judge("RESCUE_TEAM_SIZE", teamTarget, teamSize, 2),
    judge("STANDARDISATION_RATE", t.STANDARDISATION_RATE, ratio(aboveSize.filter((e) => passesStandardisation(e.standardisationGrade)).length, aboveSize.length, "no 规上 enterprise"), 2),
    judge(
      "LIABILITY_INSURANCE_HIGH_RISK",
      t.LIABILITY_INSURANCE_HIGH_RISK,
      {
        ...ratio(highRisk.filter((e) => e.liabilityInsurance === true).length, highRisk.length, "no enterprise of a high-risk sector"),
        note: t.LIABILITY_INSURANCE_HIGH_RISK.sectors ? `高危行业领域：${cite(t.LIABILITY_INSURANCE_HIGH_RISK.sectors.basis)}` : null,
      },
      2,
    ),
    judge("PUBLIC_WARNING_COVERAGE", t.PUBLIC_WARNING_COVERAGE, release.coverage, 2),
    judge("WARNING_RELEASE_COVERAGE", t.WARNING_RELEASE_COVERAGE, release.breadth, 2),
    judge("INFORMATION_OFFICER_COVERAGE", t.INFORMATION_OFFICER_COVERAGE, response.officers, 2),
    judge("PLAN_DRILL_RATE", t.PLAN_DRILL_RATE, response.drills, 2),
    judge("DISASTER_REPORT_ON_TIME", t.DISASTER_REPORT_ON_TIME, response.reports, 2),
    judge("AID_WITHIN_10_HOURS", t.AID_WITHIN_10_HOURS, response.aid, 1),
  ];
}
