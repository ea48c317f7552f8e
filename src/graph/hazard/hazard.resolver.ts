import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, ObjectType, Query, Resolver, Root } from "type-graphql";
import { isOverdue } from "../../core/hazard/index.js";
import { dayOf, deadlinesOf } from "../../data/hazard-row.js";
import type { Row } from "../../data/reader.js";
import { connectionOf } from "../common/connection.type.js";
import { PageArgs } from "../common/inputs.js";
import { baseWhere, withEquals } from "../common/list.js";
import { defineRelation, readOptions, relationRows } from "../common/relations.js";
import type { HubContext } from "../context.js";
import { Enterprise, RiskPoint } from "../enterprise/enterprise.type.js";
import { HAZARD_ORDERS, HazardFilter, HazardOrder, hazardStateWhere } from "./hazard.filter.js";
import { Hazard, HazardEvent } from "./hazard.type.js";

@ObjectType()
export class HazardConnection extends connectionOf(Hazard) {}

defineRelation("Hazard", "events", { dataset: "HazardEvent", field: "hazardId" });

@Resolver(() => Hazard)
export class HazardResolver {
  @Query(() => HazardConnection, { description: "Hazards, newest first unless orderBy says otherwise" })
  hazards(
    @Arg("filter", () => HazardFilter, { nullable: true }) filter: HazardFilter | undefined,
    @Arg("orderBy", () => HazardOrder, { defaultValue: HazardOrder.FOUND_AT_DESC }) orderBy: keyof typeof HazardOrder,
    @Args() page: PageArgs,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const base = withEquals(baseWhere("Hazard", filter, "description"), { sector: filter?.sector, enterpriseCode: filter?.enterpriseCode });
    const where = { AND: [base, ...hazardStateWhere(filter)] };
    return ctx.reader.connection("Hazard", where, page, { orderBy: HAZARD_ORDERS[orderBy], ...readOptions(info, "Hazard", ["edges", "node"]) });
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() hazard: Row, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    return ctx.reader.byKey("Enterprise", hazard.enterpriseCode as string, readOptions(info, "Enterprise"));
  }

  @FieldResolver(() => RiskPoint, { nullable: true })
  riskPoint(@Root() hazard: Row, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    return hazard.riskPointId ? ctx.reader.byKey("RiskPoint", hazard.riskPointId as string, readOptions(info, "RiskPoint")) : null;
  }

  @FieldResolver(() => [HazardEvent], { description: "The full history, oldest first" })
  events(@Root() hazard: Row, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    return relationRows(ctx, info, hazard, {});
  }

  @FieldResolver(() => String, { nullable: true })
  deadline(@Root() hazard: Row) {
    return dayOf(hazard.deadline);
  }

  @FieldResolver(() => String, { nullable: true })
  supervisionDeadline(@Root() hazard: Row) {
    return dayOf(hazard.supervisionDeadline);
  }

  @FieldResolver(() => Boolean, { description: "Open and past its deadline: the earlier of the plan and supervision deadlines, a day in China Standard Time that ends at 24:00+08:00" })
  overdue(@Root() hazard: Row) {
    return isOverdue(deadlinesOf(hazard), new Date());
  }

  @FieldResolver(() => Boolean, { description: "Listed for supervised rectification (挂牌督办)" })
  supervised(@Root() hazard: Row) {
    return hazard.supervisedBy != null;
  }
}
