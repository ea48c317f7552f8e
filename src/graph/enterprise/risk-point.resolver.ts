/**
 * Risk points as a list of their own — by region, colour, online monitoring,
 * enterprise and sector, within the reader's scope — and the four-colour
 * counts by division that a risk distribution map (四色安全风险空间分布图) needs.
 */
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, Field, FieldResolver, Info, InputType, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import { groupByChildRegion } from "../../core/hazard/region-groups.js";
import { validateCreditCode } from "../../core/credit-code.js";
import { riskLevelCounts } from "../../core/risk.js";
import type { Row, Where } from "../../data/reader.js";
import { territoryWhere } from "../../data/scope-where.js";
import { badInput } from "../../errors/hub-error.js";
import { connectionOf } from "../common/connection.type.js";
import { RiskLevel } from "../common/enums.js";
import { PageArgs, RegionFilter } from "../common/inputs.js";
import { baseWhere } from "../common/list.js";
import { readOptions } from "../common/relations.js";
import type { HubContext } from "../context.js";
import { assertSupervisionReader, childRegions, regionArg, regionName } from "../supervision/supervision-data.js";
import { RISK_POINT_ORDERS, RiskPointOrder } from "./enterprise.resolver.js";
import { Enterprise, RiskLevelCount, RiskPoint } from "./enterprise.type.js";

@ObjectType()
class RiskPointConnection extends connectionOf(RiskPoint) {}

@InputType({ description: "Risk point list filter" })
class RiskPointFilter extends RegionFilter {
  @Field(() => [RiskLevel], { nullable: true, description: "Any of these colours" }) levels?: string[];
  @Field({ nullable: true, description: "Monitored online (在线监测) or not" }) onlineMonitored?: boolean;
  @Field({ nullable: true, description: "Credit code of the enterprise" }) enterprise?: string;
  @Field({ nullable: true, description: "The enterprise's sector (行业领域), exact" }) sector?: string;
}

@ObjectType({ description: "Risk points of one division by colour" })
export class RegionRiskCounts {
  @Field({ description: "Division code" }) region!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => [RiskLevelCount], { description: "Red first" }) counts!: RiskLevelCount[];
  @Field(() => Int) total!: number;
}

@ObjectType({ description: "The four-colour distribution of risk points (四色分布) in a region and the divisions under it, from the points you may read" })
export class RiskDistribution {
  @Field({ description: "Division code" }) region!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => [RiskLevelCount], { description: "Red first" }) counts!: RiskLevelCount[];
  @Field(() => Int) total!: number;
  @Field(() => [RegionRiskCounts], { description: "By the divisions directly under the region (and the region itself, for points registered at its level)" }) byRegion!: RegionRiskCounts[];
}

@Resolver(() => RiskPoint)
export class RiskPointResolver {
  @FieldResolver(() => Enterprise, { nullable: true, description: "The enterprise the point belongs to, where you may read its file" })
  enterprise(@Root() point: Row, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    return ctx.reader.byKey("Enterprise", point.enterpriseCode as string, readOptions(info, "Enterprise"));
  }

  @Query(() => RiskPointConnection, { description: "Risk points (风险点) in your scope, red first unless orderBy says otherwise" })
  riskPoints(
    @Arg("filter", () => RiskPointFilter, { nullable: true }) filter: RiskPointFilter | undefined,
    @Arg("orderBy", () => RiskPointOrder, { defaultValue: RiskPointOrder.LEVEL }) orderBy: keyof typeof RiskPointOrder,
    @Args() page: PageArgs,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const parts: Where[] = [baseWhere("RiskPoint", filter)];
    if (filter?.levels?.length) parts.push({ level: { in: filter.levels } });
    if (filter?.onlineMonitored != null) parts.push({ onlineMonitored: filter.onlineMonitored });
    if (filter?.enterprise != null) {
      const code = validateCreditCode(filter.enterprise);
      if (!code.ok) throw badInput("filter.enterprise", `'${filter.enterprise}' is not a unified social credit code: ${code.reason}`);
      parts.push({ enterpriseCode: code.code });
    }
    if (filter?.sector != null) parts.push({ enterprise: { sector: filter.sector } });
    return ctx.reader.connection("RiskPoint", { AND: parts }, page, { orderBy: RISK_POINT_ORDERS[orderBy], ...readOptions(info, "RiskPoint", ["edges", "node"]) });
  }

  @Query(() => RiskDistribution, { description: "Risk points by colour in the region (default: your territory) and each division under it" })
  async riskDistribution(@Arg("region", () => String, { nullable: true }) region: string | null, @Ctx() ctx: HubContext): Promise<RiskDistribution> {
    assertSupervisionReader(ctx, "RiskDistribution");
    const place = regionArg(ctx, region);
    const [points, children, name] = await Promise.all([
      ctx.reader.all("RiskPoint", territoryWhere("RiskPoint", place.prefix), ["regionCode", "level"]),
      childRegions(ctx, place),
      regionName(ctx, place),
    ]);
    const rows = points.map((p) => ({ regionCode: p.regionCode as string, level: p.level as string }));
    const names = new Map(children.map((c) => [c.code as string, c.name as string]));
    const groups = groupByChildRegion(rows, place.prefix, children.map((c) => c.code as string));
    return {
      region: place.code,
      name,
      counts: riskLevelCounts(rows),
      total: rows.length,
      byRegion: [...groups.entries()]
        .filter(([key, list]) => key !== place.prefix || list.length > 0)
        .map(([key, list]) => ({ region: key, name: names.get(key) ?? (key === place.prefix ? name : null), counts: riskLevelCounts(list), total: list.length })),
    };
  }
}
