/** Duty rosters (值班值守) and information officers (灾害信息员, 网格员): who is on duty now, who reports from a village. */
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, Field, Info, InputType, ObjectType, Query, Resolver } from "type-graphql";
import { connectionOf } from "../common/connection.type.js";
import { PageArgs, RegionFilter } from "../common/inputs.js";
import { baseWhere, withEquals } from "../common/list.js";
import { readOptions } from "../common/relations.js";
import type { HubContext } from "../context.js";
import { DutyRole, DutyShift, InformationOfficer, OfficerRole } from "./response.type.js";

@ObjectType()
class DutyShiftConnection extends connectionOf(DutyShift) {}

@ObjectType()
class InformationOfficerConnection extends connectionOf(InformationOfficer) {}

@InputType({ description: "Duty roster filter" })
class DutyShiftFilter extends RegionFilter {
  @Field({ nullable: true, description: "Only the shifts on duty at this moment (begun, not ended)" }) onDutyAt?: Date;
  @Field(() => DutyRole, { nullable: true }) role?: string;
}

@InputType({ description: "Information officer filter" })
class InformationOfficerFilter extends RegionFilter {
  @Field(() => OfficerRole, { nullable: true }) role?: string;
}

/** The `where` of the shifts on duty at `at`. */
export const onDutyWhere = (at: Date) => ({ AND: [{ startsAt: { lte: at } }, { endsAt: { gt: at } }] });

@Resolver(() => DutyShift)
export class DutyShiftResolver {
  @Query(() => DutyShiftConnection, { description: "Duty rosters (值班值守), newest shift first; onDutyAt: who is on duty then" })
  dutyShifts(
    @Arg("filter", () => DutyShiftFilter, { nullable: true }) filter: DutyShiftFilter | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const base = withEquals(baseWhere("DutyShift", filter), { role: filter?.role });
    const where = filter?.onDutyAt ? { AND: [base, onDutyWhere(filter.onDutyAt)] } : base;
    return ctx.reader.connection("DutyShift", where, page, readOptions(info, "DutyShift", ["edges", "node"]));
  }
}

@Resolver(() => InformationOfficer)
export class InformationOfficerResolver {
  @Query(() => InformationOfficerConnection, { description: "Disaster information officers (灾害信息员) and grid members (网格员), by name" })
  informationOfficers(
    @Arg("filter", () => InformationOfficerFilter, { nullable: true }) filter: InformationOfficerFilter | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const where = withEquals(baseWhere("InformationOfficer", filter), { role: filter?.role });
    return ctx.reader.connection("InformationOfficer", where, page, readOptions(info, "InformationOfficer", ["edges", "node"]));
  }
}
