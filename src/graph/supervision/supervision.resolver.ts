/**
 * Supervision (监管): hazard figures by region and sector, the overdue list,
 * and the bi-monthly bulletin (双月通报). Rows come through ctx.reader, so the
 * caller's territory and the catalogue limit everything: a region outside the
 * territory gives zeros and empty lists. The figures are the pure functions
 * of src/core/hazard.
 */
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, Info, Query, Resolver } from "type-graphql";
import {
  bimonthlyPeriod,
  bulletin,
  cstDate,
  cstDayStart,
  groupByChildRegion,
  groupBySector,
  discoverySourceWhere,
  hazardStats,
  isCalendarDate,
  type DiscoverySource,
  type StatsHazard,
  OPEN_STATES,
  parseBimonthlyPeriod,
  type BimonthlyPeriod,
} from "../../core/hazard/index.js";
import { normaliseDivisionCode } from "../../core/division.js";
import { readGrant } from "../../access/index.js";
import { storedDay } from "../../data/hazard-row.js";
import type { Where } from "../../data/reader.js";
import { territoryWhere } from "../../data/scope-where.js";
import { badInput } from "../../errors/hub-error.js";
import { HazardDiscoverySource } from "../common/enums.js";
import { PageArgs } from "../common/inputs.js";
import { parseRegionArg } from "../common/list.js";
import { readOptions } from "../common/relations.js";
import type { HubContext } from "../context.js";
import { HazardConnection } from "../hazard/hazard.resolver.js";
import { assertSupervisionReader, childRegions, figureHazards, hazardSectorLimit, regionArg, regionName } from "./supervision-data.js";
import { Bulletin, HazardStats, RegionHazardStats } from "./supervision.type.js";

/** A period key ("2026-P6") or a day inside the period ("2026-11-22"). */
export function periodArg(value: string): BimonthlyPeriod {
  const byKey = parseBimonthlyPeriod(value);
  if (byKey) return byKey;
  const day = value.trim();
  if (isCalendarDate(day)) return bimonthlyPeriod(cstDayStart(day));
  throw badInput("period", `'${value}' is not a period YYYY-P1 … YYYY-P6 or a date YYYY-MM-DD`);
}

/** The law-enforcement inspections of [from, to) in the region, as the reader may read them; null when it may read none. */
async function periodEnforcement(ctx: HubContext, prefix: string, from: Date, to: Date) {
  if (readGrant(ctx.catalog, ctx.principal, "EnforcementAction") === null) return null;
  const actions = await ctx.reader.all("EnforcementAction", { AND: [territoryWhere("EnforcementAction", prefix), { inspectedAt: { gte: from, lt: to } }] }, ["order", "penalty", "fineYuan"]);
  return {
    inspections: actions.length,
    rectificationOrders: actions.filter((a) => a.order === "RECTIFY_NOW" || a.order === "RECTIFY_BY_DEADLINE").length,
    suspensions: actions.filter((a) => a.order === "SUSPEND").length,
    penalties: actions.filter((a) => a.penalty !== null).length,
    finesYuan: actions.reduce((sum, a) => sum + (Number(a.fineYuan) || 0), 0),
  };
}

function fullCode(key: string): string {
  const code = normaliseDivisionCode(key);
  return code.ok ? code.code : key;
}

@Resolver()
export class SupervisionResolver {
  @Query(() => HazardStats, { nullable: true, description: "Hazard figures of a region (default: your territory), optionally one sector and hazards found in [from, to)" })
  async hazardStats(
    @Arg("region", () => String, { nullable: true }) region: string | null | undefined,
    @Arg("sector", () => String, { nullable: true }) sector: string | null | undefined,
    @Arg("from", () => Date, { nullable: true }) from: Date | null | undefined,
    @Arg("to", () => Date, { nullable: true }) to: Date | null | undefined,
    @Ctx() ctx: HubContext,
  ): Promise<HazardStats> {
    assertSupervisionReader(ctx, "HazardStats");
    if (from && to && from.getTime() >= to.getTime()) throw badInput("to", "must be later than from");
    const place = regionArg(ctx, region);
    const filter: Where[] = [];
    if (sector) filter.push({ sector });
    if (from) filter.push({ foundAt: { gte: from } });
    if (to) filter.push({ foundAt: { lt: to } });
    const [hazards, children, name] = await Promise.all([figureHazards(ctx, place, filter), childRegions(ctx, place), regionName(ctx, place)]);
    const now = new Date();
    const window = { from: from ?? undefined, to: to ?? undefined, now };
    const names = new Map(children.map((c) => [c.code as string, c.name as string]));
    const groups = groupByChildRegion(hazards, place.prefix, children.map((c) => c.code as string));
    const byRegion: RegionHazardStats[] = [...groups.entries()]
      .filter(([key, list]) => key !== place.prefix || list.length > 0)
      .map(([key, list]) => ({ region: fullCode(key), name: names.get(key) ?? (key === place.prefix ? name : null), ...hazardStats(list, window) }));
    const sectors = groupBySector(hazards);
    const bySector = [...sectors].map(([name, list]) => ({ sector: name, ...hazardStats(list, window) }));
    const matrix = [...sectors].flatMap(([sectorName, list]) =>
      [...groupByChildRegion(list, place.prefix, children.map((c) => c.code as string)).entries()]
        .filter(([, cell]) => cell.length > 0)
        .map(([key, cell]) => ({ sector: sectorName, region: fullCode(key), name: names.get(key) ?? (key === place.prefix ? name : null), ...hazardStats(cell, window) })),
    );
    return { region: place.code, name, sector: sector ?? null, from: from ?? null, to: to ?? null, asOf: now, ...hazardStats(hazards, window), byRegion, bySector, matrix };
  }

