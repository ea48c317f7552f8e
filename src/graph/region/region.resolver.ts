import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, Info, FieldResolver, InputType, Field, ObjectType, Query, Resolver, Root } from "type-graphql";
import { normaliseDivisionCode } from "../../core/division.js";
import type { Row } from "../../data/reader.js";
import { badInput } from "../../errors/hub-error.js";
import { connectionOf } from "../common/connection.type.js";
import { AdminLevel } from "../common/enums.js";
import { PageArgs } from "../common/inputs.js";
import { baseWhere, withEquals } from "../common/list.js";
import { defineRelation, readOptions, relationRows } from "../common/relations.js";
import type { HubContext } from "../context.js";
import { Region } from "./region.type.js";

@ObjectType()
class RegionConnection extends connectionOf(Region) {}

@InputType()
class RegionListFilter {
  @Field({ nullable: true, description: "Only the divisions directly under this code" }) parent?: string;
  @Field(() => AdminLevel, { nullable: true }) level?: string;
  @Field({ nullable: true }) nameContains?: string;
}

defineRelation("Region", "children", { dataset: "Region", field: "parentCode" });

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => Region, { nullable: true, description: "A division by its code (4102, 410200 and 410200000000 are the same)" })
  region(@Arg("code") code: string, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    const normalised = normaliseDivisionCode(code);
    if (!normalised.ok) throw badInput("code", `'${code}' is not a division code: ${normalised.reason}`);
    return ctx.reader.byKey("Region", normalised.code, readOptions(info, "Region"));
  }

  @Query(() => RegionConnection, { description: "Divisions, in code order" })
  regions(
    @Arg("filter", () => RegionListFilter, { nullable: true }) filter: RegionListFilter | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    let parentCode: string | undefined;
    if (filter?.parent != null) {
      const parent = normaliseDivisionCode(filter.parent);
      if (!parent.ok) throw badInput("filter.parent", parent.reason);
      parentCode = parent.code;
    }
    const where = withEquals(baseWhere("Region", { nameContains: filter?.nameContains }), { parentCode, level: filter?.level });
    return ctx.reader.connection("Region", where, page, readOptions(info, "Region", ["edges", "node"]));
  }

  @FieldResolver(() => Region, { nullable: true })
  parent(@Root() region: Row, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    return region.parentCode ? ctx.reader.byKey("Region", region.parentCode as string, readOptions(info, "Region")) : null;
  }

  @FieldResolver(() => [Region])
  children(@Root() region: Row, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    return relationRows(ctx, info, region, {});
  }
}
