import { Arg, Args, Ctx, Field, FieldResolver, Float, ObjectType, Query, Resolver, Root } from "type-graphql";
import { validateCreditCode } from "../../core/credit-code.js";
import { haversineKm } from "../../core/geo.js";
import type { Row } from "../../data/reader.js";
import { badInput } from "../../errors/hub-error.js";
import { connectionOf } from "../common/connection.type.js";
import { PageArgs } from "../common/inputs.js";
import { baseWhere, withEquals } from "../common/list.js";
import type { HubContext } from "../context.js";
import { Hazard } from "../hazard/hazard.type.js";
import { Region } from "../region/region.type.js";
import { RescueTeam, SupplyDepot, Shelter } from "../resources/resources.type.js";
import { EnterpriseFilter } from "./enterprise.filter.js";
import { Enterprise, MajorHazardSource, RiskLevelCount, RiskPoint } from "./enterprise.type.js";

@ObjectType()
class EnterpriseConnection extends connectionOf(Enterprise) {}

@ObjectType({ description: "A shelter near an enterprise" })
class NearbyShelter {
  @Field(() => Shelter) shelter!: Row;
  @Field(() => Float) distanceKm!: number;
}

const RISK_LEVELS = ["RED", "ORANGE", "YELLOW", "BLUE"] as const;
export const NEARBY_SHELTER_KM = 5;

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Query(() => Enterprise, { nullable: true, description: "The enterprise's file by its unified social credit code" })
  enterprise(@Arg("code") code: string, @Ctx() ctx: HubContext) {
    const result = validateCreditCode(code);
    if (!result.ok) throw badInput("code", `'${code}' is not a unified social credit code: ${result.reason}`);
    return ctx.reader.byKey("Enterprise", result.code);
  }

  @Query(() => EnterpriseConnection)
  enterprises(
    @Arg("filter", () => EnterpriseFilter, { nullable: true }) filter: EnterpriseFilter | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: HubContext,
  ) {
    const where = withEquals(baseWhere("Enterprise", filter), { sector: filter?.sector });
    return ctx.reader.connection("Enterprise", where, page);
  }

  @FieldResolver(() => Region, { nullable: true })
  region(@Root() enterprise: Row, @Ctx() ctx: HubContext) {
    return ctx.reader.byKey("Region", enterprise.regionCode as string);
  }

  @FieldResolver(() => [RiskPoint])
  riskPoints(@Root() enterprise: Row, @Ctx() ctx: HubContext) {
    return ctx.reader.childrenOf("RiskPoint", "enterpriseCode", enterprise.key as string);
  }

  @FieldResolver(() => [RiskLevelCount], { description: "Risk points counted by colour, red first" })
  async riskPointCounts(@Root() enterprise: Row, @Ctx() ctx: HubContext) {
    const points = await ctx.reader.childrenOf("RiskPoint", "enterpriseCode", enterprise.key as string);
    return RISK_LEVELS.map((level) => ({ level, count: points.filter((p) => p.level === level).length }));
  }

  @FieldResolver(() => [MajorHazardSource])
  majorHazardSources(@Root() enterprise: Row, @Ctx() ctx: HubContext) {
    return ctx.reader.childrenOf("MajorHazardSource", "enterpriseCode", enterprise.key as string);
  }

  @FieldResolver(() => [Hazard])
  hazards(@Root() enterprise: Row, @Ctx() ctx: HubContext) {
    return ctx.reader.childrenOf("Hazard", "enterpriseCode", enterprise.key as string);
  }

  @FieldResolver(() => [RescueTeam], { description: "The enterprise's own rescue teams (企业专职/兼职)" })
  rescueTeams(@Root() enterprise: Row, @Ctx() ctx: HubContext) {
    return ctx.reader.childrenOf("RescueTeam", "enterpriseCode", enterprise.key as string);
  }

  @FieldResolver(() => [SupplyDepot])
  supplyDepots(@Root() enterprise: Row, @Ctx() ctx: HubContext) {
    return ctx.reader.childrenOf("SupplyDepot", "enterpriseCode", enterprise.key as string);
  }

  @FieldResolver(() => [NearbyShelter], { description: `Shelters within radiusKm (default ${NEARBY_SHELTER_KM}), nearest first` })
  async nearbyShelters(
    @Root() enterprise: Row,
    @Ctx() ctx: HubContext,
    @Arg("radiusKm", () => Float, { defaultValue: NEARBY_SHELTER_KM }) radiusKm: number,
  ) {
    if (!(radiusKm > 0 && radiusKm <= 50)) throw badInput("radiusKm", "must be more than 0 and at most 50");
    if (enterprise.lat == null || enterprise.lon == null) return [];
    const loader = ctx.reader.loader(`Enterprise#nearbyShelters#${radiusKm}`, async (codes) => {
      const places = await Promise.all(codes.map((code) => ctx.reader.byKey("Enterprise", code)));
      const circles = places
        .filter((p): p is Row => p !== null && p.lat != null && p.lon != null)
        .map((p) => ({ code: p.key as string, lat: p.lat as number, lon: p.lon as number, radiusKm }));
      const candidates = await ctx.reader.within("Shelter", {}, circles);
      return codes.map((code) => {
        const circle = circles.find((c) => c.code === code);
        return circle ? nearestFirst(candidates.map((hit) => hit.row), circle) : [];
      });
    });
    return loader.load(enterprise.key as string);
  }
}

function nearestFirst(shelters: Row[], circle: { lat: number; lon: number; radiusKm: number }) {
  return shelters
    .map((shelter) => ({ shelter, distanceKm: distance(circle, shelter) }))
    .filter((hit) => hit.distanceKm <= circle.radiusKm)
    .sort((a, b) => a.distanceKm - b.distanceKm);
}

function distance(from: { lat: number; lon: number }, to: Row): number {
  return Math.round(haversineKm(from.lat, from.lon, to.lat as number, to.lon as number) * 1000) / 1000;
}
