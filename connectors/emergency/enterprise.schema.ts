/** Enterprise rows (生产经营单位) of the emergency bureau's feed. */
import { z } from "zod";
import {
  checkCoordinates,
  creditCode,
  divisionCode,
  optionalFlag,
  optionalNumeric,
  optionalPhone,
  optionalText,
  text,
} from "../shared/fields.js";

export const enterpriseRow = z
  .object({
    creditCode,
    companyName: text,
    /** 行业类别: 危险化学品, 工贸（冶金）, 工贸（有色）, 烟花爆竹 … */
    industryType: text,
    /** 规上 / 小微 */
    scale: optionalText,
    areaCode: divisionCode,
    address: optionalText,
    longitude: optionalNumeric,
    latitude: optionalNumeric,
    legalPerson: optionalText,
    legalPersonPhone: optionalPhone,
    safetyPrincipal: optionalText,
    safetyPrincipalPhone: optionalPhone,
    /** 安全生产标准化等级: 一级 / 二级 / 三级 / 小微达标 */
    standardGrade: optionalText,
    /** 安全生产责任保险 0/1 */
    insured: optionalFlag,
    /** 双重预防体系建设: 线下建设 / 线上建设 */
    dualPreventionState: optionalText,
    /** 信用状态: 守信 / 失信 / 黑名单 */
    creditState: optionalText,
  })
  .superRefine((row, ctx) => checkCoordinates(ctx, row.latitude, row.longitude, ["longitude"]));

export type EnterpriseRow = z.output<typeof enterpriseRow>;
