import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, Info, Field, FieldResolver, InputType, ObjectType, Query, Resolver, Root } from "type-graphql";
import { levelRank, WARNING_LEVELS, type WarningLevel as Level } from "../../core/warning-level.js";
import type { Row } from "../../data/reader.js";
import { connectionOf } from "../common/connection.type.js";
import { WarningLevel, WarningStatus } from "../common/enums.js";
import { PageArgs, RegionFilter } from "../common/inputs.js";
import { baseWhere, withEquals } from "../common/list.js";
import { defineRelation, readOptions, relationRows } from "../common/relations.js";
import type { HubContext } from "../context.js";
import { warningStatus, warningStatusWhere } from "./warning-status.js";
import { Warning, WarningArea, WarningDissemination } from "./warning.type.js";

@ObjectType()
class WarningConnection extends connectionOf(Warning) {}

@InputType({ description: "Warning list filter" })
class WarningFilter extends RegionFilter {
  @Field(() => WarningLevel, { nullable: true, description: "This colour or more severe" }) minLevel?: Level;
  @Field(() => WarningStatus, { nullable: true }) status?: string;
  @Field(() => [String], { nullable: true, description: "Signal types: 暴雨, 大风…" }) types?: string[];
}

defineRelation("Warning", "areas", { dataset: "WarningArea", field: "warningId" });
defineRelation("Warning", "dissemination", { dataset: "WarningDissemination", field: "warningId" });

@Resolver(() => Warning)
export class WarningResolver {
  @Query(() => WarningConnection, { description: "Warnings, newest first" })
  warnings(
    @Arg("filter", () => WarningFilter, { nullable: true }) filter: WarningFilter | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    let where = withEquals(baseWhere("Warning", filter, "headline"), {
      level: filter?.minLevel ? { in: WARNING_LEVELS.filter((l) => levelRank(l) >= levelRank(filter.minLevel!)) } : undefined,
      type: filter?.types ? { in: filter.types } : undefined,
    });
    if (filter?.status) where = { AND: [where, warningStatusWhere(filter.status, new Date())] };
    return ctx.reader.connection("Warning", where, page, readOptions(info, "Warning", ["edges", "node"]));
  }

  @FieldResolver(() => WarningStatus)
  status(@Root() warning: Row) {
    return warningStatus(warning as { status: unknown; expires: unknown }, new Date());
  }

  @FieldResolver(() => [WarningArea])
  areas(@Root() warning: Row, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    return relationRows(ctx, info, warning, {});
  }

  @FieldResolver(() => [WarningDissemination], {
    nullable: true,
    description: "Where it went: the release system's reports by channel and division, newest first (empty where none came; null for readers the reports are not shared with)",
  })
  dissemination(@Root() warning: Row, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    return relationRows(ctx, info, warning, {});
  }

  @FieldResolver(() => Warning, { nullable: true, description: "The Update or Cancel that replaced this warning" })
  supersededBy(@Root() warning: Row, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    return warning.supersededById ? ctx.reader.byKey("Warning", warning.supersededById as string, readOptions(info, "Warning")) : null;
  }
}
