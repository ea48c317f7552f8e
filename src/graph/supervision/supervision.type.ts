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
  @Field(() => Float, { nullable: true, description: "整改率: closed / (total − cancelled), 4 decimals; null when there is no hazard to rectify" }) rectificationRate!: number | null;
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

@ObjectType({ description: "Hazard figures of one sector (行业领域, 条) in the region asked for" })
export class SectorHazardStats extends HazardFigures {
  @Field({ description: "The enterprise's sector, as hazards record it" }) sector!: string;
}

@ObjectType({ description: "Hazard figures of one sector in one region under the one asked for: a cell of the 条块 matrix" })
export class SectorRegionHazardStats extends HazardFigures {
  @Field() sector!: string;
  @Field({ description: "Division code (6 or 12 digits)" }) region!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
}

@ObjectType({ description: "Supervision figures (rectification rate, overdue, major hazards) within your territory" })
export class HazardStats extends HazardFigures {
  @Field({ description: "Division code the figures are for" }) region!: string;
  @Field(() => String, { nullable: true, description: "The region's name" }) name!: string | null;
  @Field(() => String, { nullable: true }) sector!: string | null;
  @Field(() => Date, { nullable: true, description: "Found at or after" }) from!: Date | null;
  @Field(() => Date, { nullable: true, description: "Found before" }) to!: Date | null;
  @Field({ description: "The instant overdue was judged at" }) asOf!: Date;
  @Field(() => [RegionHazardStats], { description: "By the regions directly under `region` (and the region itself, when hazards are registered at its level)" })
  byRegion!: RegionHazardStats[];
  @Field(() => [SectorHazardStats], { description: "By sector (条), the sectors with hazards in the window, by name" })
  bySector!: SectorHazardStats[];
  @Field(() => [SectorRegionHazardStats], { description: "The 条块 matrix: by sector and by the regions under `region`, every non-empty cell, in the order of bySector then byRegion" })
  matrix!: SectorRegionHazardStats[];
}

@ObjectType()
abstract class ClearanceFigures {
  @Field(() => Int, { description: "Hazards the previous bulletin listed as open (上期通报未销号)" }) listed!: number;
  @Field(() => Int, { description: "Of those, closed or cancelled since (已清零)" }) cleared!: number;
  @Field(() => Int, { description: "Of those, open still (未清零)" }) notCleared!: number;
}

@ObjectType({ description: "清零 of one region under the bulletin's" })
export class RegionClearance extends ClearanceFigures {
  @Field({ description: "Division code (6 or 12 digits)" }) region!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
}

@ObjectType({ description: "清零 of one sector (条)" })
export class SectorClearance extends ClearanceFigures {
  @Field() sector!: string;
}

@ObjectType({ description: "清零 tracking (安全隐患双月通报清零制度): the hazards the previous bulletin listed as open, and which are open still" })
export class BulletinClearance extends ClearanceFigures {
  @Field({ description: "The previous period, e.g. 2026-P5" }) previousPeriod!: string;
  @Field({ description: "The end of the previous period: the hazards open then are the ones listed" }) listedAt!: Date;
  @Field(() => [RegionClearance], { description: "By the regions under the bulletin's (and itself, when hazards are registered at its level)" }) byRegion!: RegionClearance[];
  @Field(() => [SectorClearance], { description: "By sector, by name" }) bySector!: SectorClearance[];
  @Field(() => [Hazard], { description: "The listed hazards open still, oldest first" }) notClearedHazards!: Row[];
}

@ObjectType({ description: "The law-enforcement inspections (执法检查) of the bulletin's period in its region" })
export class BulletinEnforcement {
  @Field(() => Int, { description: "Inspections in the period" }) inspections!: number;
  @Field(() => Int, { description: "Of those, ordering rectification (责令立即整改 or 限期整改)" }) rectificationOrders!: number;
  @Field(() => Int, { description: "Of those, ordering a suspension (责令停产停业整顿)" }) suspensions!: number;
  @Field(() => Int, { description: "Of those, imposing a penalty" }) penalties!: number;
  @Field(() => Float, { description: "Fines imposed, yuan" }) finesYuan!: number;
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
  @Field(() => BulletinClearance, { description: "清零: what became of the hazards the previous bulletin listed" }) clearance!: BulletinClearance;
  @Field(() => BulletinEnforcement, { nullable: true, description: "The period's law-enforcement inspections; null when you may not read them" }) enforcement!: BulletinEnforcement | null;
}
