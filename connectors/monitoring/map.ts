/** Monitoring documents to `monitoringPoint`, `monitoringReading` and `monitoringAlarm` records. */
import { DocumentError, type HubRecord, type ParseResult, type SourceDocument, type SourceRef } from "../types.js";
import { RecordCollector, rawId } from "../shared/collector.js";
import { readJson } from "../shared/json.js";
import { collectRows } from "../shared/rows.js";
import { describeIssues } from "../shared/reasons.js";
import { alarmRow, monitoringDocument, pointRow, readingRow, type AlarmRow, type PointRow, type ReadingRow } from "./monitoring.schema.js";

function pointRecord(row: PointRow): HubRecord {
  const refs: Record<string, SourceRef> = {};
  if (row.hazardCode) refs.majorHazardSourceId = { dataset: "majorHazardSource", sourceId: row.hazardCode };
  if (row.riskPointCode) refs.riskPointId = { dataset: "riskPoint", sourceId: row.riskPointCode };
  return {
    dataset: "monitoringPoint",
    sourceId: row.pointCode,
    data: {
      code: row.pointCode,
      name: row.pointName,
      enterpriseCode: row.creditCode,
      indicator: row.quotaType,
      unit: row.unit,
      rangeLow: row.rangeLow,
      rangeHigh: row.rangeHigh,
      lowLow: row.thresholdLL,
      low: row.thresholdL,
      high: row.thresholdH,
      highHigh: row.thresholdHH,
    },
    refs,
  };
}

function readingRecord(row: ReadingRow, sourceId: string): HubRecord {
  return { dataset: "monitoringReading", sourceId, data: { pointCode: row.pointCode, observedAt: row.collectTime, value: row.value } };
}

function alarmRecord(row: AlarmRow): HubRecord {
  return {
    dataset: "monitoringAlarm",
    sourceId: row.alarmId,
    data: { pointCode: row.pointCode, level: row.alarmLevel, value: row.value, raisedAt: row.alarmTime, clearedAt: row.alarmStatus === "CLEARED" ? row.clearTime : null },
  };
}

/** A reading is known by its point and time: a second one of the same point and time in a document is a duplicate. */
const readingId = (raw: unknown) => {
  const point = rawId(raw, "pointCode");
  const time = rawId(raw, "collectTime");
  return point && time ? `${point}@${time}` : undefined;
};

export function mapMonitoring(doc: SourceDocument): ParseResult {
  const json = readJson(doc);
  const parsed = monitoringDocument.safeParse(json);
  if (!parsed.success) throw new DocumentError(`${doc.name}: not a monitoring document: ${describeIssues(parsed.error, json)}`);
  const { full, points = [], readings = [], alarms = [] } = parsed.data;
  const out = new RecordCollector();
  collectRows(out, "monitoringPoint", points, (raw) => rawId(raw, "pointCode"), pointRow, pointRecord);
  collectRows(out, "monitoringReading", readings, readingId, readingRow, readingRecord);
  collectRows(out, "monitoringAlarm", alarms, (raw) => rawId(raw, "alarmId"), alarmRow, alarmRecord);
  return out.result(full ? ["monitoringPoint"] : []);
}
