/**
 * A region's situation (一屏总览) as figures, computed from the records the
 * reader may read — each through the Reader, so territory, sector and
 * catalogue apply — and null where a dataset is not shared with the reader
 * (never a zero that is not one).
 */
import { canReadDataset } from "../../access/index.js";
import { hazardStats, OPEN_STATES } from "../../core/hazard/index.js";
import { waterLevelState } from "../../core/hydro.js";
import { overdueStages } from "../../core/disaster-reports.js";
import { WARNING_LEVELS } from "../../core/warning-level.js";
import type { DatasetName } from "../../data/datasets.js";
import type { Row } from "../../data/reader.js";
import { territoryWhere } from "../../data/scope-where.js";
import { sumOf } from "../common/figures.js";
import type { HubContext } from "../context.js";
import { figureHazards, regionName, type RegionArg } from "../supervision/supervision-data.js";
import { connectorStatuses } from "../sync/sync.resolver.js";
import { warningStatusWhere } from "../warning/warning-status.js";
import type { Situation } from "./situation.type.js";

/** Disaster processes the board looks at for reports due: those of the last 60 days. */
const RECENT_PROCESS_DAYS = 60;

const ABOVE_WARNING = new Set(["ABOVE_WARNING", "ABOVE_GUARANTEED", "ABOVE_HISTORICAL_MAX"]);
const ABOVE_GUARANTEED = new Set(["ABOVE_GUARANTEED", "ABOVE_HISTORICAL_MAX"]);
const THRESHOLDS = ["warningLevel", "guaranteedLevel", "floodLimitLevel", "floodLimitPeriods", "historicalMaxLevel"];

function countBy(rows: Row[], field: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(String(row[field]), (counts.get(String(row[field])) ?? 0) + 1);
  return counts;
}

export async function situationOf(ctx: HubContext, region: RegionArg): Promise<Situation> {
  const now = new Date();
  const may = (dataset: DatasetName | "HazardStats") => canReadDataset(ctx.catalog, ctx.principal, dataset);
  const rows = (dataset: DatasetName, columns: string[], extra: Record<string, unknown> = {}) =>
    may(dataset) ? ctx.reader.all(dataset, { AND: [territoryWhere(dataset, region.prefix), extra] }, columns) : Promise.resolve(null);

  const since = new Date(now.getTime() - RECENT_PROCESS_DAYS * 86_400_000);
  const [name, warnings, stations, shelters, teams, hazards, alarms, processes, reports, connectors] = await Promise.all([
    regionName(ctx, region),
    rows("Warning", ["level", "type"], warningStatusWhere("ACTIVE", now)),
    rows("HydroStation", ["code", ...THRESHOLDS]),
    rows("Shelter", ["status", "capacity"], { status: { not: "CLOSED" } }),
    rows("RescueTeam", ["status", "headcount"], { status: "STANDBY" }),
    may("Hazard") && may("HazardStats") ? figureHazards(ctx, region, []) : Promise.resolve(null),
    rows("MonitoringAlarm", ["level", "escalatedAt"], { state: { not: "CLEARED" } }),
    rows("DisasterEvent", ["id", "occurredAt", "endedAt"], { occurredAt: { gte: since } }),
    rows("DisasterReport", ["eventId", "stage"], { sentAt: { gte: since } }),
    connectorFreshness(ctx, now),
  ]);

  let stationStates: string[] | null = null;
  if (stations) {
    const latest = await Promise.all(stations.map((station) => (may("HydroReading") ? ctx.reader.latestOf("HydroReading", "stationCode", station.code as string, "observedAt") : null)));
    stationStates = stations.map((station, i) => waterLevelState((latest[i]?.level as number | null) ?? null, station as never, (latest[i]?.observedAt as Date | undefined) ?? now));
  }
  const figures = hazards ? hazardStats(hazards, { now }) : null;
  const openMajor = hazards?.filter((h) => h.grade === "MAJOR" && (OPEN_STATES as readonly string[]).includes(h.state)) ?? null;
  const byLevel = warnings ? countBy(warnings, "level") : new Map<string, number>();
  const byType = warnings ? countBy(warnings, "type") : new Map<string, number>();
  return {
    region: region.code,
    regionName: name,
    asOf: now,
    warningsInForce: warnings?.length ?? null,
    warningsByLevel: [...WARNING_LEVELS].reverse().map((level) => ({ level, count: byLevel.get(level) ?? 0 })),
    warningsByType: [...byType.entries()].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
    stationsAboveWarning: stationStates?.filter((state) => ABOVE_WARNING.has(state)).length ?? null,
    stationsAboveGuaranteed: stationStates?.filter((state) => ABOVE_GUARANTEED.has(state)).length ?? null,
    hazardsOpen: figures?.open ?? null,
    hazardsOverdue: figures?.overdue ?? null,
    hazardsMajor: openMajor?.length ?? null,
    hazardsSupervised: openMajor?.filter((h) => h.supervisedBy !== null).length ?? null,
    alarmsOpen: alarms?.length ?? null,
    disasterReportsOverdue: processes && reports ? processes.reduce((n, p) => n + overdueStages(p as never, reports.filter((r) => r.eventId === p.id) as never, now).length, 0) : null,
    alarmsEscalated: alarms?.filter((alarm) => alarm.escalatedAt !== null).length ?? null,
    sheltersOpen: shelters?.length ?? null,
    shelterCapacity: shelters ? sumOf(shelters, "capacity") : null,
    teamsOnStandby: teams?.length ?? null,
    standbyHeadcount: teams ? sumOf(teams, "headcount") : null,
    connectors,
  };
}

async function connectorFreshness(ctx: HubContext, now: Date) {
  return (await connectorStatuses(ctx, now)).map(({ name, dataAgeSeconds, stale }) => ({ name, dataAgeSeconds, stale }));
}
