/** A geological hazard point (地质灾害隐患点) as a GeoJSON Feature with Chinese property names. */
import { z } from "zod";
import { geoThreatGrade } from "../../src/core/risk.js";
import { isInsideChina } from "../../src/core/geo.js";
import {
  codeTable,
  count,
  divisionCode,
  numeric,
  optionalCount,
  optionalNonNegative,
  optionalPhone,
  optionalText,
  splitList,
  text,
  textList,
} from "../shared/fields.js";

export const HAZARD_TYPE = {
  崩塌: "COLLAPSE",
  滑坡: "LANDSLIDE",
  泥石流: "DEBRIS_FLOW",
  地面塌陷: "GROUND_COLLAPSE",
  地裂缝: "GROUND_FISSURE",
  地面沉降: "SUBSIDENCE",
} as const;

/** 规模等级 and 险情等级 share the four grades. */
export const GRADE = { 特大型: "HUGE", 大型: "LARGE", 中型: "MEDIUM", 小型: "SMALL" } as const;

export const MEASURE = { 搬迁避让: "RELOCATION", 工程治理: "ENGINEERING", 监测: "MONITORING" } as const;

const properties = z
  .object({
    编号: text,
    名称: text,
    灾害类型: codeTable(HAZARD_TYPE),
    规模等级: codeTable(GRADE),
    险情等级: codeTable(GRADE),
    位置: optionalText,
    行政区划代码: divisionCode,
    威胁人数: count,
    威胁户数: optionalCount,
    "威胁财产（万元）": optionalNonNegative,
    诱发因素: textList,
    监测责任人: optionalText,
    联系电话: optionalPhone,
    防治措施: z.preprocess(splitList, z.array(codeTable(MEASURE))),
  })
  .superRefine((p, ctx) => {
    const expected = geoThreatGrade(p.威胁人数, p["威胁财产（万元）"] ?? 0);
    if (expected !== p.险情等级) {
      const given = Object.entries(GRADE).find(([, grade]) => grade === p.险情等级)![0];
      ctx.addIssue({
        code: "custom",
        path: ["险情等级"],
        message: `${given} (${p.险情等级}) does not match 威胁人数 ${p.威胁人数} and 威胁财产 ${p["威胁财产（万元）"] ?? 0} 万元 (expected ${expected})`,
      });
    }
  });

/** GeoJSON Point: [lon, lat] (an optional altitude is ignored). */
const point = z
  .object({ type: z.literal("Point"), coordinates: z.array(numeric).min(2).max(3) })
  .superRefine((g, ctx) => {
    const [lon, lat] = g.coordinates as [number, number];
    if (!isInsideChina(lat, lon)) {
      ctx.addIssue({
        code: "custom",
        path: ["coordinates"],
        message: `[${lon}, ${lat}] outside China (GeoJSON order is [lon, lat])`,
      });
    }
  });

export const geoHazardFeature = z.object({
  type: z.literal("Feature"),
  properties,
  geometry: point,
});

export type GeoHazardFeature = z.output<typeof geoHazardFeature>;
