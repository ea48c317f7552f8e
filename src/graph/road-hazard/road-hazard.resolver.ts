import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, Info, Field, InputType, ObjectType, Query, Resolver } from "type-graphql";
import { connectionOf } from "../common/connection.type.js";
import { RoadHazardKind, RoadHazardStatus } from "../common/enums.js";
import { PageArgs, RegionFilter } from "../common/inputs.js";
import { baseWhere, withEquals } from "../common/list.js";
import { readOptions } from "../common/relations.js";
import type { HubContext } from "../context.js";
import { RoadHazard } from "./road-hazard.type.js";

@ObjectType()
class RoadHazardConnection extends connectionOf(RoadHazard) {}

@InputType({ description: "Road hazard filter" })
class RoadHazardFilter extends RegionFilter {
  @Field(() => RoadHazardKind, { nullable: true }) kind?: string;
  @Field(() => RoadHazardStatus, { nullable: true }) status?: string;
  @Field({ nullable: true, description: "Only closed (true) or open (false) sections" }) closed?: boolean;
  @Field({ nullable: true }) route?: string;
}

@Resolver(() => RoadHazard)
export class RoadHazardResolver {
  @Query(() => RoadHazardConnection)
  roadHazards(
    @Arg("filter", () => RoadHazardFilter, { nullable: true }) filter: RoadHazardFilter | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const where = withEquals(baseWhere("RoadHazard", filter), { kind: filter?.kind, status: filter?.status, closed: filter?.closed, route: filter?.route });
    return ctx.reader.connection("RoadHazard", where, page, readOptions(info, "RoadHazard", ["edges", "node"]));
  }
}
