/**
 * Zod building blocks shared by the connectors. The code checks run the
 * src/core validators; every refusal names the value it refused.
 */
import { z } from "zod";
import { validateCreditCode } from "../../src/core/credit-code.js";
import { normaliseDivisionCode } from "../../src/core/division.js";
import { isInsideChina } from "../../src/core/geo.js";
import { parseSourceDate, parseSourceDateTime } from "./time.js";
import { showValue } from "./reasons.js";

/** "" and whitespace-only strings count as absent. */
export const blankToNull = (value: unknown) => (value === undefined || (typeof value === "string" && value.trim() === "") ? null : value);

export const text = z.string().trim().min(1);
export const optionalText = z.preprocess(blankToNull, z.string().trim().nullable());

/** A number, also when the source sends it as a string ("12.5"). */
export const numeric = z.preprocess(
  (value) => (typeof value === "string" && value.trim() !== "" ? Number(value.trim()) : value),
  z.number().finite(),
);
export const optionalNumeric = z.preprocess(blankToNull, numeric.nullable());
export const nonNegative = numeric.pipe(z.number().min(0));
export const optionalNonNegative = z.preprocess(blankToNull, nonNegative.nullable());
export const count = numeric.pipe(z.number().int().min(0));
export const optionalCount = z.preprocess(blankToNull, count.nullable());

/** 0/1, true/false, 是/否 flags. */
export const flag = z.preprocess((value) => {
  if (value === 1 || value === "1" || value === "是" || value === "Y") return true;
  if (value === 0 || value === "0" || value === "否" || value === "N") return false;
  return value;
}, z.boolean());

export const optionalFlag = z.preprocess(blankToNull, flag.nullable());

/** GB 32100 credit code, returned upper-case. */
export const creditCode = z.string().transform((value, ctx) => {
  const result = validateCreditCode(value);
  if (result.ok) return result.code;
  ctx.addIssue({ code: "custom", message: `${result.reason} in ${showValue(value)}` });
  return z.NEVER;
});

export const optionalCreditCode = z.preprocess(blankToNull, creditCode.nullable());

/** GB/T 2260 division code in any accepted form, returned as the full 6- or 12-digit code. */
export const divisionCode = z.union([z.string(), z.number().int()]).transform((value, ctx) => {
  const result = normaliseDivisionCode(String(value));
  if (result.ok) return result.code;
  ctx.addIssue({ code: "custom", message: `${result.reason} (got ${showValue(value)})` });
  return z.NEVER;
});

/** A date-time; without an offset it is China Standard Time. Returned as ISO UTC. */
export const dateTime = z.string().transform((value, ctx) => {
  const iso = parseSourceDateTime(value);
  if (iso !== null) return iso;
  ctx.addIssue({ code: "custom", message: `is not a date-time (got ${showValue(value)})` });
  return z.NEVER;
});
export const optionalDateTime = z.preprocess(blankToNull, dateTime.nullable());

/** A calendar date, returned as midnight UTC of that date. */
export const date = z.string().transform((value, ctx) => {
  const iso = parseSourceDate(value);
  if (iso !== null) return iso;
  ctx.addIssue({ code: "custom", message: `is not a date (got ${showValue(value)})` });
  return z.NEVER;
});
export const optionalDate = z.preprocess(blankToNull, date.nullable());

/** Mobile (11 digits), landline (0371-12345678) or a short service number (12350). */
export const phone = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .pipe(z.string().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{3,8})$/, "is not a phone number"));
export const optionalPhone = z.preprocess(blankToNull, phone.nullable());

/** A list given either as an array or as one string separated by 、，,；; or spaces. */
export const splitList = (value: unknown): unknown => {
  if (value === undefined || value === null) return [];
  if (typeof value === "string") return value.split(/[、，,；;\s]+/).filter((part) => part !== "");
  return value;
};
export const textList = z.preprocess(splitList, z.array(z.string().trim().min(1)));

/** The reason a coordinate pair is refused, or null when it lies inside China. */
export function coordinateProblem(lat: number | null, lon: number | null, label = "longitude/latitude"): string | null {
  if (lat === null && lon === null) return null;
  if (lat === null || lon === null) return `${label} must both be given (got ${showValue(lon)}, ${showValue(lat)})`;
  if (!isInsideChina(lat, lon)) return `${label} (${lon}, ${lat}) outside China`;
  return null;
}

/** Adds a custom issue at `path` when the coordinates are refused. */
export function checkCoordinates(
  ctx: z.RefinementCtx,
  lat: number | null,
  lon: number | null,
  path: PropertyKey[] = [],
  label?: string,
): void {
  const problem = coordinateProblem(lat, lon, label);
  if (problem !== null) ctx.addIssue({ code: "custom", message: problem, path });
}

/** Looks a Chinese source value up in a code table; reports the allowed values when it is missing. */
export function codeTable<T extends string>(table: Readonly<Record<string, T>>) {
  return z.union([z.string(), z.number()]).transform((value, ctx) => {
    const key = String(value).trim();
    const mapped = table[key];
    if (mapped !== undefined) return mapped;
    ctx.addIssue({ code: "custom", message: `${showValue(value)} is not one of ${Object.keys(table).join(", ")}` });
    return z.NEVER;
  });
}
