import { Arg, Args, Ctx, FieldResolver, ObjectType, Query, Resolver, Root } from "type-graphql";
import { isOverdue } from "../../core/hazard/index.js";
import { dayOf, deadlinesOf } from "../../data/hazard-row.js";
import type { Row } from "../../data/reader.js";
import { connectionOf } from "../common/connection.type.js";
import { PageArgs } from "../common/inputs.js";
import { baseWhere, withEquals } from "../common/list.js";
import type { HubContext } from "../context.js";
import { Enterprise, RiskPoint } from "../enterprise/enterprise.type.js";
import { HazardFilter } from "./hazard.filter.js";
import { Hazard, HazardEvent } from "./hazard.type.js";

@ObjectType()
export class HazardConnection extends connectionOf(Hazard) {}

@Resolver(() => Hazard)
export class HazardResolver {
  @Query(() => HazardConnection, { description: "Hazards, newest first" })
  hazards(@Arg("filter", () => HazardFilter, { nullable: true }) filter: HazardFilter | undefined, @Args() page: PageArgs, @Ctx() ctx: HubContext) {
    const where = withEquals(baseWhere("Hazard", filter, "description"), {
      grade: filter?.grade,
      state: filter?.states ? { in: filter.states } : undefined,
      sector: filter?.sector,
      enterpriseCode: filter?.enterpriseCode,
    });
    return ctx.reader.connection("Hazard", where, page);
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() hazard: Row, @Ctx() ctx: HubContext) {
    return ctx.reader.byKey("Enterprise", hazard.enterpriseCode as string);
  }

  @FieldResolver(() => RiskPoint, { nullable: true })
  riskPoint(@Root() hazard: Row, @Ctx() ctx: HubContext) {
    return hazard.riskPointId ? ctx.reader.byKey("RiskPoint", hazard.riskPointId as string) : null;
  }

  @FieldResolver(() => [HazardEvent], { description: "The full history, oldest first" })
  events(@Root() hazard: Row, @Ctx() ctx: HubContext) {
    return ctx.reader.childrenOf("HazardEvent", "hazardId", hazard.key as string);
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
