/**
 * Subscriptions over graphql-ws. Each event names a record; the subscriber's
 * own reader loads it, so territory, catalogue and masking apply exactly as
 * for queries, and an event about a record out of scope is simply not sent.
 */
import { Arg, Ctx, Root, Subscription, Resolver } from "type-graphql";
import { canReadDataset } from "../../access/index.js";
import { divisionsOverlap, isWithinDivision } from "../../core/division.js";
import { levelRank, type WarningLevel } from "../../core/warning-level.js";
import type { DatasetName } from "../../data/datasets.js";
import { DATASETS } from "../../data/datasets.js";
import { toGlobalId } from "../../data/global-id.js";
import { ErrorCode, HubError } from "../../errors/hub-error.js";
import { boundedStream } from "../../events/bounded-stream.js";
import type { HubEvents, Published, Topic } from "../../events/hub-events.js";
import { parseRegionArg } from "../common/list.js";
import type { HubContext } from "../context.js";
import { HazardChangedFilter, MonitoringAlarmChangeFilter, WarningIssuedFilter } from "./live.filters.js";
import { MonitoringAlarmChange } from "../monitoring/monitoring.type.js";
import { DisasterReportChange } from "../response/disaster.type.js";
import { ConnectorRunEvent, HazardChange, RainfallAlert, RecordChange, WarningChange, WaterLevelAlert } from "./live.types.js";
import { loadForEvent, mayConcern } from "./shared-loads.js";

type Payload = Record<string, unknown>;
type Args = Record<string, unknown>;

/** The events of a topic, each turned into a payload (or skipped) for this subscriber. */
function eventsFor<K extends Topic>(ctx: HubContext, topic: K, accept: (event: HubEvents[K]) => Promise<Payload | null>) {
  return boundedStream<Published<HubEvents[K]>, Payload>({
    listen: (push) => ctx.events.subscribe(topic, push),
    accept: async (event) => {
      const payload = await accept(event);
      if (!payload) return null;
      ctx.reader.forget(); // nested fields of this event read current data
      return { ...payload, eventId: event.eventId };
    },
    capacity: ctx.config.liveBacklog,
  });
}

const optionalRegion = (value: unknown, argumentName: string) => (typeof value === "string" ? parseRegionArg(value, argumentName) : null);

@Resolver()
export class LiveResolver {
  @Subscription(() => HazardChange, {
    description: "Hazards reported, planned, submitted, accepted, rejected, supervised, cancelled or overdue, within your scope",
    subscribe: ({ args, context }: { args: Args; context: HubContext }) => {
      const filter = (args.filter ?? {}) as HazardChangedFilter;
      const region = optionalRegion(filter.region, "filter.region");
      return eventsFor(context, "hazard.changed", async (event) => {
        if (region && !isWithinDivision(event.regionCode, region)) return null;
        if (filter.grades?.length && !filter.grades.includes(event.grade)) return null;
        if (filter.states?.length && !filter.states.includes(event.state)) return null;
        if (!mayConcern(context, "Hazard", [event.regionCode], isWithinDivision)) return null;
        const hazard = await loadForEvent(context, "Hazard", event.hazardId, event.at);
        return hazard && { action: event.action, at: new Date(event.at), hazard };
      });
    },
  })
  hazardChanged(@Root() change: Payload, @Arg("filter", () => HazardChangedFilter, { nullable: true }) _filter?: HazardChangedFilter) {
    return change;
  }

  @Subscription(() => MonitoringAlarmChange, {
    description: "Monitoring alarms raised, acknowledged, handled, cleared or escalated, within your scope",
    subscribe: ({ args, context }: { args: Args; context: HubContext }) => {
      const filter = (args.filter ?? {}) as MonitoringAlarmChangeFilter;
      const region = optionalRegion(filter.region, "filter.region");
      return eventsFor(context, "monitoring.alarm", async (event) => {
        if (region && !isWithinDivision(event.regionCode, region)) return null;
        if (filter.levels?.length && !filter.levels.includes(event.level)) return null;
        if (filter.states?.length && !filter.states.includes(event.state)) return null;
        if (!mayConcern(context, "MonitoringAlarm", [event.regionCode], isWithinDivision)) return null;
        const alarm = await loadForEvent(context, "MonitoringAlarm", event.alarmId, event.at);
        return alarm && { action: event.action, at: new Date(event.at), alarm };
      });
    },
  })
  monitoringAlarm(@Root() change: Payload, @Arg("filter", () => MonitoringAlarmChangeFilter, { nullable: true }) _filter?: MonitoringAlarmChangeFilter) {
    return change;
  }

  @Subscription(() => DisasterReportChange, {
    description: "Disaster reports (灾情报送) received from the counties of your territory",
    subscribe: ({ args, context }: { args: Args; context: HubContext }) => {
      const region = optionalRegion(args.region, "region");
      return eventsFor(context, "disaster.reported", async (event) => {
        if (region && !isWithinDivision(event.regionCode, region)) return null;
        if (!mayConcern(context, "DisasterReport", [event.regionCode], isWithinDivision)) return null;
        const report = await loadForEvent(context, "DisasterReport", event.reportId, event.at);
        return report && { at: new Date(event.at), report };
      });
    },
  })
  disasterReported(@Root() change: Payload, @Arg("region", () => String, { nullable: true }) _region?: string) {
    return change;
  }

