/** Law-enforcement inspections (执法检查) of enterprises, as the emergency bureau's enforcement system lists them. */
import { z } from "zod";
import { codeTable, creditCode, dateTime, optionalDate, optionalFlag, optionalNonNegative, optionalText, text, textList } from "../shared/fields.js";
import { ENFORCEMENT_ORDER } from "./codes.js";

export const enforcementRow = z
  .object({
    /** 文书编号 */
    caseNo: text,
    creditCode,
    checkTime: dateTime,
    /** 执法机构 */
    lawUnit: text,
    /** 检查发现的问题 */
    problems: text,
    /** ids of the hazards found, in this feed's hazard list (、-separated) */
    dangerIds: textList,
    /** 0 无, 1 责令立即整改, 2 责令限期整改, 3 责令停产停业整顿 */
    orderType: codeTable(ENFORCEMENT_ORDER),
    orderDeadline: optionalDate,
    /** 处罚种类: 警告, 罚款, 没收违法所得 … */
    punishType: optionalText,
    /** 罚款金额, yuan */
    fineAmount: optionalNonNegative,
    /** 0 未结案, 1 已结案 */
    caseState: optionalFlag,
  })
  .superRefine((row, ctx) => {
    if (row.orderType === "RECTIFY_BY_DEADLINE" && row.orderDeadline === null) {
      ctx.addIssue({ code: "custom", path: ["orderDeadline"], message: "is required for 责令限期整改 (orderType 2)" });
    }
    if (row.fineAmount !== null && row.fineAmount > 0 && row.punishType === null) {
      ctx.addIssue({ code: "custom", path: ["punishType"], message: "is required when there is a fine" });
    }
  });

export type EnforcementRow = z.output<typeof enforcementRow>;
