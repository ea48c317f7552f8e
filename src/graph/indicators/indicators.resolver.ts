/**
 * `indicators(region, asOf)`: the plans' target indicators of a region and of
 * each division under it, computed from the records the reader may read
 * (core/indicators.ts), against the targets of schema/indicator-targets.yaml.
 */
import { Arg, Ctx, Field, Float, ObjectType, Query, Resolver } from "type-graphql";
import { loadIndicatorTargets } from "../../config/indicator-targets.js";
import { divisionPrefix, divisionsOverlap } from "../../core/division.js";
import { computeIndicators, type DivisionLevel, type IndicatorInputs, type MonitoredPoint } from "../../core/indicators.js";
import { isOnline } from "../../core/monitoring.js";
import type { ReportStage } from "../../core/disaster-reports.js";
import type { Row } from "../../data/reader.js";
import { territoryWhere } from "../../data/scope-where.js";
import { badInput } from "../../errors/hub-error.js";
import type { HubContext } from "../context.js";
import { assertSupervisionReader, childRegions, regionArg } from "../supervision/supervision-data.js";

@ObjectType({ description: "Where a plan says something: the plan, the territory it binds, the article and its own words" })
export class PlanCitation {
  @Field({ description: "The plan's document number, e.g. 上政〔2022〕3号" }) plan!: string;
  @Field() title!: string;
  @Field({ description: "Division code of the territory the plan binds (it binds what lies under it too)" }) binds!: string;
  @Field({ description: "The part of the plan (section, 专栏 …)" }) article!: string;
  @Field(() => [String], { description: "The plan's own words" }) words!: string[];
}

@ObjectType({ description: "A figure a plan states for its territory" })
export class StatedFigure {
  @Field(() => Float) value!: number;
  @Field(() => PlanCitation) citation!: PlanCitation;
}

@ObjectType({ description: "One target indicator (目标指标) of a division" })
export class Indicator {
  @Field({ description: "MAJOR_RISK_POINT_MONITORING, SHELTER_AREA_PER_PERSON, …" }) id!: string;
  @Field() name!: string;
  @Field() unit!: string;
  @Field({ description: "How the figure is computed, and what it leaves out" }) method!: string;
  @Field(() => Float, { nullable: true, description: "null: unknown (see unknownBecause), never a zero that is not one" }) value!: number | null;
  @Field(() => Float, { nullable: true }) numerator!: number | null;
  @Field(() => Float, { nullable: true }) denominator!: number | null;
  @Field(() => Float, { nullable: true, description: "The target of the plan that binds the division (at least this, or at most with atMost); null when no binding plan sets one" }) target!: number | null;
  @Field({ description: "The target is a ceiling: the figure must stay at or below it (a time)" }) atMost!: boolean;
  @Field(() => PlanCitation, { nullable: true, description: "Where the binding plan sets the target" }) basis!: PlanCitation | null;
  @Field({ description: "The binding plan, article and words in one line, or why there is no target" }) source!: string;
  @Field(() => Boolean, { nullable: true, description: "Whether the target is met; null when unknown (see unknownBecause)" }) met!: boolean | null;
  @Field(() => String, { nullable: true, description: "Why the value or met is unknown" }) unknownBecause!: string | null;
  @Field(() => StatedFigure, { nullable: true, description: "What a plan states this division's figure is" }) stated!: StatedFigure | null;
  @Field(() => String, { nullable: true, description: "Where the records and a plan disagree, or a plan with itself: both figures and which was taken" }) conflict!: string | null;
  @Field(() => String, { nullable: true, description: "What else a reader must know to read the figure (team-size floor, the high-risk sectors …)" }) note!: string | null;
}

@ObjectType({ description: "The target indicators of one division" })
export class RegionIndicators {
  @Field({ description: "Division code" }) region!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => [Indicator]) indicators!: Indicator[];
}

@ObjectType({ description: "The plans' target indicators of a region and each division under it, from the records you may read" })
export class IndicatorReport {
  @Field({ description: "Division code" }) region!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field({ description: "The instant the figures are for" }) asOf!: Date;
  @Field(() => [Indicator]) indicators!: Indicator[];
  @Field(() => [RegionIndicators], { description: "By the divisions directly under the region" }) byRegion!: RegionIndicators[];
}

