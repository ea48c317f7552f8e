import { HazardDiscoverySource } from "../common/enums.js";
import { Field, Float, Int, ObjectType } from "type-graphql";
import type { Row } from "../../data/reader.js";
import { Hazard } from "../hazard/hazard.type.js";

/** The figures of src/core/hazard/stats.ts (hazardStats), for one set of hazards. */
@ObjectType()
abstract class HazardFigures {
  @Field(() => Int, { description: "Hazards found in the window, whatever their state" }) total!: number;
  @Field(() => Int, { description: "Of those, not closed or cancelled" }) open!: number;
  @Field(() => Int, { description: "Of those, closed (销号)" }) closed!: number;
  @Field(() => Int, { description: "Of those, cancelled" }) cancelled!: number;
  @Field(() => Float, { description: "整改率: closed / (total − cancelled), 0 when that is 0, 4 decimals" }) rectificationRate!: number;
  @Field(() => Int, { description: "Open and past the binding deadline now" }) overdue!: number;
  @Field(() => Int, { description: "MAJOR hazards (重大事故隐患)" }) major!: number;
  @Field(() => Int, { description: "Of the MAJOR ones, listed for supervised rectification (挂牌督办)" }) majorSupervised!: number;
  @Field(() => Float, { nullable: true, description: "Median days from found to closed, over closed hazards; null when none" }) medianDaysToClose!: number | null;
}

@ObjectType({ description: "Hazard figures of one region under the one asked for" })
export class RegionHazardStats extends HazardFigures {
  @Field({ description: "Division code (6 or 12 digits)" }) region!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
}

@ObjectType({ description: "Supervision figures (rectification rate, overdue, major hazards) within your territory" })
export class HazardStats extends HazardFigures {
  @Field({ description: "Division code the figures are for" }) region!: string;
  @Field(() => String, { nullable: true }) sector!: string | null;
  @Field(() => Date, { nullable: true, description: "Found at or after" }) from!: Date | null;
  @Field(() => Date, { nullable: true, description: "Found before" }) to!: Date | null;
  @Field({ description: "The instant overdue was judged at" }) asOf!: Date;
  @Field(() => [RegionHazardStats], { description: "By the regions directly under `region` (and the region itself, when hazards are registered at its level)" })
  byRegion!: RegionHazardStats[];
}

@ObjectType({ description: "The bi-monthly bulletin (双月通报) of one region" })
export class Bulletin {
  @Field({ description: "Division code" }) region!: string;
  @Field() regionName!: string;
  @Field({ description: "Period key, e.g. 2026-P6 (November–December)" }) period!: string;
  @Field({ description: "First day, YYYY-MM-DD" }) firstDay!: string;
  @Field({ description: "Last day, YYYY-MM-DD" }) lastDay!: string;
  @Field({ description: "Start of the period, 00:00+08:00 of its first day" }) from!: Date;
  @Field({ description: "End of the period (exclusive)" }) to!: Date;
  @Field({ description: "The end of the period, or now for the running period: figures are as of this instant" }) asOf!: Date;
  @Field(() => Int, { description: "Hazards found in the period (新增)" }) new!: number;
  @Field(() => Int, { description: "Hazards closed in the period (销号)" }) closed!: number;
  @Field(() => Int, { description: "Hazards open at asOf, whenever found (未销号)" }) stillOpen!: number;
  @Field(() => Int, { description: "Of those open at asOf, past their deadline (逾期)" }) overdue!: number;
  @Field(() => [Hazard], { description: "MAJOR hazards open at asOf, oldest first (重大事故隐患清单)" }) majorHazards!: Row[];
  @Field(() => [Hazard], { description: "突出问题: hazards open at asOf that are MAJOR, under supervised rectification or past their deadline, oldest first" }) prominentIssues!: Row[];
  @Field(() => [HazardDiscoverySource], { nullable: true, description: "The discovery sources the bulletin counts (null: all)" }) sources!: string[] | null;
  @Field(() => [String], { nullable: true, description: "The sectors (条) whose hazards the bulletin counts, as the catalogue limits your reading: null for every sector" }) sectors!: string[] | null;
}
