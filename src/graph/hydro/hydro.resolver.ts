import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, Info, Field, FieldResolver, InputType, Int, ObjectType, Query, Resolver, Root, Float } from "type-graphql";
import { floodLimitAt, waterLevelState } from "../../core/hydro.js";
import { accumulated } from "../../core/rainfall.js";
import type { Row } from "../../data/reader.js";
import { badInput } from "../../errors/hub-error.js";
import { connectionOf } from "../common/connection.type.js";
import { StationType } from "../common/enums.js";
import { PageArgs, RegionFilter } from "../common/inputs.js";
import { baseWhere, withEquals } from "../common/list.js";
import { readOptions } from "../common/relations.js";
import type { HubContext } from "../context.js";
import { HydroMeasure, HydroReading, HydroStation, WaterLevelState } from "./hydro.type.js";
import { HourlyReading, hourlyOf } from "../common/hourly.js";

@ObjectType()
class HydroStationConnection extends connectionOf(HydroStation) {}

/** SL 323's station type codes (STTP), each with its type. */
const STTP_OF: Record<string, string> = {
  WATER_LEVEL: "ZZ",
  HYDROLOGICAL: "ZQ",
  RESERVOIR: "RR",
  RAIN_GAUGE: "PP",
  SLUICE: "DD",
  TIDE: "TT",
  PUMPING: "DP",
  SOIL_MOISTURE: "SS",
  GROUNDWATER: "ZG",
  FLOOD_DIVERSION: "ZB",
  WEATHER: "MM",
  EVAPORATION: "BB",
};
const TYPE_OF: Record<string, string> = Object.fromEntries(Object.entries(STTP_OF).map(([type, sttp]) => [sttp, type]));

@InputType({ description: "Hydrological station list filter" })
class HydroStationFilter extends RegionFilter {
  @Field(() => StationType, { nullable: true }) stationType?: string;
  @Field({ nullable: true }) river?: string;
}

@Resolver(() => HydroStation)
export class HydroResolver {
  @Query(() => HydroStationConnection)
  hydroStations(
    @Arg("filter", () => HydroStationFilter, { nullable: true }) filter: HydroStationFilter | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const where = withEquals(baseWhere("HydroStation", filter), {
      // OTHER: a code SL 323 does not define, so none of those it does
      stationType: filter?.stationType === "OTHER" ? { notIn: Object.values(STTP_OF) } : filter?.stationType ? STTP_OF[filter.stationType] : undefined,
      river: filter?.river,
    });
    return ctx.reader.connection("HydroStation", where, page, readOptions(info, "HydroStation", ["edges", "node"]));
  }

  @FieldResolver(() => StationType)
  stationType(@Root() station: Row) {
    return TYPE_OF[station.stationType as string] ?? "OTHER";
  }

  @FieldResolver(() => String)
  sttp(@Root() station: Row) {
    return station.stationType;
  }

  @FieldResolver(() => HydroReading, { nullable: true, description: "The most recent reading" })
  latestReading(@Root() station: Row, @Ctx() ctx: HubContext) {
    return latestReadingOf(ctx, station.key as string);
  }

  @FieldResolver(() => WaterLevelState, { description: "The latest level against the thresholds (the flood limit of the reading's day)" })
  async levelState(@Root() station: Row, @Ctx() ctx: HubContext) {
    const latest = await latestReadingOf(ctx, station.key as string);
    return waterLevelState((latest?.level as number | null) ?? null, station as never, (latest?.observedAt as Date | undefined) ?? new Date());
  }

  @FieldResolver(() => Float, { nullable: true, description: "Rain of the last `hours` hours up to now, mm (rain gauges); null without a rainfall reading in them" })
  async rainfall(@Root() station: Row, @Ctx() ctx: HubContext, @Arg("hours", () => Int, { defaultValue: 24 }) hours: number) {
    if (!(hours > 0 && hours <= 24 * 31)) throw badInput("hours", "must be from 1 to 744");
    const now = new Date();
    const readings = await ctx.reader.childrenOf("HydroReading", "stationCode", station.key as string, { observedAt: { gt: new Date(now.getTime() - hours * 3_600_000), lte: now }, rainfall: { not: null } });
    return readings.length === 0 ? null : Number(accumulated(readings.map((r) => ({ observedAt: r.observedAt as Date, rainfall: r.rainfall as number })), hours, now).toFixed(1));
  }

  @FieldResolver(() => Float, { nullable: true, description: "汛限水位 in force today, m (reservoirs; null outside their flood season)" })
  floodLimitLevel(@Root() station: Row) {
    return floodLimitAt(station as never, new Date());
  }

  @FieldResolver(() => [HourlyReading], { description: "Hourly min / max / mean of one measure of the readings folded after the raw retention (EMHUB_HYDRO_RETENTION_DAYS), from `from` up to `to`, oldest first; rain of an hour is mean × count" })
  hourly(
    @Root() station: Row,
    @Ctx() ctx: HubContext,
    @Arg("from", () => Date) from: Date,
    @Arg("to", () => Date, { nullable: true }) to: Date | null,
    @Arg("measure", () => HydroMeasure, { defaultValue: "LEVEL" }) measure: string,
  ) {
    return hourlyOf(ctx, `hydro.${measure.toLowerCase()}`, station.key as string, from, to);
  }

  @FieldResolver(() => [HydroReading], { description: "Readings of the last `hours` hours, newest first" })
  readings(@Root() station: Row, @Ctx() ctx: HubContext, @Arg("hours", () => Int, { defaultValue: 24 }) hours: number) {
    if (!(hours > 0 && hours <= 24 * 31)) throw badInput("hours", "must be from 1 to 744");
    const since = new Date(Date.now() - hours * 3600_000);
    return ctx.reader.childrenOf("HydroReading", "stationCode", station.key as string, { observedAt: { gte: since } });
  }
}

function latestReadingOf(ctx: HubContext, stationCode: string): Promise<Row | null> {
  return ctx.reader.latestOf("HydroReading", "stationCode", stationCode, "observedAt");
}
