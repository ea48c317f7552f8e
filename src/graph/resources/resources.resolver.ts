import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, Info, FieldResolver, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { DatasetName } from "../../data/datasets.js";
import type { Row, Where } from "../../data/reader.js";
import { connectionOf } from "../common/connection.type.js";
import { NearInput, PageArgs } from "../common/inputs.js";
import { baseWhere, checkNear, withEquals } from "../common/list.js";
import { defineRelation, readOptions, relationRows } from "../common/relations.js";
import type { HubContext } from "../context.js";
import { RescueTeamFilter, ShelterFilter, SupplyDepotFilter } from "./resources.filter.js";
import { RescueTeam, Shelter, SupplyDepot, SupplyItem, TeamMember } from "./resources.type.js";

@ObjectType()
class ShelterConnection extends connectionOf(Shelter) {}
@ObjectType()
class RescueTeamConnection extends connectionOf(RescueTeam) {}
@ObjectType()
class SupplyDepotConnection extends connectionOf(SupplyDepot) {}

/** A list that is ordered by distance when `near` is given. */
export function placeList(ctx: HubContext, dataset: DatasetName, where: Where, near: NearInput | undefined, page: PageArgs, info: GraphQLResolveInfo) {
  const options = readOptions(info, dataset, ["edges", "node"]);
  return near ? ctx.reader.nearConnection(dataset, where, checkNear(near), page, options) : ctx.reader.connection(dataset, where, page, options);
}

@Resolver()
export class ResourcesResolver {
  @Query(() => ShelterConnection, { description: "Emergency shelters; with near, nearest first" })
  shelters(
    @Arg("filter", () => ShelterFilter, { nullable: true }) filter: ShelterFilter | undefined,
    @Arg("near", () => NearInput, { nullable: true }) near: NearInput | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const where = withEquals(baseWhere("Shelter", filter), { level: filter?.level, status: filter?.status });
    return placeList(ctx, "Shelter", where, near, page, info);
  }

  @Query(() => RescueTeamConnection, { description: "Rescue teams; with near, nearest first" })
  rescueTeams(
    @Arg("filter", () => RescueTeamFilter, { nullable: true }) filter: RescueTeamFilter | undefined,
    @Arg("near", () => NearInput, { nullable: true }) near: NearInput | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const where = withEquals(baseWhere("RescueTeam", filter), { category: filter?.category, level: filter?.level, status: filter?.status });
    return placeList(ctx, "RescueTeam", where, near, page, info);
  }

  @Query(() => SupplyDepotConnection, { description: "Supply depots; with near, nearest first" })
  supplyDepots(
    @Arg("filter", () => SupplyDepotFilter, { nullable: true }) filter: SupplyDepotFilter | undefined,
    @Arg("near", () => NearInput, { nullable: true }) near: NearInput | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const where = withEquals(baseWhere("SupplyDepot", filter), { tier: filter?.tier, storageMode: filter?.storageMode });
    return placeList(ctx, "SupplyDepot", where, near, page, info);
  }
}

defineRelation("RescueTeam", "members", { dataset: "TeamMember", field: "teamId" });
defineRelation("SupplyDepot", "items", { dataset: "SupplyItem", field: "depotId" });

@Resolver(() => RescueTeam)
export class RescueTeamResolver {
  @FieldResolver(() => [TeamMember], { description: "The roster" })
  members(@Root() team: Row, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    return relationRows(ctx, info, team, {});
  }
}

@Resolver(() => SupplyDepot)
export class SupplyDepotResolver {
  @FieldResolver(() => [SupplyItem], { description: "Stock held" })
  items(@Root() depot: Row, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    return relationRows(ctx, info, depot, {});
  }
}
