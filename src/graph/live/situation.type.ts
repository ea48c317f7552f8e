import { Field, Int, ObjectType } from "type-graphql";
import { WarningLevel } from "../common/enums.js";

@ObjectType({ description: "Warnings in force of one colour" })
export class LevelCount {
  @Field(() => WarningLevel) level!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: "Warnings in force of one signal type (暴雨, 大风…)" })
export class TypeCount {
  @Field() type!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: "How fresh one connector's data is" })
export class ConnectorFreshness {
  @Field() name!: string;
  @Field(() => Int, { nullable: true, description: "Seconds since its last successful run; null when it has none" }) dataAgeSeconds!: number | null;
  @Field({ description: "No success within twice its interval (or never)" }) stale!: boolean;
}

@ObjectType({ description: "A region's situation now (一屏总览), from the records the reader may read; a figure is null when its records are not shared with the reader" })
export class Situation {
  @Field({ description: "Division code" }) region!: string;
  @Field(() => String, { nullable: true }) regionName!: string | null;
  @Field({ description: "When the figures were computed" }) asOf!: Date;
  @Field(() => Int, { nullable: true }) warningsInForce!: number | null;
  @Field(() => [LevelCount], { description: "Warnings in force by colour, red first" }) warningsByLevel!: LevelCount[];
  @Field(() => [TypeCount], { description: "Warnings in force by signal type, most first" }) warningsByType!: TypeCount[];
  @Field(() => Int, { nullable: true, description: "Water stations at or above their warning level (警戒水位), guaranteed level included" }) stationsAboveWarning!: number | null;
  @Field(() => Int, { nullable: true, description: "Water stations at or above their guaranteed level (保证水位)" }) stationsAboveGuaranteed!: number | null;
  @Field(() => Int, { nullable: true }) hazardsOpen!: number | null;
  @Field(() => Int, { nullable: true }) hazardsOverdue!: number | null;
  @Field(() => Int, { nullable: true, description: "Open MAJOR hazards (重大事故隐患)" }) hazardsMajor!: number | null;
  @Field(() => Int, { nullable: true, description: "Open MAJOR hazards under supervised rectification (挂牌督办)" }) hazardsSupervised!: number | null;
  @Field(() => Int, { nullable: true, description: "Monitoring alarms not cleared (监测报警)" }) alarmsOpen!: number | null;
  @Field(() => Int, { nullable: true, description: "Of those, escalated because nobody acknowledged them in time" }) alarmsEscalated!: number | null;
  @Field(() => Int, { nullable: true, description: "Disaster reports (初报, 核报) past their due time with none sent, of the processes of the last 60 days" }) disasterReportsOverdue!: number | null;
  @Field(() => Int, { nullable: true, description: "Shelters open or in use" }) sheltersOpen!: number | null;
  @Field(() => Int, { nullable: true, description: "People those shelters can take" }) shelterCapacity!: number | null;
  @Field(() => Int, { nullable: true, description: "Rescue teams on standby (待命)" }) teamsOnStandby!: number | null;
  @Field(() => Int, { nullable: true, description: "Members of the teams on standby" }) standbyHeadcount!: number | null;
  @Field(() => [ConnectorFreshness], { description: "Each connector's freshness (empty when connector status is not shared with the reader)" }) connectors!: ConnectorFreshness[];
}
