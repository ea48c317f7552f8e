/** Builds the executable schema from the type-graphql resolvers. */
import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { NodeResolver } from "./common/node.resolver.js";
import { fieldPolicy } from "./field-policy.js";
import { EnterpriseResolver } from "./enterprise/enterprise.resolver.js";
import { GeoHazardResolver } from "./geo-hazard/geo-hazard.resolver.js";
import { HazardResolver } from "./hazard/hazard.resolver.js";
import { HydroResolver } from "./hydro/hydro.resolver.js";
import { RegionResolver } from "./region/region.resolver.js";
import { RescueTeamResolver, ResourcesResolver, SupplyDepotResolver } from "./resources/resources.resolver.js";
import { RoadHazardResolver } from "./road-hazard/road-hazard.resolver.js";
import { WarningResolver } from "./warning/warning.resolver.js";

export const RESOLVERS = [
  NodeResolver,
  RegionResolver,
  EnterpriseResolver,
  HazardResolver,
  ResourcesResolver,
  RescueTeamResolver,
  SupplyDepotResolver,
  WarningResolver,
  HydroResolver,
  GeoHazardResolver,
  RoadHazardResolver,
] as const;

let cached: Promise<GraphQLSchema> | null = null;

/** The schema is built once per process: type-graphql's metadata is global. */
export function hubSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({ resolvers: RESOLVERS, validate: false, globalMiddlewares: [fieldPolicy] });
  return cached;
}
