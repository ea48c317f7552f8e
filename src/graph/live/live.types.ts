import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { defineEnum } from "../common/define-enum.js";
import { Node } from "../common/node.type.js";
import { Hazard } from "../hazard/hazard.type.js";
import { HydroStation, WaterLevelState } from "../hydro/hydro.type.js";
import { Warning } from "../warning/warning.type.js";

export const WarningChangeKind = defineEnum("WarningChangeKind", "What happened to a warning", {
  ISSUED: "发布",
  UPDATED: "更新",
  CANCELLED: "解除",
  SUPERSEDED: "被替代",
});

export const RecordChangeKind = defineEnum("RecordChangeKind", "What a synchronisation did to a record", {
  CREATED: "新增",
  UPDATED: "更新",
  RETIRED: "退役（源系统已无此记录）",
});

@ObjectType({ description: "A hazard changed state or was reported, planned, supervised, became overdue…" })
export class HazardChange {
  @Field(() => ID, { description: "The event\'s id, the same on every instance: a client that reconnects can drop what it has seen" }) eventId!: string;
  @Field({ description: "The workflow action or OVERDUE, SYNC" }) action!: string;
  @Field() at!: Date;
  @Field(() => Hazard) hazard!: Record<string, unknown>;
}

@ObjectType({ description: "A warning was issued, updated or cancelled" })
export class WarningChange {
  @Field(() => ID, { description: "The event\'s id, the same on every instance: a client that reconnects can drop what it has seen" }) eventId!: string;
  @Field(() => WarningChangeKind) change!: string;
  @Field() at!: Date;
  @Field(() => Warning) warning!: Record<string, unknown>;
}

@ObjectType({ description: "A water level crossed one of its station's thresholds, upwards or back down" })
export class WaterLevelAlert {
  @Field(() => ID, { description: "The event\'s id, the same on every instance: a client that reconnects can drop what it has seen" }) eventId!: string;
  @Field(() => HydroStation) station!: Record<string, unknown>;
  @Field(() => Float, { description: "The level read, m" }) level!: number;
  @Field(() => WaterLevelState) state!: string;
  @Field(() => WaterLevelState) previousState!: string;
  @Field({ description: "True when the level went over a threshold, false when it fell back" }) rising!: boolean;
  @Field() observedAt!: Date;
}

@ObjectType({ description: "A rain gauge's rain of the last hours reached a threshold (短时强降水, 暴雨 …)" })
export class RainfallAlert {
  @Field(() => ID, { description: "The event's id, the same on every instance: a client that reconnects can drop what it has seen" }) eventId!: string;
  @Field(() => HydroStation) station!: Record<string, unknown>;
  @Field(() => Float, { description: "The hours the rain was added up over" }) hours!: number;
  @Field(() => Float, { description: "The rain of those hours, mm" }) millimetres!: number;
  @Field(() => Float, { description: "The threshold it reached, mm" }) threshold!: number;
  @Field({ description: "The reading that reached it" }) observedAt!: Date;
}

@ObjectType({ description: "A synchronised record was created, updated or retired" })
export class RecordChange {
  @Field(() => ID, { description: "The event\'s id, the same on every instance: a client that reconnects can drop what it has seen" }) eventId!: string;
  @Field({ description: "Dataset (GraphQL type)" }) dataset!: string;
  @Field(() => RecordChangeKind) change!: string;
  @Field() at!: Date;
  @Field(() => ID, { description: "Global id of the record" }) id!: string;
  @Field(() => Node, { nullable: true }) record!: Record<string, unknown> | null;
}

@ObjectType({ description: "A connector finished a run" })
export class ConnectorRunEvent {
  @Field(() => ID, { description: "The event\'s id, the same on every instance: a client that reconnects can drop what it has seen" }) eventId!: string;
  @Field() connector!: string;
  @Field() runId!: string;
  @Field() ok!: boolean;
  @Field(() => Int) fetched!: number;
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) retired!: number;
  @Field(() => Int) rejected!: number;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field() at!: Date;
}
