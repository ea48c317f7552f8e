/** Emergency plans (应急预案), the experts of the bureau's pools (应急专家库), duty rosters (值班表) and information officers (灾害信息员, 网格员). */
import { z } from "zod";
import {
  checkCoordinates,
  dateTime,
  codeTable,
  divisionCode,
  flag,
  optionalCreditCode,
  optionalDate,
  optionalNumeric,
  optionalPhone,
  optionalText,
  text,
  textList,
} from "../shared/fields.js";
import { ADMIN_LEVEL, DUTY_ROLE, OFFICER_ROLE, PLAN_KIND, RESPONSE_LEVELS } from "./codes.js";

export const planRow = z
  .object({
    planId: text,
    planCode: text,
    planName: text,
    /** 总体 / 专项 / 部门 / 基层 / 企业 应急预案 */
    planType: codeTable(PLAN_KIND),
    /** 省级 … 村级; empty for an enterprise's plan */
    planLevel: z.preprocess((v) => (v === "" ? null : v), codeTable(ADMIN_LEVEL).nullable()),
    /** The events it covers, 、-separated or a list */
    eventTypes: textList,
    responseLevels: textList.pipe(z.array(z.enum(RESPONSE_LEVELS))),
    ownerUnit: text,
    creditCode: optionalCreditCode,
    areaCode: divisionCode,
    recordState: flag,
    recordDate: optionalDate,
    reviseDate: optionalDate,
    lastDrillDate: optionalDate,
  })
  .superRefine((row, ctx) => {
    if (row.planType === "ENTERPRISE" && row.creditCode === null) ctx.addIssue({ code: "custom", path: ["creditCode"], message: "is required for an enterprise's plan" });
    if (row.planType !== "ENTERPRISE" && row.planLevel === null) ctx.addIssue({ code: "custom", path: ["planLevel"], message: "is required for a government plan" });
    if (row.recordState && row.recordDate === null) ctx.addIssue({ code: "custom", path: ["recordDate"], message: "is required when recordState is 1 (备案)" });
    if (row.eventTypes.length === 0) ctx.addIssue({ code: "custom", path: ["eventTypes"], message: "a plan covers at least one kind of event" });
  });
export type PlanRow = z.output<typeof planRow>;

export const expertRow = z
  .object({
    expertId: text,
    expertName: text,
    /** 危化, 矿山, 地质, 水利, 气象, 医疗, 建筑 … */
    specialities: textList.pipe(z.array(z.string()).min(1, "an expert has at least one speciality")),
    unit: text,
    title: optionalText,
    areaCode: divisionCode,
    phone: optionalPhone,
    longitude: optionalNumeric,
    latitude: optionalNumeric,
  })
  .superRefine((row, ctx) => checkCoordinates(ctx, row.latitude, row.longitude, ["longitude"]));
export type ExpertRow = z.output<typeof expertRow>;

export const dutyShiftRow = z
  .object({
    shiftId: text,
    dutyUnit: text,
    areaCode: divisionCode,
    dutyRole: codeTable(DUTY_ROLE),
    personName: text,
    phone: optionalPhone,
    startTime: dateTime,
    endTime: dateTime,
  })
  .superRefine((row, ctx) => {
    if (row.endTime <= row.startTime) ctx.addIssue({ code: "custom", path: ["endTime"], message: `${row.endTime} is not after startTime ${row.startTime}` });
  });
export type DutyShiftRow = z.output<typeof dutyShiftRow>;

export const officerRow = z
  .object({
    officerId: text,
    officerRole: codeTable(OFFICER_ROLE),
    personName: text,
    phone: optionalPhone,
    /** The village or community, 12 digits */
    areaCode: divisionCode.refine((code) => code.length === 12, "is not a village or community (12 digits)"),
    gridName: optionalText,
  })
  .superRefine((row, ctx) => {
    if (row.officerRole === "GRID_MEMBER" && row.gridName === null) ctx.addIssue({ code: "custom", path: ["gridName"], message: "is required for a grid member" });
  });
export type OfficerRow = z.output<typeof officerRow>;
