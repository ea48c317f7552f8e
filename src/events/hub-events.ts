/**
 * The events the hub publishes, by topic. Payloads are small and JSON-safe
 * (ids, codes, ISO times): subscribers load the record itself through their
 * own scoped reader, so an event never carries data past the access policy.
 */
import type { SyncCounts } from "../core/sync-counts.js";

export interface HazardChanged {
  hazardId: string;
  action: string;
  state: string;
  grade: string;
  regionCode: string;
  at: string;
}

export interface WarningIssued {
  warningId: string;
  /** ISSUED, UPDATED, CANCELLED or SUPERSEDED. */
  change: "ISSUED" | "UPDATED" | "CANCELLED" | "SUPERSEDED";
  level: string;
  type: string;
  regionCodes: string[];
  at: string;
}

export interface WaterLevelAlert {
  stationCode: string;
  regionCode: string;
  level: number;
  state: string;
  previousState: string;
  observedAt: string;
}

/** A rain gauge's accumulation crossed a threshold (core/rainfall.ts). */
export interface RainAlert {
  stationCode: string;
  regionCode: string;
  hours: number;
  millimetres: number;
  threshold: number;
  observedAt: string;
}

/** A monitoring alarm raised, acknowledged, handled, cleared or escalated. */
export interface MonitoringAlarmChanged {
  alarmId: string;
  action: string;
  state: string;
  level: string;
  regionCode: string;
  at: string;
}

/** A county's disaster report received. */
export interface DisasterReported {
  reportId: string;
  processId: string;
  stage: string;
  regionCode: string;
  at: string;
}

export interface RecordChanged {
  dataset: string;
  key: string;
  change: "CREATED" | "UPDATED" | "RETIRED";
  at: string;
}

export interface ConnectorRun extends SyncCounts {
  runId: string;
  connector: string;
  ok: boolean;
  error: string | null;
  at: string;
}

/** Every event as published: with the id the bus gives it, the same on every instance. */
export type Published<E> = E & { eventId: string };

export interface HubEvents {
  "hazard.changed": HazardChanged;
  "warning.issued": WarningIssued;
  "water.level": WaterLevelAlert;
  "rain.alert": RainAlert;
  "monitoring.alarm": MonitoringAlarmChanged;
  "disaster.reported": DisasterReported;
  "record.changed": RecordChanged;
  "connector.run": ConnectorRun;
}

export type Topic = keyof HubEvents;
export const TOPICS: readonly Topic[] = ["hazard.changed", "warning.issued", "water.level", "rain.alert", "monitoring.alarm", "disaster.reported", "record.changed", "connector.run"];
