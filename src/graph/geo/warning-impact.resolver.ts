/**
 * `Warning.affected`: what lies in a warning's areas — shelters and their
 * capacity, rescue teams, supply depots, geological hazard points, road
 * hazards, and enterprises with major hazard sources — among the records the
 * reader may read. Candidates are the records of the warning's divisions,
 * read through the Reader (so territory, sector and catalogue apply as to
 * any list); a drawn area (polygon, circle) then keeps those inside it, an
 * area given by geocodes those of its divisions (core/geojson.ts).
 */
import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from "type-graphql";
import { parseDivisionPrefix } from "../../core/division.js";
import { placeInArea, type CapArea } from "../../core/geojson.js";
import type { DatasetName } from "../../data/datasets.js";
import type { Row } from "../../data/reader.js";
import { territoryWhere } from "../../data/scope-where.js";
import { sumOf } from "../common/figures.js";
import type { HubContext } from "../context.js";
import { spendFigure } from "../figure-budget.js";
import { Enterprise } from "../enterprise/enterprise.type.js";
import { GeoHazardPoint } from "../geo-hazard/geo-hazard.type.js";
import { RescueTeam, Shelter, SupplyDepot } from "../resources/resources.type.js";
import { RoadHazard } from "../road-hazard/road-hazard.type.js";
import { Warning } from "../warning/warning.type.js";

@ObjectType({ description: "What lies in a warning's areas, among the records the reader may read" })
export class WarningImpact {
  @Field(() => [Shelter]) shelters!: Row[];
  @Field(() => Int, { description: "People the shelters can take, summed" }) shelterCapacity!: number;
  @Field(() => [RescueTeam]) rescueTeams!: Row[];
  @Field(() => Int, { description: "Members of those teams, summed" }) rescueHeadcount!: number;
  @Field(() => [SupplyDepot]) supplyDepots!: Row[];
  @Field(() => [GeoHazardPoint]) geoHazardPoints!: Row[];
  @Field(() => [RoadHazard]) roadHazards!: Row[];
  @Field(() => [Enterprise], { description: "Enterprises with major hazard sources (重大危险源)" }) enterprises!: Row[];
  @Field(() => Int, { description: "Records found, all kinds together" }) total!: number;
}


/** The significant prefixes of a warning's division codes (410200 → 4102). */
function warningPrefixes(warning: Row): string[] {
  return [...new Set(((warning.regionCodes as string[]) ?? []).map((code) => parseDivisionPrefix(code)).flatMap((r) => (r.ok ? [r.code] : [])))];
}

@Resolver(() => Warning)
export class WarningImpactResolver {
  @FieldResolver(() => WarningImpact, { description: "Shelters, teams, depots, geological hazard points, road hazards and enterprises with major hazard sources inside the warning's areas, in the reader's scope" })
  async affected(@Root() warning: Row, @Ctx() ctx: HubContext): Promise<WarningImpact> {
    spendFigure(ctx, "Warning.affected");
    const areas = (await ctx.reader.childrenOf("WarningArea", "warningId", warning.key as string)) as unknown as CapArea[];
    const prefixes = warningPrefixes(warning);
    const inAreas = async (dataset: DatasetName) => {
      if (prefixes.length === 0 || areas.length === 0) return [];
      const rows = await ctx.reader.all(dataset, { OR: prefixes.map((prefix) => territoryWhere(dataset, prefix)) });
      const inside = rows.filter((row) => areas.some((area) => placeInArea({ lat: row.lat as number | null, lon: row.lon as number | null, regionCode: row.regionCode as string | null }, area)));
      return inside.map((row) => ctx.reader.present(dataset, row));
    };
    const [shelters, rescueTeams, supplyDepots, geoHazardPoints, roadHazards, located] = await Promise.all([
      inAreas("Shelter"),
      inAreas("RescueTeam"),
      inAreas("SupplyDepot"),
      inAreas("GeoHazardPoint"),
      inAreas("RoadHazard"),
      inAreas("Enterprise"),
    ]);
    const withSources = located.length === 0 ? new Set<string>() : new Set((await ctx.reader.all("MajorHazardSource", { enterpriseCode: { in: located.map((e) => e.key as string) } }, ["enterpriseCode"])).map((s) => s.enterpriseCode as string));
    const enterprises = located.filter((e) => withSources.has(e.key as string));
    return {
      shelters,
      shelterCapacity: sumOf(shelters, "capacity"),
      rescueTeams,
      rescueHeadcount: sumOf(rescueTeams, "headcount"),
      supplyDepots,
      geoHazardPoints,
      roadHazards,
      enterprises,
      total: shelters.length + rescueTeams.length + supplyDepots.length + geoHazardPoints.length + roadHazards.length + enterprises.length,
    };
  }
}