  @Subscription(() => WarningChange, {
    description: "Warnings issued, updated or cancelled, covering your territory",
    subscribe: ({ args, context }: { args: Args; context: HubContext }) => {
      const filter = (args.filter ?? {}) as WarningIssuedFilter;
      const region = optionalRegion(filter.region, "filter.region");
      return eventsFor(context, "warning.issued", async (event) => {
        if (region && !event.regionCodes.some((code) => divisionsOverlap(code, region))) return null;
        if (filter.minLevel && levelRank(event.level as WarningLevel) < levelRank(filter.minLevel as WarningLevel)) return null;
        if (filter.types?.length && !filter.types.includes(event.type)) return null;
        if (!mayConcern(context, "Warning", event.regionCodes, divisionsOverlap)) return null;
        const warning = await loadForEvent(context, "Warning", event.warningId, event.at);
        return warning && { change: event.change, at: new Date(event.at), warning };
      });
    },
  })
  warningIssued(@Root() change: Payload, @Arg("filter", () => WarningIssuedFilter, { nullable: true }) _filter?: WarningIssuedFilter) {
    return change;
  }

  @Subscription(() => WaterLevelAlert, {
    description: "A reading crossed its station's warning or guaranteed level (or fell back below it)",
    subscribe: ({ args, context }: { args: Args; context: HubContext }) => {
      const region = optionalRegion(args.region, "region");
      return eventsFor(context, "water.level", async (event) => {
        if (region && !isWithinDivision(event.regionCode, region)) return null;
        if (!mayConcern(context, "HydroStation", [event.regionCode], isWithinDivision)) return null;
        const station = await loadForEvent(context, "HydroStation", event.stationCode, event.observedAt);
        if (!station) return null;
        return { station, level: event.level, state: event.state, previousState: event.previousState, rising: isRising(event.previousState, event.state), observedAt: new Date(event.observedAt) };
      });
    },
  })
  waterLevelAlert(@Root() alert: Payload, @Arg("region", () => String, { nullable: true }) _region?: string) {
    return alert;
  }

  @Subscription(() => RainfallAlert, {
    description: "A rain gauge's rain of the last hours reached a threshold (EMHUB_RAINFALL_ALERTS), within your scope",
    subscribe: ({ args, context }: { args: Args; context: HubContext }) => {
      const region = optionalRegion(args.region, "region");
      return eventsFor(context, "rain.alert", async (event) => {
        if (region && !isWithinDivision(event.regionCode, region)) return null;
        if (!mayConcern(context, "HydroStation", [event.regionCode], isWithinDivision)) return null;
        const station = await loadForEvent(context, "HydroStation", event.stationCode, event.observedAt);
        return station && { station, hours: event.hours, millimetres: event.millimetres, threshold: event.threshold, observedAt: new Date(event.observedAt) };
      });
    },
  })
  rainfallAlert(@Root() alert: Payload, @Arg("region", () => String, { nullable: true }) _region?: string) {
    return alert;
  }

  @Subscription(() => RecordChange, {
    description: "Synchronised records created, updated or retired, within your scope",
    subscribe: ({ args, context }: { args: Args; context: HubContext }) => {
      const dataset = typeof args.dataset === "string" ? args.dataset : null;
      if (dataset !== null && !(dataset in DATASETS)) throw new HubError(ErrorCode.BAD_USER_INPUT, `Argument 'dataset': unknown dataset '${dataset}'`, { argumentName: "dataset" });
      const region = optionalRegion(args.region, "region");
      return eventsFor(context, "record.changed", async (event) => {
        if (dataset !== null && event.dataset !== dataset) return null;
        if (!(event.dataset in DATASETS)) return null;
        const record = await loadForEvent(context, event.dataset as DatasetName, event.key, event.at);
        if (!record || (region && !recordInRegion(record, region))) return null;
        return { dataset: event.dataset, change: event.change, at: new Date(event.at), id: toGlobalId(event.dataset, event.key), record };
      });
    },
  })
  recordChanged(
    @Root() change: Payload,
    @Arg("dataset", () => String, { nullable: true, description: "A GraphQL type name, e.g. Shelter" }) _dataset?: string,
    @Arg("region", () => String, { nullable: true }) _region?: string,
  ) {
    return change;
  }

  @Subscription(() => ConnectorRunEvent, {
    description: "Connector runs as they finish (ADMIN)",
    subscribe: ({ context }: { context: HubContext }) => {
      if (!canReadDataset(context.catalog, context.principal, "ConnectorRunEvent")) throw new HubError(ErrorCode.FORBIDDEN, "connectorRun is for administrators");
      return eventsFor(context, "connector.run", async (event) => ({ ...event, at: new Date(event.at) }));
    },
  })
  connectorRun(@Root() run: Payload) {
    return run;
  }
}

const ALERT_ORDER = ["UNKNOWN", "NORMAL", "ABOVE_FLOOD_LIMIT", "ABOVE_WARNING", "ABOVE_GUARANTEED", "ABOVE_HISTORICAL_MAX"];
function isRising(previous: string, current: string): boolean {
  return ALERT_ORDER.indexOf(current) > ALERT_ORDER.indexOf(previous);
}

function recordInRegion(record: Payload, region: string): boolean {
  if (typeof record.regionCode === "string") return isWithinDivision(record.regionCode, region);
  if (Array.isArray(record.regionCodes)) return (record.regionCodes as string[]).some((code) => divisionsOverlap(code, region));
  return true;
}
