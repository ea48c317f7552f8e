import { Field, InputType } from "type-graphql";
import { HazardGrade, HazardState, WarningLevel } from "../common/enums.js";
import { AlarmLevel, AlarmState } from "../monitoring/monitoring.type.js";

@InputType({ description: "Which hazard changes to receive; without it, every change in your scope" })
export class HazardChangedFilter {
  @Field({ nullable: true, description: "Division code or prefix" }) region?: string;
  @Field(() => [HazardGrade], { nullable: true }) grades?: string[];
  @Field(() => [HazardState], { nullable: true, description: "States after the change" }) states?: string[];
}

@InputType({ description: "Which warnings to receive; without it, every warning in your scope" })
export class WarningIssuedFilter {
  @Field({ nullable: true, description: "Division code or prefix: warnings covering any part of it" }) region?: string;
  @Field(() => WarningLevel, { nullable: true, description: "This colour or more severe" }) minLevel?: string;
  @Field(() => [String], { nullable: true, description: "Signal types: 暴雨, 大风…" }) types?: string[];
}

@InputType({ description: "Which monitoring alarm changes to receive; without it, every alarm in your scope" })
export class MonitoringAlarmChangeFilter {
  @Field({ nullable: true, description: "Division code or prefix" }) region?: string;
  @Field(() => [AlarmLevel], { nullable: true }) levels?: string[];
  @Field(() => [AlarmState], { nullable: true, description: "States after the change" }) states?: string[];
}
