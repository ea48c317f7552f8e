/** A road hazard section or closure (公路安全隐患 / 交通管制) as a row of the transport bureau's CSV. */
import { z } from "zod";
import {
  blankToNull,
  checkCoordinates,
  codeTable,
  divisionCode,
  flag,
  optionalDateTime,
  optionalNumeric,
  optionalText,
  text,
} from "../shared/fields.js";

export const KIND = {
  临水临崖: "WATERSIDE_CLIFF",
  连续长陡下坡: "LONG_STEEP_DOWNGRADE",
  急弯陡坡: "SHARP_CURVE_STEEP_SLOPE",
  危旧桥: "UNSAFE_BRIDGE",
  下凹式立交: "SUNKEN_UNDERPASS",
  交通管制: "TRAFFIC_CONTROL",
} as const;

export const STATUS = { 排查: "IDENTIFIED", 整治中: "REMEDIATING", 已整治: "REMEDIATED" } as const;

export const REQUIRED_COLUMNS = ["编号", "类型", "路线", "名称", "行政区划代码", "状态"] as const;
export const OPTIONAL_COLUMNS = ["起点桩号", "止点桩号", "经度", "纬度", "管养单位", "是否封闭", "封闭原因", "封闭开始", "封闭结束"] as const;

/** Pile number (桩号) such as K23+400 or K565+320.5. */
const stake = z.preprocess(
  blankToNull,
  z.string().trim().toUpperCase().regex(/^K\d+\+\d{3}(\.\d+)?$/, "is not a stake like K23+400").nullable(),
);

export const roadHazardRow = z
  .object({
    编号: text,
    类型: codeTable(KIND),
    路线: text,
    名称: text,
    起点桩号: stake,
    止点桩号: stake,
    行政区划代码: divisionCode,
    经度: optionalNumeric,
    纬度: optionalNumeric,
    管养单位: optionalText,
    状态: codeTable(STATUS),
    是否封闭: z.preprocess((v) => blankToNull(v) ?? "否", flag),
    封闭原因: optionalText,
    封闭开始: optionalDateTime,
    封闭结束: optionalDateTime,
  })
  .superRefine((row, ctx) => {
    checkCoordinates(ctx, row.纬度, row.经度, ["经度"], "经度/纬度");
    if (row.是否封闭 && row.封闭开始 === null) {
      ctx.addIssue({ code: "custom", path: ["封闭开始"], message: "is required when 是否封闭 is 是" });
    }
    if (row.封闭开始 !== null && row.封闭结束 !== null && row.封闭结束 < row.封闭开始) {
      ctx.addIssue({ code: "custom", path: ["封闭结束"], message: `${row.封闭结束} is before 封闭开始 ${row.封闭开始}` });
    }
  });

export type RoadHazardRow = z.output<typeof roadHazardRow>;
