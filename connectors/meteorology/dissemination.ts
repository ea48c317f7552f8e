/**
 * The release system's dissemination reports (预警信息发布情况), as JSON: where
 * each warning went, by channel (短信, 广播, 电视, 大喇叭, 新媒体) and division,
 * with the people or terminals reached. Each names its warning by the CAP
 * sender and identifier, as the warning is known in the hub.
 */
import { z } from "zod";
import { DocumentError, type HubRecord, type ParseResult, type SourceDocument } from "../types.js";
import { RecordCollector, rawId } from "../shared/collector.js";
import { readJson } from "../shared/json.js";
import { codeTable, dateTime, divisionCode, optionalCount, text } from "../shared/fields.js";
import { collectRows } from "../shared/rows.js";
import { describeIssues } from "../shared/reasons.js";
import { capSourceId } from "./map.js";

export const CHANNELS = { 短信: "SMS", 广播: "RADIO", 电视: "TV", 大喇叭: "LOUDSPEAKER", 新媒体: "NEW_MEDIA", 其他: "OTHER" } as const;

const reportDocument = z.object({ reports: z.array(z.unknown()) });

const reportRow = z
  .object({
    reportId: text,
    sender: text,
    identifier: text,
    channel: codeTable(CHANNELS),
    areaCode: divisionCode,
    reached: optionalCount,
    terminals: optionalCount,
    sentTime: dateTime,
  })
  .superRefine((row, ctx) => {
    if (row.reached === null && row.terminals === null) ctx.addIssue({ code: "custom", path: ["reached"], message: "a report gives the people reached or the terminals that played it" });
  });
type ReportRow = z.infer<typeof reportRow>;

function reportRecord(row: ReportRow): HubRecord {
  return {
    dataset: "warningDissemination",
    sourceId: row.reportId,
    data: { channel: row.channel, regionCode: row.areaCode, reached: row.reached, terminals: row.terminals, sentAt: row.sentTime },
    refs: { warningId: { dataset: "warning", sourceId: capSourceId(row) } },
  };
}

/** A JSON body (the release system's report), rather than CAP XML. */
export function isDisseminationReport(doc: SourceDocument): boolean {
  return doc.body.toString("utf8", 0, 64).replace(/^\uFEFF/, "").trimStart().startsWith("{");
}

export function mapDisseminationReports(doc: SourceDocument): ParseResult {
  const json = readJson(doc);
  const parsed = reportDocument.safeParse(json);
  if (!parsed.success) throw new DocumentError(`${doc.name}: not a dissemination report: ${describeIssues(parsed.error, json)}`);
  const out = new RecordCollector();
  collectRows(out, "warningDissemination", parsed.data.reports, (raw) => rawId(raw, "reportId"), reportRow, reportRecord);
  return out.result([]);
}
