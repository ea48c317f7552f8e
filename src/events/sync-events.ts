/**
 * The events of synchronisation: as each document of a run is written, every
 * record it created, updated or retired, warnings issued, updated or
 * cancelled and hazards changed by their source (publishSyncChanges, given to
 * runSync as `onChanges`); when the run is over, the run itself and water
 * levels that crossed a threshold (publishSyncRun).
 */
import { DEFAULT_RAIN_THRESHOLDS, rainAlerts, type RainThreshold } from "../core/rainfall.js";
import { isWaterAlert, waterLevelState, type FloodLimitPeriod, type WaterLevelState } from "../core/hydro.js";
import type { Prisma } from "../data/database.js";
import type { RecordChange } from "../sync/apply-outcome.js";
import { tableOfSyncDataset } from "../sync/dataset-models.js";
import type { SyncSummary } from "../sync/run-sync.js";
import type { EventBus } from "./event-bus.js";
import { hazardChanged } from "./hazard-events.js";
import { publishAlarmChange } from "./alarm-events.js";
import type { WarningIssued } from "./hub-events.js";

const CHANGE = { created: "CREATED", updated: "UPDATED", retired: "RETIRED" } as const;

export async function publishSyncChanges(prisma: Prisma, events: EventBus, changes: RecordChange[]): Promise<void> {
  const at = new Date().toISOString();
  for (const change of changes) events.publish("record.changed", { dataset: tableOfSyncDataset(change.dataset), key: change.key, change: CHANGE[change.change], at });
  await publishWarnings(prisma, events, changes, at);
  await publishHazards(prisma, events, changes, at);
  await publishAlarms(prisma, events, changes, at);
  await publishDisasterReports(prisma, events, changes, at);
}

export async function publishSyncRun(prisma: Prisma, events: EventBus, summary: SyncSummary, rainThresholds: readonly RainThreshold[] = DEFAULT_RAIN_THRESHOLDS): Promise<void> {
  events.publish("connector.run", {
    runId: summary.runId,
    connector: summary.connector,
    ok: summary.ok,
    ...summary.counts,
    error: summary.errors.length > 0 ? summary.errors.join("; ") : null,
    at: new Date().toISOString(),
  });
  await publishWaterLevels(prisma, events, summary.runId);
  await publishRainAlerts(prisma, events, summary.runId, rainThresholds);
}

/** Rainfall readings this run added that made a gauge's accumulation cross a threshold. */
async function publishRainAlerts(prisma: Prisma, events: EventBus, runId: string, thresholds: readonly RainThreshold[]) {
  const run = await prisma.syncRun.findUnique({ where: { id: runId }, select: { startedAt: true } });
  if (!run || thresholds.length === 0) return;
  const fresh = await prisma.hydroReading.findMany({ where: { fetchedAt: { gte: run.startedAt }, rainfall: { not: null } }, orderBy: [{ stationCode: "asc" }, { observedAt: "asc" }] });
  const reach = Math.max(...thresholds.map((t) => t.hours)) * 3_600_000;
  for (const code of new Set(fresh.map((reading) => reading.stationCode))) {
    const ofStation = fresh.filter((reading) => reading.stationCode === code).map((r) => ({ observedAt: r.observedAt, rainfall: r.rainfall! }));
    const history = await prisma.hydroReading.findMany({
      where: { stationCode: code, rainfall: { not: null }, observedAt: { gte: new Date(ofStation[0]!.observedAt.getTime() - reach), lt: ofStation[0]!.observedAt } },
    });
    const alerts = rainAlerts(history.map((r) => ({ observedAt: r.observedAt, rainfall: r.rainfall! })), ofStation, thresholds);
    if (alerts.length === 0) continue;
    const station = await prisma.hydroStation.findUnique({ where: { code }, select: { regionCode: true } });
    for (const alert of alerts) events.publish("rain.alert", { stationCode: code, regionCode: station!.regionCode, hours: alert.hours, millimetres: alert.millimetres, threshold: alert.threshold, observedAt: alert.observedAt.toISOString() });
  }
}

