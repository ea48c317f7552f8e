/**
 * SL 323 (实时雨水情数据库表结构与标识符) tables the hub reads, with the
 * standard's upper-case column names.
 */
import { z } from "zod";
import {
  checkCoordinates,
  dateTime,
  divisionCode,
  numeric,
  optionalNonNegative,
  optionalNumeric,
  optionalText,
  text,
} from "../shared/fields.js";

export const TABLES = ["ST_STBPRP_B", "ST_RVFCCH_B", "ST_RSVRFSR_B", "ST_RIVER_R", "ST_RSVR_R", "ST_PPTN_R"] as const;
export type TableName = (typeof TABLES)[number];

/** Columns a CSV file of each table must have. */
export const REQUIRED_COLUMNS: Record<TableName, readonly string[]> = {
  ST_STBPRP_B: ["STCD", "STNM", "STTP", "LGTD", "LTTD", "ADDVCD"],
  ST_RVFCCH_B: ["STCD", "WRZ"],
  ST_RSVRFSR_B: ["STCD", "FSLTDZ"],
  ST_RIVER_R: ["STCD", "TM", "Z"],
  ST_RSVR_R: ["STCD", "TM", "RZ"],
  ST_PPTN_R: ["STCD", "TM", "DRP"],
};

/** STTP station types: 河道水位 ZZ, 河道水文 ZQ, 水库 RR, 雨量 PP, 堰闸 DD, 潮位 TT, 泵站 DP, 墒情 SS, 地下水 ZG, 分洪水位 ZB, 气象 MM, 蒸发 BB. */
export const STATION_TYPES = ["ZZ", "ZQ", "RR", "PP", "DD", "TT", "DP", "SS", "ZG", "ZB", "MM", "BB"] as const;

/** STCD: 8 characters, digits and upper-case letters. */
export const stationCode = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .pipe(z.string().regex(/^[0-9A-Z]{8}$/, "must be 8 characters (SL 323 STCD)"));

export const stationRow = z
  .object({
    STCD: stationCode,
    STNM: text,
    RVNM: optionalText,
    STTP: z.string().trim().pipe(z.enum(STATION_TYPES)),
    LGTD: numeric,
    LTTD: numeric,
    ADDVCD: divisionCode,
  })
  .superRefine((row, ctx) => checkCoordinates(ctx, row.LTTD, row.LGTD, ["LGTD"], "LGTD/LTTD"));

/** River flood-control thresholds: 警戒水位 WRZ, 保证水位 GRZ, 实测最高水位 OBHTZ. */
export const riverThresholdRow = z
  .object({ STCD: stationCode, WRZ: optionalNumeric, GRZ: optionalNumeric, OBHTZ: optionalNumeric })
  .superRefine((row, ctx) => {
    if (row.WRZ !== null && row.GRZ !== null && row.GRZ < row.WRZ) {
      ctx.addIssue({ code: "custom", path: ["GRZ"], message: `${row.GRZ} is below WRZ ${row.WRZ}` });
    }
  });

/** Reservoir flood-season limit level 汛限水位 FSLTDZ (one row per period BGMD–EDMD). */
/** "MMDD" of a real day of the year (0229 included). */
const monthDay = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim().padStart(4, "0"))
  .refine((value) => /^(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(value) && Number(value.slice(2)) <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][Number(value.slice(0, 2)) - 1]!, {
    message: "is not a month and day MMDD",
  });

export const reservoirLimitRow = z.object({
  STCD: stationCode,
  FSLTDZ: numeric,
  BGMD: z.preprocess((v) => (v === "" || v === undefined ? null : v), monthDay.nullable()),
  EDMD: z.preprocess((v) => (v === "" || v === undefined ? null : v), monthDay.nullable()),
});

export const riverReadingRow = z
  .object({ STCD: stationCode, TM: dateTime, Z: optionalNumeric, Q: optionalNonNegative })
  .refine((row) => row.Z !== null || row.Q !== null, { message: "Z and Q are both empty" });

export const reservoirReadingRow = z
  .object({
    STCD: stationCode,
    TM: dateTime,
    RZ: optionalNumeric,
    INQ: optionalNonNegative,
    OTQ: optionalNonNegative,
    W: optionalNonNegative,
  })
  .refine((row) => row.RZ !== null || row.INQ !== null || row.OTQ !== null || row.W !== null, {
    message: "RZ, INQ, OTQ and W are all empty",
  });

/** Rainfall 降水量: DRP mm over the INTV hours that end at TM (时段降水量, 时段长). */
export const rainfallReadingRow = z.object({ STCD: stationCode, TM: dateTime, DRP: optionalNonNegative, INTV: optionalNonNegative }).refine((row) => row.DRP !== null, {
  message: "DRP is empty",
});

export type StationRow = z.output<typeof stationRow>;
export type RiverThresholdRow = z.output<typeof riverThresholdRow>;
export type ReservoirLimitRow = z.output<typeof reservoirLimitRow>;
export type RiverReadingRow = z.output<typeof riverReadingRow>;
export type ReservoirReadingRow = z.output<typeof reservoirReadingRow>;
export type RainfallReadingRow = z.output<typeof rainfallReadingRow>;
