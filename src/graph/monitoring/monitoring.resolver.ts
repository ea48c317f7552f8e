/**
 * Online monitoring: points with their latest value and whether they are
 * online, their readings (raw within the retention, hourly after), and
 * alarms with their lifecycle. Points and alarms are read through the Reader
 * as the enterprise's file is; readings through their point, once the point
 * was found in scope.
 */
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, Field, FieldResolver, Info, InputType, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import { isOnline, thresholdLevel } from "../../core/monitoring.js";
import type { Row } from "../../data/reader.js";
import { sql } from "../../data/sql-text.js";
import { badInput } from "../../errors/hub-error.js";
import { connectionOf } from "../common/connection.type.js";
import { PageArgs } from "../common/inputs.js";
import { baseWhere, withEquals } from "../common/list.js";
import { defineRelation, readOptions, relationRows } from "../common/relations.js";
import type { HubContext } from "../context.js";
import { Enterprise, MajorHazardSource, RiskPoint } from "../enterprise/enterprise.type.js";
import { HourlyReading, hourlyOf } from "../common/hourly.js";
import { AlarmLevel, AlarmState, MonitoringAlarm, MonitoringAlarmEvent, MonitoringIndicator, MonitoringPoint, MonitoringReading } from "./monitoring.type.js";

@ObjectType()
class MonitoringPointConnection extends connectionOf(MonitoringPoint) {}

@ObjectType()
class MonitoringAlarmConnection extends connectionOf(MonitoringAlarm) {}

@InputType({ description: "Monitoring point filter" })
class MonitoringPointFilter {
  @Field({ nullable: true, description: "Division code or prefix" }) region?: string;
  @Field({ nullable: true, description: "Credit code of the enterprise" }) enterpriseCode?: string;
  @Field(() => MonitoringIndicator, { nullable: true }) indicator?: string;
}

@InputType({ description: "Monitoring alarm filter" })
class MonitoringAlarmFilter {
  @Field({ nullable: true, description: "Division code or prefix" }) region?: string;
  @Field({ nullable: true, description: "Credit code of the enterprise" }) enterpriseCode?: string;
  @Field({ nullable: true, description: "监测点位编码" }) pointCode?: string;
  @Field(() => AlarmState, { nullable: true }) state?: string;
  @Field(() => AlarmLevel, { nullable: true }) level?: string;
  @Field({ nullable: true, description: "Only alarms not cleared (true) or only cleared ones (false)" }) open?: boolean;
}

defineRelation("Enterprise", "monitoringPoints", { dataset: "MonitoringPoint", field: "enterpriseCode" });
defineRelation("MonitoringPoint", "alarms", { dataset: "MonitoringAlarm", field: "pointCode" });
defineRelation("MonitoringAlarm", "events", { dataset: "MonitoringAlarmEvent", field: "alarmId" });

const OPEN_ALARM_STATES = ["RAISED", "ACKNOWLEDGED", "HANDLED"];

const creditCodeOf = (value: string | undefined) => value?.trim().toUpperCase();

/** Readings of the last hours a `readings` field may ask for: the raw retention's reach. */
const MAX_READING_HOURS = 24 * 31;

@Resolver(() => MonitoringPoint)
export class MonitoringPointResolver {
  @Query(() => MonitoringPointConnection, { description: "Online monitoring points (监测点位), by code" })
  monitoringPoints(
    @Arg("filter", () => MonitoringPointFilter, { nullable: true }) filter: MonitoringPointFilter | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const where = withEquals(baseWhere("MonitoringPoint", filter), { enterpriseCode: creditCodeOf(filter?.enterpriseCode), indicator: filter?.indicator });
    return ctx.reader.connection("MonitoringPoint", where, page, readOptions(info, "MonitoringPoint", ["edges", "node"]));
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() point: Row, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    return ctx.reader.byKey("Enterprise", point.enterpriseCode as string, readOptions(info, "Enterprise"));
  }

  @FieldResolver(() => MajorHazardSource, { nullable: true, description: "The major hazard source it monitors (重大危险源)" })
  majorHazardSource(@Root() point: Row, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    return point.majorHazardSourceId ? ctx.reader.byKey("MajorHazardSource", point.majorHazardSourceId as string, readOptions(info, "MajorHazardSource")) : null;
  }

  @FieldResolver(() => RiskPoint, { nullable: true, description: "The risk point it monitors" })
  riskPoint(@Root() point: Row, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    return point.riskPointId ? ctx.reader.byKey("RiskPoint", point.riskPointId as string, readOptions(info, "RiskPoint")) : null;
  }

