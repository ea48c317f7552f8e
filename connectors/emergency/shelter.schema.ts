/** Emergency shelters (应急避难场所), with the Chinese values the bureau's system uses. */
import { z } from "zod";
import {
  blankToNull,
  checkCoordinates,
  codeTable,
  count,
  divisionCode,
  nonNegative,
  numeric,
  optionalCount,
  optionalPhone,
  optionalText,
  text,
  textList,
} from "../shared/fields.js";
import { ADMIN_LEVEL, SHELTER_CLASS, SHELTER_SPACE_TYPE, SHELTER_STATUS } from "./codes.js";

export const shelterRow = z
  .object({
    shelterCode: text,
    shelterName: text,
    /** 省级 / 市级 / 县级（区级） / 乡镇级（街道级） / 村级（社区级） */
    shelterLevel: codeTable(ADMIN_LEVEL),
    /** Legacy class: Ⅰ类 ≥30 days, Ⅱ类 10–30, Ⅲ类 ≤10 */
    shelterClass: z.preprocess(blankToNull, codeTable(SHELTER_CLASS).nullable()),
    /** 公园 / 广场 / 绿地 / 体育场馆 / 学校 / 人防工程 / 室内场所 */
    placeType: codeTable(SHELTER_SPACE_TYPE),
    disasterTypes: textList,
    /** 有效避难面积 m² */
    effectiveArea: nonNegative,
    /** 容纳人数 */
    capacity: count,
    /** 服务半径 m */
    serviceRadius: optionalCount,
    facilities: textList,
    longitude: numeric,
    latitude: numeric,
    areaCode: divisionCode,
    address: optionalText,
    manageUnit: optionalText,
    contactPerson: optionalText,
    contactPhone: optionalPhone,
    /** 开放 / 关闭 / 启用中 */
    useState: codeTable(SHELTER_STATUS),
  })
  .superRefine((row, ctx) => checkCoordinates(ctx, row.latitude, row.longitude, ["longitude"]));

export type ShelterRow = z.output<typeof shelterRow>;
