/** Builds the executable schema from the type-graphql resolvers. */
import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { buildSchema, getMetadataStorage } from "type-graphql";
import { AuditResolver } from "./audit/audit.resolver.js";
import { NodeResolver } from "./common/node.resolver.js";
import { applyFieldPolicy } from "./field-policy.js";
import { GEOMETRY_RESOLVERS } from "./geo/geometry.resolver.js";
import { WarningImpactResolver } from "./geo/warning-impact.resolver.js";
import { RiskPointResolver } from "./enterprise/risk-point.resolver.js";
import { IndicatorsResolver } from "./indicators/indicators.resolver.js";
import { EnterpriseNoticeResolver } from "./enterprise/enterprise-notice.resolver.js";
import { EnterpriseQrResolver } from "./enterprise/enterprise-qr.resolver.js";
import { EnterpriseResolver } from "./enterprise/enterprise.resolver.js";
import { GeoHazardResolver } from "./geo-hazard/geo-hazard.resolver.js";
import { HazardMutations } from "./hazard/hazard.mutations.js";
import { HazardResolver } from "./hazard/hazard.resolver.js";
import { HydroResolver } from "./hydro/hydro.resolver.js";
import { LiveResolver } from "./live/live.resolver.js";
import { RegionSituationResolver, SituationResolver } from "./live/situation.resolver.js";
import { RegionResolver } from "./region/region.resolver.js";
import { AuthorityResolver, HazardAuthorityResolver } from "./hazard/authority.resolver.js";
import { RescueTeamResolver, ResourcesResolver, SupplyDepotResolver } from "./resources/resources.resolver.js";
import { RoadHazardResolver } from "./road-hazard/road-hazard.resolver.js";
import { SupervisionResolver } from "./supervision/supervision.resolver.js";
import { SyncResolver } from "./sync/sync.resolver.js";
import { WarningResolver } from "./warning/warning.resolver.js";
import { TipOffResolver } from "./tip-off/tip-off.resolver.js";
import { EnforcementActionResolver, EnterpriseEnforcementResolver } from "./enforcement/enforcement.resolver.js";
import { EnterpriseMonitoringResolver, MonitoringAlarmResolver, MonitoringPointResolver } from "./monitoring/monitoring.resolver.js";
import { AlarmMutations } from "./monitoring/alarm.mutations.js";
import { EmergencyPlanResolver, ExpertResolver } from "./response/response.resolver.js";
import { DisasterEventResolver, DisasterReportResolver } from "./response/disaster.resolver.js";
import { DutyShiftResolver, InformationOfficerResolver } from "./response/duty.resolver.js";
import { WarningResponseResolver } from "./response/warning-response.resolver.js";

export const RESOLVERS = [
  NodeResolver,
  RegionResolver,
  AuthorityResolver,
  HazardAuthorityResolver,
  EnterpriseResolver,
  EnterpriseQrResolver,
  EnterpriseNoticeResolver,
  RiskPointResolver,
  IndicatorsResolver,
  ...GEOMETRY_RESOLVERS,
  WarningImpactResolver,
  HazardResolver,
  HazardMutations,
  SupervisionResolver,
  ResourcesResolver,
  RescueTeamResolver,
  SupplyDepotResolver,
  WarningResolver,
  HydroResolver,
  GeoHazardResolver,
  RoadHazardResolver,
  TipOffResolver,
  EnforcementActionResolver,
  EnterpriseEnforcementResolver,
  MonitoringPointResolver,
  MonitoringAlarmResolver,
  EnterpriseMonitoringResolver,
  AlarmMutations,
  EmergencyPlanResolver,
  ExpertResolver,
  DisasterEventResolver,
  DisasterReportResolver,
  DutyShiftResolver,
  InformationOfficerResolver,
  WarningResponseResolver,
  AuditResolver,
  LiveResolver,
  SituationResolver,
  RegionSituationResolver,
  SyncResolver,
] as const;

/**
 * type-graphql insists on a PubSub even though every subscription here brings
 * its own `subscribe` (src/graph/live), fed by the hub's EventBus.
 */
const NO_PUBSUB = {
  publish() {
    throw new Error("publish through the hub's EventBus (src/events)");
  },
  subscribe(): never {
    throw new Error("subscriptions subscribe through the hub's EventBus (src/events)");
  },
};

let cached: Promise<GraphQLSchema> | null = null;

/** The schema is built once per process (type-graphql's metadata is global), with the catalogue's field policy on every field. */
export function hubSchema(): Promise<GraphQLSchema> {
  // Plain fields read their property with graphql's default resolver: no type-graphql wrapper around each
  // (it only runs middlewares, and the hub has none). Field resolvers are not affected.
  if (!cached) {
    for (const type of getMetadataStorage().objectTypes) type.simpleResolvers ??= true;
    cached = buildSchema({ resolvers: RESOLVERS, validate: false, pubSub: NO_PUBSUB }).then((schema) => {
      applyFieldPolicy(schema);
      return schema;
    });
  }
  return cached;
}
