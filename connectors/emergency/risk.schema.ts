/** Risk points (风险点) and major hazard sources (重大危险源) of an enterprise. */
import { z } from "zod";
import { unknownAccidentTypes } from "../../src/core/accident-types.js";
import { majorHazardGrade } from "../../src/core/risk.js";
import {
  codeTable,
  count,
  creditCode,
  optionalDateTime,
  optionalFlag,
  optionalNonNegative,
  optionalText,
  text,
  textList,
} from "../shared/fields.js";
import { RISK_LEVEL } from "./codes.js";

export const riskPointRow = z.object({
  id: text,
  creditCode,
  riskName: text,
  /** 设备设施 / 作业活动 */
  riskType: optionalText,
  hazardFactors: textList,
  /** GB 6441-86 types (物体打击 … 中毒和窒息, 其他伤害) */
  accidentTypes: textList.superRefine((types, ctx) => {
    const unknown = unknownAccidentTypes(types);
    if (unknown.length > 0) ctx.addIssue({ code: "custom", message: `${unknown.join("、")}: not an accident type of GB 6441-86 (what it does not name is 其他伤害)` });
  }),
  /** 1 重大 2 较大 3 一般 4 低 */
  riskLevel: codeTable(RISK_LEVEL),
  /** LEC, LS, MES … */
  evaluateMethod: optionalText,
  evaluateScore: optionalNonNegative,
  controlMeasures: optionalText,
  liableDept: optionalText,
  liablePerson: optionalText,
  onlineMonitor: optionalFlag,
});

export type RiskPointRow = z.output<typeof riskPointRow>;

export const majorHazardSourceRow = z
  .object({
    id: text,
    creditCode,
    hazardName: text,
    /** 1 一级 … 4 四级 (GB 18218-2018) */
    hazardRank: count.pipe(z.number().min(1).max(4)),
    chemicals: textList,
    rValue: optionalNonNegative,
    /** 备案状态 0 未备案 1 已备案 */
    recordState: optionalFlag,
    recordDate: optionalDateTime,
    monitorOnline: optionalFlag,
  })
  .superRefine((row, ctx) => {
    if (row.rValue === null) return;
    const expected = majorHazardGrade(row.rValue);
    if (expected !== row.hazardRank) {
      ctx.addIssue({
        code: "custom",
        path: ["hazardRank"],
        message: `${row.hazardRank} does not match R ${row.rValue} (GB 18218-2018 gives grade ${expected})`,
      });
    }
  });

export type MajorHazardSourceRow = z.output<typeof majorHazardSourceRow>;
