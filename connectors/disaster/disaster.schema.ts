/**
 * The county disaster reporting system's exchange (国家自然灾害灾情管理系统,
 * 《自然灾害情况统计调查制度》): disaster processes and their 初报 / 续报 / 核报.
 */
import { z } from "zod";
import { codeTable, dateTime, divisionCode, optionalCount, optionalDateTime, optionalNonNegative, text } from "../shared/fields.js";

export const disasterDocument = z.object({ events: z.array(z.unknown()).optional(), reports: z.array(z.unknown()).optional() });

export const REPORT_STAGE = { 初报: "INITIAL", 续报: "UPDATE", 核报: "FINAL" } as const;

export const eventRow = z
  .object({
    eventCode: text,
    eventName: text,
    /** 暴雨洪涝, 风雹, 地质灾害, 干旱, 低温冷冻, 雪灾, 地震 … */
    disasterType: text,
    areaCode: divisionCode,
    startTime: dateTime,
    endTime: optionalDateTime,
  })
  .superRefine((row, ctx) => {
    if (row.endTime !== null && row.endTime < row.startTime) ctx.addIssue({ code: "custom", path: ["endTime"], message: `${row.endTime} is before startTime ${row.startTime}` });
  });
export type EventRow = z.output<typeof eventRow>;

export const reportRow = z.object({
  reportId: text,
  eventCode: text,
  reportType: codeTable(REPORT_STAGE),
  areaCode: divisionCode,
  reportTime: dateTime,
  affectedPopulation: optionalCount,
  deathNum: optionalCount,
  missingNum: optionalCount,
  transferNum: optionalCount,
  needRescueNum: optionalCount,
  collapseHouses: optionalCount,
  severeHouses: optionalCount,
  generalHouses: optionalCount,
  /** 农作物受灾面积, 公顷 */
  cropArea: optionalNonNegative,
  /** 直接经济损失, 万元 */
  directLoss: optionalNonNegative,
  /** 救助到位时间 */
  rescueTime: optionalDateTime,
});
export type ReportRow = z.output<typeof reportRow>;
