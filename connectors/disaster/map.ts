/** Disaster reporting documents to `disasterEvent` and `disasterReport` records. */
import type { HubRecord, ParseResult, SourceDocument } from "../types.js";
import { DocumentError } from "../types.js";
import { RecordCollector, rawId } from "../shared/collector.js";
import { readJson } from "../shared/json.js";
import { describeIssues } from "../shared/reasons.js";
import { collectRows } from "../shared/rows.js";
import { disasterDocument, eventRow, reportRow, type EventRow, type ReportRow } from "./disaster.schema.js";

function eventRecord(row: EventRow): HubRecord {
  return {
    dataset: "disasterEvent",
    sourceId: row.eventCode,
    data: { code: row.eventCode, name: row.eventName, hazardType: row.disasterType, regionCode: row.areaCode, occurredAt: row.startTime, endedAt: row.endTime },
  };
}

function reportRecord(row: ReportRow): HubRecord {
  return {
    dataset: "disasterReport",
    sourceId: row.reportId,
    data: {
      stage: row.reportType,
      regionCode: row.areaCode,
      sentAt: row.reportTime,
      affectedPeople: row.affectedPopulation,
      deaths: row.deathNum,
      missing: row.missingNum,
      relocated: row.transferNum,
      needingAid: row.needRescueNum,
      collapsedHouses: row.collapseHouses,
      severelyDamagedHouses: row.severeHouses,
      generallyDamagedHouses: row.generalHouses,
      cropAreaHa: row.cropArea,
      directLossWanYuan: row.directLoss,
      aidDeliveredAt: row.rescueTime,
    },
    refs: { eventId: { dataset: "disasterEvent", sourceId: row.eventCode } },
  };
}

/** Documents are incremental: a county sends its processes and reports as they come. */
export function mapDisasterReports(doc: SourceDocument): ParseResult {
  const json = readJson(doc);
  const parsed = disasterDocument.safeParse(json);
  if (!parsed.success) throw new DocumentError(`${doc.name}: not a disaster report document: ${describeIssues(parsed.error, json)}`);
  const out = new RecordCollector();
  collectRows(out, "disasterEvent", parsed.data.events ?? [], (raw) => rawId(raw, "eventCode"), eventRow, eventRecord);
  collectRows(out, "disasterReport", parsed.data.reports ?? [], (raw) => rawId(raw, "reportId"), reportRow, reportRecord);
  return out.result([]);
}
