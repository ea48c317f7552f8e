/** Supply depots (应急物资储备库) and the items they hold. */
import { z } from "zod";
import {
  checkCoordinates,
  codeTable,
  divisionCode,
  nonNegative,
  numeric,
  optionalCreditCode,
  optionalPhone,
  optionalText,
  text,
} from "../shared/fields.js";
import { DEPOT_TIER, STORAGE_MODE, SUPPLY_CATEGORIES } from "./codes.js";

export const supplyDepotRow = z
  .object({
    depotId: text,
    depotName: text,
    /** 市级 / 县级（区级） / 乡镇级 / 村级 */
    depotLevel: codeTable(DEPOT_TIER),
    /** 实物储备 / 协议储备 / 产能储备 */
    reserveMode: codeTable(STORAGE_MODE),
    address: optionalText,
    longitude: numeric,
    latitude: numeric,
    areaCode: divisionCode,
    keeper: optionalText,
    keeperPhone: optionalPhone,
    /** The enterprise holding an agreement or capacity reserve. */
    creditCode: optionalCreditCode,
  })
  .superRefine((row, ctx) => checkCoordinates(ctx, row.latitude, row.longitude, ["longitude"]));

export type SupplyDepotRow = z.output<typeof supplyDepotRow>;

export const supplyItemRow = z.object({
  itemId: text,
  depotId: text,
  /** One of the 13 categories: 防护用品 生命救助 … 工程材料 */
  category: z.enum(SUPPLY_CATEGORIES),
  itemName: text,
  quantity: nonNegative,
  unit: text,
});

export type SupplyItemRow = z.output<typeof supplyItemRow>;