  @FieldResolver(() => Boolean, { description: "A reading arrived within the freshness window (EMHUB_MONITORING_FRESHNESS minutes)" })
  online(@Root() point: Row, @Ctx() ctx: HubContext) {
    return isOnline((point.lastReadingAt as Date | null) ?? null, new Date(), ctx.config.monitoringFreshnessMinutes);
  }

  @FieldResolver(() => Date, { nullable: true, description: "Offline: the time of the last reading (null if it never reported); online: null" })
  offlineSince(@Root() point: Row, @Ctx() ctx: HubContext) {
    const last = (point.lastReadingAt as Date | null) ?? null;
    return isOnline(last, new Date(), ctx.config.monitoringFreshnessMinutes) ? null : last;
  }

  @FieldResolver(() => AlarmLevel, { nullable: true, description: "The threshold the latest value is past, if any" })
  alarmLevel(@Root() point: Row) {
    return thresholdLevel((point.lastValue as number | null) ?? null, point as never);
  }

  @FieldResolver(() => [MonitoringReading], { description: "Raw readings of the last `hours` hours, newest first (kept EMHUB_READING_RETENTION_DAYS days)" })
  async readings(@Root() point: Row, @Ctx() ctx: HubContext, @Arg("hours", () => Int, { defaultValue: 24 }) hours: number) {
    if (!(hours > 0 && hours <= MAX_READING_HOURS)) throw badInput("hours", `must be from 1 to ${MAX_READING_HOURS}`);
    const since = new Date(Date.now() - hours * 3_600_000);
    return ctx.db.sql(
      sql`SELECT "observedAt", "value" FROM "MonitoringReading" WHERE "pointCode" = ${point.key as string} AND "observedAt" >= ${since}::timestamp(3) ORDER BY "observedAt" DESC LIMIT 10000`,
    );
  }

  @FieldResolver(() => [HourlyReading], { description: "Hourly min / max / mean of the readings folded after the raw retention, from `from` up to `to`, oldest first (at most 10,000 hours)" })
  hourly(@Root() point: Row, @Ctx() ctx: HubContext, @Arg("from", () => Date) from: Date, @Arg("to", () => Date, { nullable: true }) to: Date | null) {
    return hourlyOf(ctx, "monitoring", point.key as string, from, to);
  }

  @FieldResolver(() => [MonitoringAlarm], { description: "Its alarms, newest first" })
  alarms(@Root() point: Row, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    return relationRows(ctx, info, point, {});
  }
}

@Resolver(() => MonitoringAlarm)
export class MonitoringAlarmResolver {
  @Query(() => MonitoringAlarmConnection, { description: "Monitoring alarms (监测报警), newest first" })
  monitoringAlarms(
    @Arg("filter", () => MonitoringAlarmFilter, { nullable: true }) filter: MonitoringAlarmFilter | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const where = withEquals(
      withEquals(baseWhere("MonitoringAlarm", filter), {
        enterpriseCode: creditCodeOf(filter?.enterpriseCode),
        pointCode: filter?.pointCode?.trim(),
        state: filter?.state,
        level: filter?.level,
      }),
      { state: filter?.open == null ? undefined : filter.open ? { in: OPEN_ALARM_STATES } : "CLEARED" },
    );
    return ctx.reader.connection("MonitoringAlarm", where, page, readOptions(info, "MonitoringAlarm", ["edges", "node"]));
  }

  @FieldResolver(() => MonitoringPoint, { nullable: true })
  point(@Root() alarm: Row, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    return ctx.reader.byKey("MonitoringPoint", alarm.pointCode as string, readOptions(info, "MonitoringPoint"));
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() alarm: Row, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    return ctx.reader.byKey("Enterprise", alarm.enterpriseCode as string, readOptions(info, "Enterprise"));
  }

  @FieldResolver(() => Boolean, { description: "Escalated to the emergency bureau because nobody acknowledged it in time" })
  escalated(@Root() alarm: Row) {
    return alarm.escalatedAt != null;
  }

  @FieldResolver(() => [MonitoringAlarmEvent], { description: "The full history, oldest first" })
  events(@Root() alarm: Row, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    return relationRows(ctx, info, alarm, {});
  }
}

@Resolver(() => Enterprise)
export class EnterpriseMonitoringResolver {
  @FieldResolver(() => [MonitoringPoint], { description: "The enterprise's online monitoring points, each online or offline since when" })
  monitoringPoints(@Root() enterprise: Row, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    return relationRows(ctx, info, enterprise, {});
  }
}


