import { Directive, Field, Float, ObjectType } from "type-graphql";
import { defineEnum } from "../common/define-enum.js";
import { StationType } from "../common/enums.js";
import { Node } from "../common/node.type.js";
import { SharedRecord } from "../common/shared-record.type.js";

export const WaterLevelState = defineEnum("WaterLevelState", "A water level against the station's thresholds", {
  UNKNOWN: "无阈值或无读数",
  NORMAL: "正常",
  ABOVE_FLOOD_LIMIT: "超汛限水位",
  ABOVE_WARNING: "超警戒水位",
  ABOVE_GUARANTEED: "超保证水位",
  ABOVE_HISTORICAL_MAX: "超历史最高水位",
});

export const HydroMeasure = defineEnum("HydroMeasure", "A measure of a station's readings", {
  LEVEL: "水位 Z / RZ",
  FLOW: "流量 Q",
  INFLOW: "入库流量 INQ",
  OUTFLOW: "出库流量 OTQ",
  STORAGE: "蓄水量 W",
  RAINFALL: "降水量 DRP",
});

@ObjectType({ description: "A reading (SL 323 ST_RIVER_R / ST_RSVR_R)" })
export class HydroReading {
  @Field() observedAt!: Date;
  @Field(() => Float, { nullable: true, description: "Water level Z / RZ, m" }) level!: number | null;
  @Field(() => Float, { nullable: true, description: "Flow Q, m³/s" }) flow!: number | null;
  @Field(() => Float, { nullable: true, description: "Reservoir inflow INQ, m³/s" }) inflow!: number | null;
  @Field(() => Float, { nullable: true, description: "Reservoir outflow OTQ, m³/s" }) outflow!: number | null;
  @Field(() => Float, { nullable: true, description: "Reservoir storage W, 10⁶ m³" }) storage!: number | null;
  @Field(() => Float, { nullable: true, description: "Rainfall DRP, mm, over the rainfallHours that end at observedAt (ST_PPTN_R)" }) rainfall!: number | null;
  @Field(() => Float, { nullable: true, description: "The hours the rainfall was gathered over (INTV)" }) rainfallHours!: number | null;
}

@ObjectType({ description: "A reservoir's flood-season limit level for one period of the year (汛限水位)" })
export class FloodLimitPeriod {
  @Field({ description: "First day, MMDD (China time)" }) from!: string;
  @Field({ description: "Last day, MMDD, included" }) to!: string;
  @Field(() => Float, { description: "m" }) level!: number;
}

@ObjectType({ implements: Node, description: "Hydrological station (SL 323 ST_STBPRP_B)" })
@Directive(`@key(fields: "id")`)
@Directive(`@key(fields: "code")`)
export class HydroStation extends SharedRecord {
  @Field({ description: "STCD, 8 characters" }) code!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) river!: string | null;
  @Field({ description: "STTP as the source gives it: ZZ, ZQ, RR, PP" }) sttp!: string;
  @Field(() => Float) lon!: number;
  @Field(() => Float) lat!: number;
  @Field() regionCode!: string;
  @Field(() => Float, { nullable: true, description: "警戒水位 WRZ, m" }) warningLevel!: number | null;
  @Field(() => Float, { nullable: true, description: "保证水位 GRZ, m" }) guaranteedLevel!: number | null;
  @Field(() => Float, { nullable: true, description: "汛限水位 FSLTDZ in force today, m (reservoirs; null outside their flood season)" }) floodLimitLevel!: number | null;
  @Field(() => [FloodLimitPeriod], { nullable: true, description: "汛限水位 by period of the year (ST_RSVRFSR_B BGMD–EDMD)" }) floodLimitPeriods!: FloodLimitPeriod[] | null;
  @Field(() => Float, { nullable: true, description: "历史最高水位, m" }) historicalMaxLevel!: number | null;
}

export { StationType };
