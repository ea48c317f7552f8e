/** Emergency plans (应急预案) and experts (应急专家库): lists within your scope and your mutual-aid partners'. */
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, Field, FieldResolver, Info, InputType, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { Row } from "../../data/reader.js";
import { connectionOf } from "../common/connection.type.js";
import { NearInput, PageArgs, RegionFilter } from "../common/inputs.js";
import { baseWhere, withEquals } from "../common/list.js";
import { readOptions } from "../common/relations.js";
import type { HubContext } from "../context.js";
import { placeList } from "../resources/resources.resolver.js";
import { EmergencyPlan, Expert, PlanKind } from "./response.type.js";

@ObjectType()
class EmergencyPlanConnection extends connectionOf(EmergencyPlan) {}

@ObjectType()
class ExpertConnection extends connectionOf(Expert) {}

@InputType({ description: "Emergency plan filter" })
class EmergencyPlanFilter extends RegionFilter {
  @Field(() => PlanKind, { nullable: true }) kind?: string;
  @Field({ nullable: true, description: "Plans that cover this kind of event (暴雨, 危险化学品事故 …)" }) eventType?: string;
  @Field({ nullable: true, description: "Credit code of the enterprise (its own plans)" }) enterpriseCode?: string;
}

@InputType({ description: "Expert filter" })
class ExpertFilter extends RegionFilter {
  @Field({ nullable: true, description: "Experts of this speciality (危化, 地质, 水利 …)" }) speciality?: string;
}

const DAY_MS = 86_400_000;

/** A date column as the API gives it: YYYY-MM-DD. */
const dayText = (value: unknown) => (value == null ? null : String(value).slice(0, 10));

@Resolver(() => EmergencyPlan)
export class EmergencyPlanResolver {
  @Query(() => EmergencyPlanConnection, { description: "Emergency plans (应急预案), by name" })
  emergencyPlans(
    @Arg("filter", () => EmergencyPlanFilter, { nullable: true }) filter: EmergencyPlanFilter | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const where = withEquals(baseWhere("EmergencyPlan", filter), {
      kind: filter?.kind,
      enterpriseCode: filter?.enterpriseCode?.trim().toUpperCase(),
      eventTypes: filter?.eventType?.trim() ? { hasEvery: [filter.eventType.trim()] } : undefined,
    });
    return ctx.reader.connection("EmergencyPlan", where, page, readOptions(info, "EmergencyPlan", ["edges", "node"]));
  }

  @FieldResolver(() => String, { nullable: true }) filedAt(@Root() plan: Row) {
    return dayText(plan.filedAt);
  }

  @FieldResolver(() => String, { nullable: true }) revisedAt(@Root() plan: Row) {
    return dayText(plan.revisedAt);
  }

  @FieldResolver(() => String, { nullable: true }) lastDrillAt(@Root() plan: Row) {
    return dayText(plan.lastDrillAt);
  }

  @FieldResolver(() => Boolean, { description: "A drill (演练) within the year before now" })
  drilledWithinYear(@Root() plan: Row) {
    const drilled = dayText(plan.lastDrillAt);
    return drilled !== null && Date.now() - Date.parse(`${drilled}T00:00:00+08:00`) <= 365 * DAY_MS;
  }
}

@Resolver(() => Expert)
export class ExpertResolver {
  @Query(() => ExpertConnection, { description: "Experts of the emergency bureau's pools (应急专家库), by name; with near, nearest first" })
  experts(
    @Arg("filter", () => ExpertFilter, { nullable: true }) filter: ExpertFilter | undefined,
    @Arg("near", () => NearInput, { nullable: true }) near: NearInput | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const where = withEquals(baseWhere("Expert", filter), { specialities: filter?.speciality?.trim() ? { hasEvery: [filter.speciality.trim()] } : undefined });
    return placeList(ctx, "Expert", where, near, page, info);
  }
}
