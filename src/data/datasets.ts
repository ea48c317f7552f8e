/**
 * The registry of shared datasets, collected from their declarations (one
 * module each under datasets/, see dataset-spec.ts): for each GraphQL type
 * (named as the table behind it), its key, how a territory or an enterprise
 * limits its rows, its relations and its default order. The reader, the
 * access policy and the sync read this one table; the hub checks it against
 * the database and the catalogue at start (registry-check.ts).
 *
 * The list is in write order: a dataset comes after the datasets its records
 * name as parents, so a sync writes parents first.
 */
import { auditEntry } from "./datasets/audit-entry.js";
import { enterpriseNotice } from "./datasets/enterprise-notice.js";
import { enterprise } from "./datasets/enterprise.js";
import { disasterEvent } from "./datasets/disaster-event.js";
import { disasterReport } from "./datasets/disaster-report.js";
import { emergencyPlan } from "./datasets/emergency-plan.js";
import { expert } from "./datasets/expert.js";
import { dutyShift } from "./datasets/duty-shift.js";
import { informationOfficer } from "./datasets/information-officer.js";
import { geoHazardPoint } from "./datasets/geo-hazard-point.js";
import { hazardEvent } from "./datasets/hazard-event.js";
import { enforcementAction } from "./datasets/enforcement-action.js";
import { hazard } from "./datasets/hazard.js";
import { hydroReading } from "./datasets/hydro-reading.js";
import { hydroStation } from "./datasets/hydro-station.js";
import { majorHazardSource } from "./datasets/major-hazard-source.js";
import { monitoringAlarmEvent } from "./datasets/monitoring-alarm-event.js";
import { monitoringAlarm } from "./datasets/monitoring-alarm.js";
import { monitoringPoint } from "./datasets/monitoring-point.js";
import { quarantinedRecord } from "./datasets/quarantined-record.js";
import { tipOff } from "./datasets/tip-off.js";
import { region } from "./datasets/region.js";
import { rescueTeam } from "./datasets/rescue-team.js";
import { riskPoint } from "./datasets/risk-point.js";
import { roadHazard } from "./datasets/road-hazard.js";
import { shelter } from "./datasets/shelter.js";
import { supplyDepot } from "./datasets/supply-depot.js";
import { supplyItem } from "./datasets/supply-item.js";
import { teamMember } from "./datasets/team-member.js";
import { warningArea } from "./datasets/warning-area.js";
import { warningDissemination } from "./datasets/warning-dissemination.js";
import { warning } from "./datasets/warning.js";
import type { DatasetSpec } from "./dataset-spec.js";

export type { DatasetSpec } from "./dataset-spec.js";

export const DECLARED = [
  region,
  enterprise,
  enterpriseNotice,
  riskPoint,
  majorHazardSource,
  hazard,
  hazardEvent,
  enforcementAction,
  monitoringPoint,
  monitoringAlarm,
  monitoringAlarmEvent,
  shelter,
  rescueTeam,
  teamMember,
  supplyDepot,
  supplyItem,
  emergencyPlan,
  expert,
  dutyShift,
  informationOfficer,
  disasterEvent,
  disasterReport,
  warning,
  warningArea,
  warningDissemination,
  hydroStation,
  hydroReading,
  geoHazardPoint,
  roadHazard,
  auditEntry,
  quarantinedRecord,
  tipOff,
] as const;

export type DatasetName = (typeof DECLARED)[number]["name"];

export const DATASETS = Object.fromEntries(DECLARED.map((d) => [d.name, d])) as unknown as Readonly<Record<DatasetName, DatasetSpec>>;

/** The columns behind provenance (provenance.ts). */
export const PROVENANCE_COLUMNS = ["sourceDepartment", "sourceSystem", "sourceId", "fetchedAt", "version", "retiredAt"] as const;

/** Nests a condition under a relation path: ["team", "regionCode"] + c → { team: { regionCode: c } }. */
export function atPath(path: string[], condition: unknown): Record<string, unknown> {
  return path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), condition) as Record<string, unknown>;
}
