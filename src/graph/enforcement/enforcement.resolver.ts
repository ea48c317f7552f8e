/**
 * Law-enforcement inspections (执法检查): the list within your scope, each
 * with its enterprise and the hazards it found; and an enterprise's own in
 * its file.
 */
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, Field, FieldResolver, Info, InputType, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { Row } from "../../data/reader.js";
import { connectionOf } from "../common/connection.type.js";
import { EnforcementOrder } from "../common/enums.js";
import { PageArgs } from "../common/inputs.js";
import { baseWhere, withEquals } from "../common/list.js";
import { defineRelation, readOptions, relationRows } from "../common/relations.js";
import type { HubContext } from "../context.js";
import { Enterprise } from "../enterprise/enterprise.type.js";
import { Hazard } from "../hazard/hazard.type.js";
import { EnforcementAction } from "./enforcement.type.js";

@ObjectType()
class EnforcementActionConnection extends connectionOf(EnforcementAction) {}

@InputType({ description: "Enforcement inspection filter" })
class EnforcementFilter {
  @Field({ nullable: true, description: "Division code or prefix" }) region?: string;
  @Field({ nullable: true, description: "Credit code of the enterprise" }) enterpriseCode?: string;
  @Field(() => EnforcementOrder, { nullable: true }) order?: string;
}

defineRelation("Enterprise", "enforcementActions", { dataset: "EnforcementAction", field: "enterpriseCode" });

@Resolver(() => EnforcementAction)
export class EnforcementActionResolver {
  @Query(() => EnforcementActionConnection, { description: "Law-enforcement inspections (执法检查), newest first" })
  enforcementActions(
    @Arg("filter", () => EnforcementFilter, { nullable: true }) filter: EnforcementFilter | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const where = withEquals(baseWhere("EnforcementAction", filter), { enterpriseCode: filter?.enterpriseCode?.trim().toUpperCase(), order: filter?.order });
    return ctx.reader.connection("EnforcementAction", where, page, readOptions(info, "EnforcementAction", ["edges", "node"]));
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() action: Row, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    return ctx.reader.byKey("Enterprise", action.enterpriseCode as string, readOptions(info, "Enterprise"));
  }

  @FieldResolver(() => [Hazard], { description: "The hazards the inspection found, as the reader may read them" })
  async hazards(@Root() action: Row, @Ctx() ctx: HubContext): Promise<Row[]> {
    const ids = (action.hazardSourceIds as string[] | undefined) ?? [];
    if (ids.length === 0) return [];
    const rows = await ctx.reader.all("Hazard", { sourceSystem: action.sourceSystem as string, sourceId: { in: ids } });
    return rows.map((row) => ctx.reader.present("Hazard", row));
  }
}

@Resolver(() => Enterprise)
export class EnterpriseEnforcementResolver {
  @FieldResolver(() => [EnforcementAction], { description: "The enterprise's law-enforcement inspections (执法检查), newest first" })
  enforcementActions(@Root() enterprise: Row, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    return relationRows(ctx, info, enterprise, {});
  }
}
