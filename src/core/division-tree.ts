/**
 * The division tree the hub knows: 河南省, its cities and its counties
 * (henan-divisions.ts). A code of a province whose tree the hub does not hold
 * cannot be checked against it. Pure: no I/O.
 */
import { divisionPrefix, normaliseDivisionCode } from "./division.js";
import { HENAN_CITIES, HENAN_COUNTIES } from "./henan-divisions.js";

export interface TreeDivision {
  code: string;
  name: string;
  level: "PROVINCE" | "CITY" | "COUNTY";
  parentCode: string | null;
}

/** Province, cities, counties, parents before children. */
export const DIVISION_TREE: readonly TreeDivision[] = [
  { code: "410000", name: "河南省", level: "PROVINCE", parentCode: null },
  ...HENAN_CITIES.map(([code, name]) => ({ code, name, level: "CITY" as const, parentCode: "410000" })),
  ...HENAN_COUNTIES.map(([code, name]) => {
    const city = `${code.slice(0, 4)}00`;
    const parentCode = HENAN_CITIES.some(([c]) => c === city) ? city : "410000";
    return { code, name, level: "COUNTY" as const, parentCode };
  }),
];

const KNOWN = new Map(DIVISION_TREE.map((d) => [d.code, d]));
const PROVINCES = new Set(DIVISION_TREE.filter((d) => d.level === "PROVINCE").map((d) => d.code.slice(0, 2)));

/** True when the tree holds the province of `code`, so the code can be checked against it. */
export function treeCovers(code: string): boolean {
  return PROVINCES.has(code.trim().slice(0, 2));
}

/**
 * Why a division code is not in the tree, or null when it is (or its province
 * is not one the tree holds). A 12-digit code is checked down to its county:
 * the tree does not list every township.
 */
export function divisionTreeProblem(code: string): string | null {
  const normalised = normaliseDivisionCode(code);
  if (!normalised.ok) return `${code} is not a division code: ${normalised.reason}`;
  if (!treeCovers(normalised.code)) return null;
  const prefix = divisionPrefix(normalised.code);
  const county = prefix.length > 6 ? prefix.slice(0, 6) : normalised.code.slice(0, 6);
  if (!KNOWN.has(county)) return `${code} is not in the division tree`;
  return null;
}

/** A division of the tree by its code in any accepted form ("4102"), or null. */
export function divisionOf(code: string): TreeDivision | null {
  const normalised = normaliseDivisionCode(code);
  return normalised.ok ? (KNOWN.get(normalised.code) ?? null) : null;
}

/** The name of a division in the tree ("开封市"), or null. */
export function divisionName(code: string): string | null {
  return divisionOf(code)?.name ?? null;
}