/** Teams that are not 专（兼）职 rescue forces of a government: the national fire and rescue force, enterprise brigades, social forces. */
const NOT_RESCUE_FORCE = new Set(["COMPREHENSIVE_FIRE_RESCUE", "ENTERPRISE_FULL_TIME", "ENTERPRISE_PART_TIME", "SOCIAL"]);
const DAY_MS = 86_400_000;

const targets = loadIndicatorTargets();

@Resolver()
export class IndicatorsResolver {
  @Query(() => IndicatorReport, { description: "The plans' target indicators (目标指标) of the region (default: your territory) and each division under it" })
  async indicators(
    @Arg("region", () => String, { nullable: true }) region: string | null,
    @Arg("asOf", () => Date, { nullable: true, description: "Default: now" }) asOf: Date | null,
    @Ctx() ctx: HubContext,
  ): Promise<IndicatorReport> {
    assertSupervisionReader(ctx, "IndicatorReport");
    const when = asOf ?? new Date();
    if (Number.isNaN(when.getTime())) throw badInput("asOf", "is not a date");
    const place = regionArg(ctx, region);
    const within = (dataset: Parameters<typeof territoryWhere>[0], columns: string[], extra: Record<string, unknown> = {}) =>
      ctx.reader.all(dataset, { AND: [territoryWhere(dataset, place.prefix), extra] }, columns);
    const yearBefore = new Date(when.getTime() - 365 * DAY_MS);
    const [self, children, riskPoints, sources, monitoringPoints, shelters, warnings, disseminations, teams, enterprises, villages, officers, plans, processes, disasterReports] = await Promise.all([
      ctx.reader.byKey("Region", place.code),
      childRegions(ctx, place),
      within("RiskPoint", ["id", "regionCode", "level"]),
      within("MajorHazardSource", ["id", "regionCode"]),
      within("MonitoringPoint", ["code", "majorHazardSourceId", "riskPointId", "lastReadingAt"], { retiredAt: null }),
      within("Shelter", ["regionCode", "areaM2", "status"]),
      within("Warning", ["id", "regionCodes", "msgType", "capStatus", "type", "sent", "onset"], { sent: { gte: yearBefore, lte: when } }),
      within("WarningDissemination", ["warningId", "regionCode", "channel", "reached"], { sentAt: { gte: yearBefore, lte: when } }),
      within("RescueTeam", ["regionCode", "level", "category", "headcount"]),
      within("Enterprise", ["regionCode", "sizeClass", "sector", "standardisationGrade", "liabilityInsurance"]),
      within("Region", ["code"], { level: "VILLAGE" }),
      within("InformationOfficer", ["regionCode", "role"], { role: { in: ["INFORMATION_OFFICER_A", "INFORMATION_OFFICER_B"] } }),
      within("EmergencyPlan", ["regionCode", "lastDrillAt"]),
      within("DisasterEvent", ["id", "regionCode", "occurredAt", "endedAt"], { occurredAt: { gte: yearBefore, lte: when } }),
      within("DisasterReport", ["eventId", "stage", "sentAt", "needingAid", "aidDeliveredAt"], { sentAt: { gte: yearBefore } }),
    ]);
    const reportsOf = groupBy(disasterReports, "eventId");
    const grandchildren = children.length === 0 ? [] : await ctx.reader.all("Region", { parentCode: { in: children.map((c) => c.code as string) } }, ["code", "parentCode"]);
    const pointsOf = monitoredPointsBy(monitoringPoints, when, ctx.config.monitoringFreshnessMinutes);
    const rescueForces = teams.filter((team) => !NOT_RESCUE_FORCE.has(team.category as string));

    const inputsFor = (division: Row, under: Row[]): IndicatorInputs => {
      const prefix = divisionPrefix(division.code as string);
      const inDivision = (rows: Row[]) => rows.filter((row) => String(row.regionCode).startsWith(prefix));
      return {
        level: division.level as DivisionLevel,
        name: (division.name as string | null) ?? null,
        population: (division.population as number | null) ?? null,
        riskPoints: inDivision(riskPoints).map((p) => ({ level: p.level as string, points: pointsOf("riskPointId", p.id as string) })),
        majorHazardSources: inDivision(sources).map((s) => ({ points: pointsOf("majorHazardSourceId", s.id as string) })),
        shelters: inDivision(shelters).map((s) => ({ areaM2: Number(s.areaM2) || 0, status: s.status as string })),
        warnings: warnings
          .filter((w) => (w.regionCodes as string[]).some((code) => divisionsOverlap(code, division.code as string)))
          .map((w) => ({ id: w.id as string, msgType: w.msgType as string, capStatus: w.capStatus as string, type: w.type as string, sent: w.sent as Date, onset: (w.onset as Date | null) ?? null })),
        code: division.code as string,
        asOf: when,
        villages: villages.length === 0 ? null : villages.filter((v) => String(v.code).startsWith(prefix)).map((v) => v.code as string),
        officerVillages: officers.map((o) => o.regionCode as string),
        plans: inDivision(plans).map((p) => ({ lastDrillAt: p.lastDrillAt ? new Date(`${String(p.lastDrillAt).slice(0, 10)}T00:00:00+08:00`) : null })),
        disasterProcesses: inDivision(processes).map((p) => ({
          occurredAt: p.occurredAt as Date,
          endedAt: (p.endedAt as Date | null) ?? null,
          reports: (reportsOf.get(p.id as string) ?? []).map((r) => ({
            stage: r.stage as ReportStage,
            sentAt: r.sentAt as Date,
            needingAid: (r.needingAid as number | null) ?? null,
            aidDeliveredAt: (r.aidDeliveredAt as Date | null) ?? null,
          })),
        })),
        disseminations: disseminations.map((d) => ({ warningId: d.warningId as string, regionCode: d.regionCode as string, channel: d.channel as string, reached: (d.reached as number | null) ?? null })),
        divisionsUnder: under.map((d) => ({ code: d.code as string, hasRescueTeam: rescueForces.some((team) => String(team.regionCode).startsWith(divisionPrefix(d.code as string))) })),
        ownLevelTeams: inDivision(rescueForces).filter((team) => team.level === division.level).map((team) => ({ headcount: Number(team.headcount) || 0 })),
        enterprises: inDivision(enterprises).map((e) => ({
          sizeClass: e.sizeClass as string | null,
          sector: e.sector as string,
          standardisationGrade: e.standardisationGrade as string | null,
          liabilityInsurance: e.liabilityInsurance as boolean | null,
        })),
      };
    };
    const figuresOf = (division: Row, under: Row[]) => computeIndicators(inputsFor(division, under), targets.forRegion(division.code as string, division.level as DivisionLevel));
    const root = self ?? { code: place.code, level: "PROVINCE", population: null, name: null };
    return {
      region: place.code,
      name: (root.name as string | null) ?? null,
      asOf: when,
      indicators: figuresOf(root, children),
      byRegion: children.map((child) => ({
        region: child.code as string,
        name: child.name as string,
        indicators: figuresOf(
          child,
          grandchildren.filter((g) => g.parentCode === child.code),
        ),
      })),
    };
  }
}

/** The monitoring points of each risk point and major hazard source, online or not at `when`. */
function monitoredPointsBy(points: Row[], when: Date, freshnessMinutes: number) {
  const by = new Map<string, MonitoredPoint[]>();
  for (const point of points) {
    const last = (point.lastReadingAt as Date | null) ?? null;
    const monitored: MonitoredPoint = { code: point.code as string, online: isOnline(last, when, freshnessMinutes), lastReadingAt: last };
    for (const field of ["riskPointId", "majorHazardSourceId"] as const) {
      const owner = point[field] as string | null;
      if (owner) by.set(`${field}:${owner}`, [...(by.get(`${field}:${owner}`) ?? []), monitored]);
    }
  }
  return (field: "riskPointId" | "majorHazardSourceId", id: string): MonitoredPoint[] => by.get(`${field}:${id}`) ?? [];
}

function groupBy(rows: Row[], field: string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) groups.set(String(row[field]), [...(groups.get(String(row[field])) ?? []), row]);
  return groups;
}
