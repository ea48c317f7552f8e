/**
 * Disaster processes and their reports (灾情报送): lists for the reporting
 * county and the levels above it, what is due and overdue, and whether the
 * people needing aid had it within 10 hours.
 */
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, Field, FieldResolver, Float, Info, InputType, ObjectType, Query, Resolver, Root } from "type-graphql";
import { finalReportDueAt, hoursToAid, initialReportDueAt, onTime, overdueStages, type ReportStage, type ReportSent } from "../../core/disaster-reports.js";
import type { Row } from "../../data/reader.js";
import { connectionOf } from "../common/connection.type.js";
import { PageArgs, RegionFilter } from "../common/inputs.js";
import { baseWhere, withEquals } from "../common/list.js";
import { defineRelation, readOptions, relationRows } from "../common/relations.js";
import type { HubContext } from "../context.js";
import { DisasterEvent, DisasterReport, DisasterReportStage } from "./disaster.type.js";

@ObjectType()
class DisasterEventConnection extends connectionOf(DisasterEvent) {}

@InputType({ description: "Disaster process filter" })
class DisasterEventFilter extends RegionFilter {
  @Field({ nullable: true, description: "暴雨洪涝, 风雹, 地质灾害 …" }) hazardType?: string;
}

defineRelation("DisasterEvent", "reports", { dataset: "DisasterReport", field: "eventId" });

const processOf = (event: Row) => ({ occurredAt: event.occurredAt as Date, endedAt: (event.endedAt as Date | null) ?? null });
const sentOf = (report: Row): ReportSent => ({
  stage: report.stage as ReportStage,
  sentAt: report.sentAt as Date,
  needingAid: (report.needingAid as number | null) ?? null,
  aidDeliveredAt: (report.aidDeliveredAt as Date | null) ?? null,
});

function reportsOf(ctx: HubContext, event: Row): Promise<Row[]> {
  return ctx.reader.childrenOf("DisasterReport", "eventId", event.key as string);
}

@Resolver(() => DisasterEvent)
export class DisasterEventResolver {
  @Query(() => DisasterEventConnection, { description: "Disaster processes (灾害过程) and their reports, newest first" })
  disasterEvents(
    @Arg("filter", () => DisasterEventFilter, { nullable: true }) filter: DisasterEventFilter | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const where = withEquals(baseWhere("DisasterEvent", filter), { hazardType: filter?.hazardType?.trim() || undefined });
    return ctx.reader.connection("DisasterEvent", where, page, readOptions(info, "DisasterEvent", ["edges", "node"]));
  }

  @FieldResolver(() => [DisasterReport], { description: "Its reports, newest first" })
  reports(@Root() event: Row, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    return relationRows(ctx, info, event, {});
  }

  @FieldResolver(() => DisasterReport, { nullable: true, description: "The latest report: the figures as they now stand" })
  async latestReport(@Root() event: Row, @Ctx() ctx: HubContext) {
    return (await reportsOf(ctx, event)).sort((a, b) => (b.sentAt as Date).getTime() - (a.sentAt as Date).getTime())[0] ?? null;
  }

  @FieldResolver(() => Date, { description: "初报 due: 2 hours after the disaster" })
  initialReportDueAt(@Root() event: Row) {
    return initialReportDueAt(processOf(event));
  }

  @FieldResolver(() => Date, { nullable: true, description: "核报 due: 5 days after the process ended (null while it goes on)" })
  finalReportDueAt(@Root() event: Row) {
    return finalReportDueAt(processOf(event));
  }

  @FieldResolver(() => [DisasterReportStage], { description: "The reports past their due time with none sent: INITIAL, FINAL" })
  async overdue(@Root() event: Row, @Ctx() ctx: HubContext) {
    return overdueStages(processOf(event), (await reportsOf(ctx, event)).map(sentOf), new Date());
  }

  @FieldResolver(() => Float, { nullable: true, description: "Hours from the disaster until those needing aid had it (target <10); null where no report says" })
  async hoursToAid(@Root() event: Row, @Ctx() ctx: HubContext) {
    const hours = hoursToAid(processOf(event), (await reportsOf(ctx, event)).map(sentOf));
    return hours === null ? null : Number(hours.toFixed(1));
  }
}

@Resolver(() => DisasterReport)
export class DisasterReportResolver {
  @FieldResolver(() => DisasterEvent, { nullable: true })
  event(@Root() report: Row, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    return ctx.reader.byKey("DisasterEvent", report.eventId as string, readOptions(info, "DisasterEvent"));
  }

  @FieldResolver(() => Boolean, { description: "Sent by its due time (初报 within 2 hours, 核报 within 5 days of the end; a 续报 always is)" })
  async onTime(@Root() report: Row, @Ctx() ctx: HubContext) {
    const event = await ctx.reader.byKey("DisasterEvent", report.eventId as string);
    return event === null ? true : onTime(processOf(event), sentOf(report));
  }
}
