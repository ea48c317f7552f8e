/**
 * The target indicators (目标指标) as CSV for Excel, in the bulletin's form
 * (bulletin-csv.ts: UTF-8 with BOM, CRLF): one row per division and
 * indicator, with value, numerator, denominator, target, whether it is met,
 * the binding plan's words, the method, a plan's own statement of the figure
 * and any conflict; an unknown value is written as 未知 with its reason.
 * Pure: no I/O.
 */
import type { Indicator } from "../core/indicators.js";
import { csvCell, cstMinute, type Cell } from "./csv.js";

export interface IndicatorReportData {
  region: string;
  name: string | null;
  asOf: string;
  indicators: Indicator[];
  byRegion: Array<{ region: string; name: string | null; indicators: Indicator[] }>;
}

const met = (f: Indicator) => (f.met === null ? "未知" : f.met ? "达标" : "未达标");

/** The indicator rows: a header, then the region's figures and each division's. */
export function indicatorRows(report: IndicatorReportData): Cell[][] {
  const divisions = [{ region: report.region, name: report.name, indicators: report.indicators }, ...report.byRegion];
  return [
    ["区划代码", "区划", "指标", "单位", "数值", "分子", "分母", "目标", "是否达标", "目标依据", "未知原因", "规划所述数值", "不一致", "说明", "计算方法"],
    ...divisions.flatMap((d) =>
      d.indicators.map((f): Cell[] => [
        d.region,
        d.name,
        f.name,
        f.unit,
        f.value ?? "未知",
        f.numerator,
        f.denominator,
        f.target === null ? "无" : `${f.atMost ? "≤" : "≥"} ${f.target}`,
        met(f),
        f.source,
        f.unknownBecause,
        f.stated ? `${f.stated.value}（${f.stated.citation.plan}）` : null,
        f.conflict,
        f.note,
        f.method,
      ]),
    ),
  ];
}

export function indicatorsCsv(report: IndicatorReportData): string {
  const rows: Cell[][] = [["目标指标", report.name, report.region, `截至 ${cstMinute(report.asOf)}`], [], ...indicatorRows(report)];
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