async function publishWarnings(prisma: Prisma, events: EventBus, all: RecordChange[], at: string) {
  const changes = all.filter((change) => change.dataset === "warning" && change.change !== "retired");
  if (changes.length === 0) return;
  const rows = await prisma.warning.findMany({ where: { id: { in: changes.map((change) => change.key) } } });
  const created = new Set(changes.filter((change) => change.change === "created").map((change) => change.key));
  for (const row of rows) {
    const kind: WarningIssued["change"] =
      row.status === "CANCELLED" ? "CANCELLED" : row.status === "SUPERSEDED" ? "SUPERSEDED" : created.has(row.id) && row.msgType === "Alert" ? "ISSUED" : "UPDATED";
    events.publish("warning.issued", { warningId: row.id, change: kind, level: row.level, type: row.type, regionCodes: row.regionCodes, at });
  }
}

async function publishHazards(prisma: Prisma, events: EventBus, changes: RecordChange[], at: string) {
  const keys = changes.filter((change) => change.dataset === "hazard").map((change) => change.key);
  if (keys.length === 0) return;
  for (const row of await prisma.hazard.findMany({ where: { id: { in: keys } } })) events.publish("hazard.changed", hazardChanged(row, "SYNC", new Date(at)));
}

/** Alarms the source raised (created) or cleared (updated). */
async function publishAlarms(prisma: Prisma, events: EventBus, changes: RecordChange[], at: string) {
  const created = new Set(changes.filter((change) => change.dataset === "monitoringAlarm" && change.change === "created").map((change) => change.key));
  const keys = changes.filter((change) => change.dataset === "monitoringAlarm" && change.change !== "retired").map((change) => change.key);
  if (keys.length === 0) return;
  for (const row of await prisma.monitoringAlarm.findMany({ where: { id: { in: keys } } })) publishAlarmChange(events, row, created.has(row.id) ? "RAISE" : "CLEAR", new Date(at));
}

/** Disaster reports received (created). */
async function publishDisasterReports(prisma: Prisma, events: EventBus, changes: RecordChange[], at: string) {
  const keys = changes.filter((change) => change.dataset === "disasterReport" && change.change === "created").map((change) => change.key);
  if (keys.length === 0) return;
  for (const row of await prisma.disasterReport.findMany({ where: { id: { in: keys } } })) {
    events.publish("disaster.reported", { reportId: row.id, processId: row.eventId, stage: row.stage, regionCode: row.regionCode, at });
  }
}

/** Readings this run added that moved their station across a threshold (upwards or back down). */
async function publishWaterLevels(prisma: Prisma, events: EventBus, runId: string) {
  const run = await prisma.syncRun.findUnique({ where: { id: runId }, select: { startedAt: true } });
  if (!run) return;
  const fresh = await prisma.hydroReading.findMany({ where: { fetchedAt: { gte: run.startedAt }, level: { not: null } }, orderBy: [{ stationCode: "asc" }, { observedAt: "asc" }] });
  const stationCodes = [...new Set(fresh.map((reading) => reading.stationCode))];
  if (stationCodes.length === 0) return;
  const stations = await prisma.hydroStation.findMany({ where: { code: { in: stationCodes } } });
  for (const station of stations) {
    const readings = fresh.filter((reading) => reading.stationCode === station.code);
    const before = await prisma.hydroReading.findFirst({
      where: { stationCode: station.code, observedAt: { lt: readings[0]!.observedAt }, level: { not: null } },
      orderBy: { observedAt: "desc" },
    });
    const thresholds = { ...station, floodLimitPeriods: station.floodLimitPeriods as FloodLimitPeriod[] | null };
    let previous: WaterLevelState = before ? waterLevelState(before.level, thresholds, before.observedAt) : "NORMAL";
    for (const reading of readings) {
      const state = waterLevelState(reading.level, thresholds, reading.observedAt);
      if (state !== previous && (isWaterAlert(state) || isWaterAlert(previous))) {
        events.publish("water.level", { stationCode: station.code, regionCode: station.regionCode, level: reading.level!, state, previousState: previous, observedAt: reading.observedAt.toISOString() });
      }
      previous = state;
    }
  }
}
