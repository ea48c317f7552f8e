import { Directive, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { defineEnum } from "../common/define-enum.js";
import { Node } from "../common/node.type.js";
import { SharedRecord } from "../common/shared-record.type.js";

export const MonitoringIndicator = defineEnum("MonitoringIndicator", "What a monitoring point measures (监测指标)", {
  LEVEL: "液位",
  TEMPERATURE: "温度",
  PRESSURE: "压力",
  FLOW: "流量",
  COMBUSTIBLE_GAS: "可燃气体浓度 (%LEL)",
  TOXIC_GAS: "有毒气体浓度 (ppm)",
  VIDEO: "视频",
});

export const AlarmLevel = defineEnum("AlarmLevel", "A monitoring alarm's level (报警级别)", { LOW_LOW: "低低报", LOW: "低报", HIGH: "高报", HIGH_HIGH: "高高报" });

export const AlarmState = defineEnum("AlarmState", "Where a monitoring alarm stands", {
  RAISED: "报警, not yet acknowledged",
  ACKNOWLEDGED: "已确认 by the enterprise",
  HANDLED: "已处置: a measure was taken",
  CLEARED: "已消警",
});

@ObjectType({ description: "A reading of a monitoring point" })
export class MonitoringReading {
  @Field() observedAt!: Date;
  @Field(() => Float) value!: number;
}

@ObjectType({ implements: Node, description: "An online monitoring point (监测点位) of a major hazard source or a major risk point" })
@Directive(`@key(fields: "id")`)
@Directive(`@key(fields: "code")`)
export class MonitoringPoint extends SharedRecord {
  @Field({ description: "监测点位编码" }) code!: string;
  @Field() name!: string;
  @Field() enterpriseCode!: string;
  @Field(() => MonitoringIndicator) indicator!: string;
  @Field(() => String, { nullable: true, description: "℃, MPa, m, %LEL, ppm …" }) unit!: string | null;
  @Field(() => Float, { nullable: true, description: "量程下限" }) rangeLow!: number | null;
  @Field(() => Float, { nullable: true, description: "量程上限" }) rangeHigh!: number | null;
  @Field(() => Float, { nullable: true, description: "低低报阈值" }) lowLow!: number | null;
  @Field(() => Float, { nullable: true, description: "低报阈值" }) low!: number | null;
  @Field(() => Float, { nullable: true, description: "高报阈值" }) high!: number | null;
  @Field(() => Float, { nullable: true, description: "高高报阈值" }) highHigh!: number | null;
  @Field() regionCode!: string;
  @Field(() => Float, { nullable: true, description: "The latest reading's value" }) lastValue!: number | null;
  @Field(() => Date, { nullable: true, description: "When the latest reading was taken" }) lastReadingAt!: Date | null;
}

@ObjectType({ implements: Node, description: "One step of a monitoring alarm: who did what, when; never changed once written" })
export class MonitoringAlarmEvent {
  @Field(() => ID) id!: string;
  @Field(() => Int) seq!: number;
  @Field({ description: "RAISE, ACKNOWLEDGE, HANDLE, CLEAR or ESCALATE" }) action!: string;
  @Field(() => AlarmState, { nullable: true }) fromState!: string | null;
  @Field(() => AlarmState) toState!: string;
  @Field({ description: "The source system, the hub, or the account that acted" }) actor!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field() at!: Date;
}

@ObjectType({ implements: Node, description: "An alarm of a monitoring point (监测报警), raised and cleared by the source, acknowledged and handled by the enterprise, escalated when nobody acknowledges it" })
@Directive(`@key(fields: "id")`)
export class MonitoringAlarm extends SharedRecord {
  @Field() pointCode!: string;
  @Field() enterpriseCode!: string;
  @Field() regionCode!: string;
  @Field(() => MonitoringIndicator) indicator!: string;
  @Field(() => AlarmLevel) level!: string;
  @Field(() => Float, { description: "The value that raised it" }) value!: number;
  @Field(() => Float, { nullable: true, description: "The threshold of its level" }) threshold!: number | null;
  @Field() raisedAt!: Date;
  @Field(() => AlarmState) state!: string;
  @Field(() => Int, { description: "Optimistic-concurrency version" }) version!: number;
  @Field(() => Date, { nullable: true }) acknowledgedAt!: Date | null;
  @Field(() => String, { nullable: true, description: "Who acknowledged it (personal)" }) acknowledgedBy!: string | null;
  @Field(() => Date, { nullable: true }) handledAt!: Date | null;
  @Field(() => String, { nullable: true, description: "Who handled it (personal)" }) handledBy!: string | null;
  @Field(() => String, { nullable: true, description: "The measure taken (处置措施)" }) handledNote!: string | null;
  @Field(() => Date, { nullable: true }) clearedAt!: Date | null;
  @Field(() => String, { nullable: true, description: "The source system (消警) or who closed it (personal)" }) clearedBy!: string | null;
  @Field(() => Date, { nullable: true, description: "When it was escalated, unacknowledged, to the emergency bureau" }) escalatedAt!: Date | null;
  @Field(() => String, { nullable: true, description: "The division whose emergency bureau it was escalated to" }) escalatedTo!: string | null;
}

@ObjectType({ description: "A monitoring alarm raised, acknowledged, handled, cleared or escalated" })
export class MonitoringAlarmChange {
  @Field({ description: "RAISE, ACKNOWLEDGE, HANDLE, CLEAR or ESCALATE" }) action!: string;
  @Field() at!: Date;
  @Field(() => MonitoringAlarm) alarm!: unknown;
  @Field(() => ID, { description: "The event's id (the same on every instance)" }) eventId!: string;
}
