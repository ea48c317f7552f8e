import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, Info, Field, InputType, ObjectType, Query, Resolver } from "type-graphql";
import { connectionOf } from "../common/connection.type.js";
import { GeoHazardType, GeoScale } from "../common/enums.js";
import { NearInput, PageArgs, RegionFilter } from "../common/inputs.js";
import { baseWhere, withEquals } from "../common/list.js";
import { selectedFields } from "../common/selection.js";
import type { HubContext } from "../context.js";
import { placeList } from "../resources/resources.resolver.js";
import { GeoHazardPoint } from "./geo-hazard.type.js";

@ObjectType()
class GeoHazardPointConnection extends connectionOf(GeoHazardPoint) {}

@InputType({ description: "Geological hazard point filter" })
class GeoHazardPointFilter extends RegionFilter {
  @Field(() => GeoHazardType, { nullable: true }) hazardType?: string;
  @Field(() => GeoScale, { nullable: true, description: "险情等级" }) threatGrade?: string;
}

@Resolver(() => GeoHazardPoint)
export class GeoHazardResolver {
  @Query(() => GeoHazardPointConnection, { description: "Geological hazard points; with near, nearest first" })
  geoHazardPoints(
    @Arg("filter", () => GeoHazardPointFilter, { nullable: true }) filter: GeoHazardPointFilter | undefined,
    @Arg("near", () => NearInput, { nullable: true }) near: NearInput | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const where = withEquals(baseWhere("GeoHazardPoint", filter), { hazardType: filter?.hazardType, threatGrade: filter?.threatGrade });
    return placeList(ctx, "GeoHazardPoint", where, near, page, info);
  }
}
