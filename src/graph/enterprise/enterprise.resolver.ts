import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, Field, FieldResolver, Float, Info, ObjectType, Query, Resolver, Root } from "type-graphql";
import { validateCreditCode } from "../../core/credit-code.js";
import { riskLevelCounts } from "../../core/risk.js";
import type { OrderBy, Row } from "../../data/reader.js";
import { badInput } from "../../errors/hub-error.js";
import { connectionOf } from "../common/connection.type.js";
import { PageArgs } from "../common/inputs.js";
import { defineEnum } from "../common/define-enum.js";
import { baseWhere, withEquals } from "../common/list.js";
import { defineRelation, readOptions, relationRows } from "../common/relations.js";
import type { HubContext } from "../context.js";
import { HAZARD_ORDERS, HazardOrder, HazardStateFilter, hazardStateWhere } from "../hazard/hazard.filter.js";
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

export const NEARBY_SHELTER_KM = 5;

export const EnterpriseOrder = defineEnum("EnterpriseOrder", "Order of an enterprise list", {
  CREDIT_CODE: "by unified social credit code (统一社会信用代码)",
  NAME: "by name, then credit code (名称)",
});
const ENTERPRISE_ORDERS: Record<keyof typeof EnterpriseOrder, OrderBy> = { CREDIT_CODE: [{ creditCode: "asc" }], NAME: [{ name: "asc" }] };

export const RiskPointOrder = defineEnum("RiskPointOrder", "Order of risk points (the point's id breaks ties)", {
  NAME: "by name (名称)",
  LEVEL: "red first, then orange, yellow, blue; by name within a colour (风险等级)",
});
export const RISK_POINT_ORDERS: Record<keyof typeof RiskPointOrder, OrderBy> = { NAME: [{ name: "asc" }], LEVEL: [{ level: "asc" }, { name: "asc" }] };

defineRelation("Enterprise", "riskPoints", { dataset: "RiskPoint", field: "enterpriseCode", orderBy: (args) => RISK_POINT_ORDERS[args.orderBy as keyof typeof RiskPointOrder] });
defineRelation("Enterprise", "hazards", {
  dataset: "Hazard",
  field: "enterpriseCode",
  where: (args) => ({ AND: hazardStateWhere(args.filter) }),
  orderBy: (args) => HAZARD_ORDERS[args.orderBy as keyof typeof HazardOrder],
});
defineRelation("Enterprise", "majorHazardSources", { dataset: "MajorHazardSource", field: "enterpriseCode" });
defineRelation("Enterprise", "rescueTeams", { dataset: "RescueTeam", field: "enterpriseCode" });
defineRelation("Enterprise", "supplyDepots", { dataset: "SupplyDepot", field: "enterpriseCode" });

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Query(() => Enterprise, { nullable: true, description: "The enterprise's file by its unified social credit code" })
  enterprise(@Arg("code") code: string, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    const result = validateCreditCode(code);
    if (!result.ok) throw badInput("code", `'${code}' is not a unified social credit code: ${result.reason}`);
    return ctx.reader.byKey("Enterprise", result.code, readOptions(info, "Enterprise"));
  }

  @Query(() => EnterpriseConnection, { description: "Enterprises, by credit code unless orderBy says otherwise" })
  enterprises(
    @Arg("filter", () => EnterpriseFilter, { nullable: true }) filter: EnterpriseFilter | undefined,
    @Arg("orderBy", () => EnterpriseOrder, { defaultValue: EnterpriseOrder.CREDIT_CODE }) orderBy: keyof typeof EnterpriseOrder,
    @Args() page: PageArgs,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const where = withEquals(baseWhere("Enterprise", filter), { sector: filter?.sector });
    return ctx.reader.connection("Enterprise", where, page, { orderBy: ENTERPRISE_ORDERS[orderBy], ...readOptions(info, "Enterprise", ["edges", "node"]) });
  }

  @FieldResolver(() => Region, { nullable: true })
  region(@Root() enterprise: Row, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    return ctx.reader.byKey("Region", enterprise.regionCode as string, readOptions(info, "Region"));
  }

  @FieldResolver(() => [RiskPoint])
  riskPoints(
    @Root() enterprise: Row,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
    @Arg("orderBy", () => RiskPointOrder, { defaultValue: RiskPointOrder.NAME }) orderBy: keyof typeof RiskPointOrder,
  ) {
    return relationRows(ctx, info, enterprise, { orderBy });
  }

  @FieldResolver(() => [RiskLevelCount], { description: "Risk points counted by colour, red first" })
  async riskPointCounts(@Root() enterprise: Row, @Ctx() ctx: HubContext) {
    const points = await ctx.reader.childrenOf("RiskPoint", "enterpriseCode", enterprise.key as string, {}, { fields: LEVEL_ONLY });
    return riskLevelCounts(points);
  }

  @FieldResolver(() => [MajorHazardSource])
  majorHazardSources(@Root() enterprise: Row, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    return relationRows(ctx, info, enterprise, {});
  }

  @FieldResolver(() => [Hazard], { description: "The enterprise's hazards, newest first unless orderBy says otherwise" })
  hazards(
    @Root() enterprise: Row,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
    @Arg("filter", () => HazardStateFilter, { nullable: true }) filter: HazardStateFilter | undefined,
    @Arg("orderBy", () => HazardOrder, { defaultValue: HazardOrder.FOUND_AT_DESC }) orderBy: keyof typeof HazardOrder,
  ) {
    return relationRows(ctx, info, enterprise, { filter, orderBy });
  }

  @FieldResolver(() => [RescueTeam], { description: "The enterprise's own rescue teams (企业专职/兼职)" })
  rescueTeams(@Root() enterprise: Row, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    return relationRows(ctx, info, enterprise, {});
  }

  @FieldResolver(() => [SupplyDepot])
  supplyDepots(@Root() enterprise: Row, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    return relationRows(ctx, info, enterprise, {});
  }

  @FieldResolver(() => [NearbyShelter], { description: `Shelters within radiusKm (default ${NEARBY_SHELTER_KM}), nearest first` })
  async nearbyShelters(
    @Root() enterprise: Row,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
    @Arg("radiusKm", () => Float, { defaultValue: NEARBY_SHELTER_KM }) radiusKm: number,
  ) {
    if (!(radiusKm > 0 && radiusKm <= 50)) throw badInput("radiusKm", "must be more than 0 and at most 50");
    const { lat, lon } = enterprise;
    if (typeof lat !== "number" || typeof lon !== "number") return [];
    const { fields } = readOptions(info, "Shelter", ["shelter"]);
    // one statement for every enterprise of the page: the loader's key is the point
    const loader = ctx.reader.loader(`Enterprise#nearbyShelters#${radiusKm}#${[...fields!].join(",")}`, async (points) => {
      const circles = points.map((p) => ({ ...(JSON.parse(p) as { lat: number; lon: number }), radiusKm }));
      const lists = await ctx.reader.withinEach("Shelter", {}, circles, { fields });
      return lists.map((hits) => hits.map(({ row, distanceKm }) => ({ shelter: row, distanceKm })));
    });
    return loader.load(JSON.stringify({ lat, lon }));
  }
}

const LEVEL_ONLY: ReadonlySet<string> = new Set(["level"]);
