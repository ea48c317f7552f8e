/**
 * `geometry`: GeoJSON (RFC 7946, longitude first) on every located record —
 * a Point of its lat/lon — and on warning areas and warnings (their polygons
 * and circles). The catalogue classes it as the coordinates it is made of.
 */
import { GraphQLJSONObject } from "graphql-scalars";
import { Ctx, FieldResolver, Resolver, Root, type ClassType } from "type-graphql";
import { areaGeometry, areasGeometry, pointGeometry } from "../../core/geojson.js";
import type { Row } from "../../data/reader.js";
import type { HubContext } from "../context.js";
import { Enterprise } from "../enterprise/enterprise.type.js";
import { GeoHazardPoint } from "../geo-hazard/geo-hazard.type.js";
import { HydroStation } from "../hydro/hydro.type.js";
import { MonitoringAlarm, MonitoringPoint } from "../monitoring/monitoring.type.js";
import { Expert } from "../response/response.type.js";
import { RescueTeam, Shelter, SupplyDepot } from "../resources/resources.type.js";
import { RoadHazard } from "../road-hazard/road-hazard.type.js";
import { Warning, WarningArea } from "../warning/warning.type.js";

const POINT = "GeoJSON Point (RFC 7946: [longitude, latitude]) of the record's position; null without one";

function pointGeometryResolver(type: ClassType): ClassType {
  @Resolver(() => type)
  class PointGeometryResolver {
    @FieldResolver(() => GraphQLJSONObject, { nullable: true, description: POINT })
    geometry(@Root() row: Row) {
      return pointGeometry(row.lat as number | null, row.lon as number | null);
    }
  }
  return PointGeometryResolver;
}

/** Records placed where their enterprise is (a monitoring point, its alarms). */
function enterpriseGeometryResolver(type: ClassType): ClassType {
  @Resolver(() => type)
  class EnterpriseGeometryResolver {
    @FieldResolver(() => GraphQLJSONObject, { nullable: true, description: "GeoJSON Point of its enterprise's position; null without one" })
    async geometry(@Root() row: Row, @Ctx() ctx: HubContext) {
      const enterprise = await ctx.reader.byKey("Enterprise", row.enterpriseCode as string);
      return enterprise ? pointGeometry(enterprise.lat as number | null, enterprise.lon as number | null) : null;
    }
  }
  return EnterpriseGeometryResolver;
}

@Resolver(() => WarningArea)
class WarningAreaGeometryResolver {
  @FieldResolver(() => GraphQLJSONObject, { nullable: true, description: "GeoJSON Polygon or MultiPolygon of the area's CAP polygons and circles (a circle as a 64-point ring); null for an area given by geocodes only" })
  geometry(@Root() area: Row) {
    return areaGeometry({ polygons: (area.polygons as string[]) ?? [], circles: (area.circles as string[]) ?? [] });
  }
}

@Resolver(() => Warning)
class WarningGeometryResolver {
  @FieldResolver(() => GraphQLJSONObject, { nullable: true, description: "GeoJSON of all the warning's drawn areas; null when its areas are given by geocodes only" })
  async geometry(@Root() warning: Row, @Ctx() ctx: HubContext) {
    const areas = await ctx.reader.childrenOf("WarningArea", "warningId", warning.key as string);
    return areasGeometry(areas.map((area) => ({ polygons: (area.polygons as string[]) ?? [], circles: (area.circles as string[]) ?? [] })));
  }
}

export const GEOMETRY_RESOLVERS: ClassType[] = [
  ...[Enterprise, Shelter, RescueTeam, SupplyDepot, HydroStation, GeoHazardPoint, RoadHazard, Expert].map(pointGeometryResolver),
  ...[MonitoringPoint, MonitoringAlarm].map(enterpriseGeometryResolver),
  WarningAreaGeometryResolver,
  WarningGeometryResolver,
];
