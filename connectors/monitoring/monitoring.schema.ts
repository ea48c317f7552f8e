/**
 * The exchange of a 危险化学品重大危险源 / 重大风险点 monitoring and early-warning
 * system: monitoring points (监测点位) with their indicator, range and four
 * thresholds, real-time readings (实时数据) and alarm events (报警 / 消警).
 */
import { z } from "zod";
import { ALARM_LEVEL_NAMES, INDICATOR_NAMES, thresholdOrderProblem } from "../../src/core/monitoring.js";
import { codeTable, creditCode, dateTime, numeric, optionalDateTime, optionalNumeric, optionalText, text } from "../shared/fields.js";

/** The document: any of the three lists; `full` marks `points` as the system's whole list of points. */
export const monitoringDocument = z.object({
  full: z.boolean().optional(),
  points: z.array(z.unknown()).optional(),
  readings: z.array(z.unknown()).optional(),
  alarms: z.array(z.unknown()).optional(),
});

export const pointRow = z
  .object({
    pointCode: text,
    pointName: text,
    creditCode,
    /** 重大危险源编码 in the dual-prevention register. */
    hazardCode: optionalText,
    /** 风险点编码 in the dual-prevention register. */
    riskPointCode: optionalText,
    quotaType: codeTable(INDICATOR_NAMES),
    unit: optionalText,
    rangeLow: optionalNumeric,
    rangeHigh: optionalNumeric,
    thresholdLL: optionalNumeric,
    thresholdL: optionalNumeric,
    thresholdH: optionalNumeric,
    thresholdHH: optionalNumeric,
  })
  .superRefine((row, ctx) => {
    const problem = thresholdOrderProblem({ lowLow: row.thresholdLL, low: row.thresholdL, high: row.thresholdH, highHigh: row.thresholdHH });
    if (problem) ctx.addIssue({ code: "custom", path: [], message: `thresholds out of order: ${problem}` });
    if (row.rangeLow !== null && row.rangeHigh !== null && row.rangeHigh <= row.rangeLow) {
      ctx.addIssue({ code: "custom", path: ["rangeHigh"], message: `${row.rangeHigh} is not above rangeLow ${row.rangeLow}` });
    }
    if (row.hazardCode === null && row.riskPointCode === null) {
      ctx.addIssue({ code: "custom", path: ["hazardCode"], message: "a point belongs to a major hazard source (hazardCode) or a risk point (riskPointCode)" });
    }
  });
export type PointRow = z.infer<typeof pointRow>;

export const readingRow = z.object({ pointCode: text, collectTime: dateTime, value: numeric });
export type ReadingRow = z.infer<typeof readingRow>;

export const ALARM_STATUS = { 报警: "RAISED", 消警: "CLEARED" } as const;

export const alarmRow = z
  .object({
    alarmId: text,
    pointCode: text,
    alarmTime: dateTime,
    value: numeric,
    alarmLevel: codeTable(ALARM_LEVEL_NAMES),
    alarmStatus: codeTable(ALARM_STATUS),
    clearTime: optionalDateTime,
  })
  .superRefine((row, ctx) => {
    if (row.alarmStatus === "CLEARED" && row.clearTime === null) ctx.addIssue({ code: "custom", path: ["clearTime"], message: "is required when alarmStatus is 消警" });
    if (row.clearTime !== null && row.clearTime < row.alarmTime) ctx.addIssue({ code: "custom", path: ["clearTime"], message: `${row.clearTime} is before alarmTime ${row.alarmTime}` });
  });
export type AlarmRow = z.infer<typeof alarmRow>;