  @Query(() => HazardConnection, { description: "Open hazards past their deadline (China Standard Time), oldest first" })
  overdueHazards(
    @Arg("region", () => String, { nullable: true }) region: string | null | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    // A deadline day D has ended when today (+08:00) is after D.
    const today = storedDay(cstDate(new Date()));
    const filter: Where[] = [
      { state: { in: OPEN_STATES } },
      { OR: [{ deadline: { lt: today } }, { supervisionDeadline: { lt: today } }] },
    ];
    // a list, like every list: rows outside the caller's territory are simply not in it
    if (region != null) filter.push(territoryWhere("Hazard", parseRegionArg(region, "region")));
    return ctx.reader.connection("Hazard", { AND: filter }, page, { orderBy: [{ foundAt: "asc" }], ...readOptions(info, "Hazard", ["edges", "node"]) });
  }

  @Query(() => Bulletin, { nullable: true, description: "The bi-monthly bulletin (双月通报) of a region for a period (2026-P6, or a date inside it); null for an unknown region" })
  async bulletin(
    @Arg("region") region: string,
    @Arg("period") period: string,
    @Arg("sources", () => [HazardDiscoverySource], { nullable: true, description: "Count only hazards found so (上街区's 督导巡查: PATROL; 执法检查: ENFORCEMENT); default: all" }) sources: DiscoverySource[] | null,
    @Ctx() ctx: HubContext,
  ): Promise<Bulletin | null> {
    assertSupervisionReader(ctx, "Bulletin");
    const place = regionArg(ctx, region);
    const window = periodArg(period);
    const name = await regionName(ctx, place);
    if (name === null) return null;
    const now = new Date();
    const asOf = new Date(Math.min(window.to.getTime(), now.getTime()));
    const scope = sources?.length ? [discoverySourceWhere(sources)] : [];
    const b = bulletin(await figureHazards(ctx, place, [{ foundAt: { lt: asOf } }, ...scope]), window, now);
    const rows = async (hazards: readonly { id: string }[]) => (await Promise.all(hazards.map((h) => ctx.reader.byKey("Hazard", h.id)))).filter((row) => row !== null);
    const children = await childRegions(ctx, place);
    const names = new Map(children.map((c) => [c.code as string, c.name as string]));
    const cleared = (listed: readonly StatsHazard[]) => {
      const notCleared = listed.filter((h) => b.clearance.notCleared.includes(h)).length;
      return { listed: listed.length, cleared: listed.length - notCleared, notCleared };
    };
    const clearance = {
      previousPeriod: b.clearance.previousPeriod,
      listedAt: b.clearance.listedAt,
      ...cleared(b.clearance.listed),
      byRegion: [...groupByChildRegion(b.clearance.listed, place.prefix, children.map((c) => c.code as string)).entries()]
        .filter(([key, list]) => key !== place.prefix || list.length > 0)
        .map(([key, list]) => ({ region: fullCode(key), name: names.get(key) ?? (key === place.prefix ? name : null), ...cleared(list) })),
      bySector: [...groupBySector(b.clearance.listed)].map(([sector, list]) => ({ sector, ...cleared(list) })),
      notClearedHazards: await rows(b.clearance.notCleared),
    };
    return {
      region: place.code,
      regionName: name,
      period: b.period,
      firstDay: window.firstDay,
      lastDay: window.lastDay,
      from: b.from,
      to: b.to,
      asOf: b.asOf,
      new: b.new,
      closed: b.closed,
      stillOpen: b.stillOpen,
      overdue: b.overdue,
      majorHazards: await rows(b.majors),
      prominentIssues: await rows(b.prominent),
      sources: sources?.length ? sources : null,
      sectors: hazardSectorLimit(ctx),
      clearance,
      enforcement: await periodEnforcement(ctx, place.prefix, window.from, asOf),
    };
  }
}
