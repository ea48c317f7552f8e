/** Hazard rows (事故隐患) in the national dual-prevention exchange format. */
import { z } from "zod";
import {
  codeTable,
  creditCode,
  dateTime,
  optionalDate,
  optionalDateTime,
  optionalNonNegative,
  optionalText,
  text,
} from "../shared/fields.js";
import { chinaDateOf } from "../shared/time.js";
import { DANGER_LEVEL, DANGER_SOURCE, DANGER_STATE } from "./codes.js";

export const hazardRow = z
  .object({
    id: text,
    creditCode,
    riskPointId: optionalText,
    dangerName: text,
    dangerDesc: optionalText,
    /** 0 一般事故隐患, 1 重大事故隐患 */
    dangerLevel: codeTable(DANGER_LEVEL),
    /** 0 整改中, 1 已整改（销号）, 9 已登记未整改 */
    dangerState: codeTable(DANGER_STATE),
    /** 1–10, see DANGER_SOURCE */
    dangerSrc: codeTable(DANGER_SOURCE),
    /** 隐患类别: 基础管理类 / 现场管理类 … */
    hazardCategory: optionalText,
    registTime: dateTime,
    registrant: optionalText,
    controlMeasures: optionalText,
    dangerManageFunds: optionalNonNegative,
    liablePerson: optionalText,
    rectifyDeadline: optionalDate,
    dangerManageGoal: optionalText,
    safetyMeasures: optionalText,
    /** 挂牌督办单位 and its deadline */
    superviseOrg: optionalText,
    superviseDeadline: optionalDate,
    checkAcceptPerson: optionalText,
    checkAcceptTime: optionalDateTime,
    checkAcceptComment: optionalText,
  })
  .superRefine((row, ctx) => {
    if (row.dangerState === "RECTIFYING" && row.rectifyDeadline === null) {
      ctx.addIssue({ code: "custom", path: ["rectifyDeadline"], message: "is required while rectifying (dangerState 0)" });
    }
    const registDate = chinaDateOf(row.registTime);
    if (row.rectifyDeadline !== null && row.rectifyDeadline.slice(0, 10) < registDate) {
      ctx.addIssue({
        code: "custom",
        path: ["rectifyDeadline"],
        message: `${row.rectifyDeadline.slice(0, 10)} is before the registration date ${registDate}`,
      });
    }
  });

export type HazardRow = z.output<typeof hazardRow>;
