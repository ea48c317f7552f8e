/**
 * `Warning.response`: what a warning calls on in its areas — the plans that
 * cover its event with the response levels they set, the experts of the
 * matching speciality in its cities, who is on duty now at the bureaus of its
 * areas, the information officers of its villages, and the disaster reports
 * of the last days. Each list is read under its own dataset's rules, so a
 * reader sees of it what they may read.
 */
import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from "type-graphql";
import { canReadDataset } from "../../access/index.js";
import { divisionPrefix, divisionsOverlap } from "../../core/division.js";
import { planEventsFor, specialitiesFor } from "../../core/response.js";
import type { DatasetName } from "../../data/datasets.js";
import type { Row, Where } from "../../data/reader.js";
import { territoryWhere } from "../../data/scope-where.js";
import type { HubContext } from "../context.js";
import { DisasterReport } from "./disaster.type.js";
import { onDutyWhere } from "./duty.resolver.js";
import { Warning } from "../warning/warning.type.js";
import { DutyShift, Expert, InformationOfficer, PlanResponse } from "./response.type.js";

@ObjectType({ description: "What a warning calls on in its areas (预警响应), each list as the reader may read it" })
export class WarningResponse {
  @Field(() => [PlanResponse], { description: "Plans covering its event in or above its areas, with the response levels they set" }) plans!: unknown[];
  @Field(() => [Expert], { description: "Experts of the matching speciality in the cities of its areas" }) experts!: unknown[];
  @Field(() => [DutyShift], { description: "Who is on duty now at the bureaus of its areas and above" }) dutyOfficers!: unknown[];
  @Field(() => [InformationOfficer], { description: "The information officers and grid members of the villages in its areas" }) informationOfficers!: unknown[];
  @Field(() => [DisasterReport], { description: "Disaster reports of its areas of the last 7 days, newest first" }) disasterReports!: unknown[];
}

/** Days of disaster reports a response lists. */
const REPORT_DAYS = 7;
/** Rows of each list at most. */
const LIMIT = 50;

/** Rows of `dataset` within any of the warning's areas (or the cities of them), with `extra`; none when the reader may not read it. */
async function within(ctx: HubContext, dataset: DatasetName, codes: readonly string[], extra: Where, columns?: string[]): Promise<Row[]> {
  if (!canReadDataset(ctx.catalog, ctx.principal, dataset) || codes.length === 0) return [];
  const rows = await ctx.reader.all(dataset, { AND: [{ OR: codes.map((code) => territoryWhere(dataset, divisionPrefix(code))) }, extra] }, columns);
  return rows.slice(0, LIMIT).map((row) => ctx.reader.present(dataset, row));
}

@Resolver(() => Warning)
export class WarningResponseResolver {
  @FieldResolver(() => WarningResponse, { nullable: true, description: "What the warning calls on in its areas: plans, experts, duty officers, information officers, disaster reports (null for readers it is not shared with)" })
  async response(@Root() warning: Row, @Ctx() ctx: HubContext): Promise<WarningResponse> {
    const type = warning.type as string;
    const areas = (warning.regionCodes as string[]) ?? [];
    const cities = [...new Set(areas.map((code) => code.slice(0, 4)))];
    const now = new Date();
    const [plans, experts, dutyOfficers, informationOfficers, disasterReports] = await Promise.all([
      canReadDataset(ctx.catalog, ctx.principal, "EmergencyPlan") ? ctx.reader.all("EmergencyPlan", { eventTypes: { hasSome: planEventsFor(type) } }) : Promise.resolve([]),
      specialitiesFor(type).length === 0 ? Promise.resolve([]) : within(ctx, "Expert", cities, { specialities: { hasSome: specialitiesFor(type) } }),
      within(ctx, "DutyShift", [...cities, ...areas], onDutyWhere(now)),
      within(ctx, "InformationOfficer", areas, {}),
      within(ctx, "DisasterReport", areas, { sentAt: { gte: new Date(now.getTime() - REPORT_DAYS * 86_400_000) } }),
    ]);
    // a plan answers when its territory lies in one of the areas or contains it (the province's, the city's)
    const answering = plans.filter((plan) => areas.some((code) => divisionsOverlap(plan.regionCode as string, code))).slice(0, LIMIT);
    return {
      plans: answering.map((plan) => ({ plan: ctx.reader.present("EmergencyPlan", plan), responseLevels: plan.responseLevels as string[] })),
      experts,
      dutyOfficers,
      informationOfficers,
      disasterReports,
    };
  }
}
