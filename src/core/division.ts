/**
 * Administrative division codes (GB/T 2260, 6 digits; statistical 12 digits
 * adding township 3 + village 3). Scope checks compare *significant prefixes*:
 * 410000 → "41", 410200 → "4102", 410106 → "410106", 410106001000 → "410106001".
 * Pure: no I/O.
 */
export type DivisionLevel = "PROVINCE" | "CITY" | "COUNTY" | "TOWNSHIP" | "VILLAGE";

export type DivisionResult = { ok: true; code: string } | { ok: false; reason: string };

/** Normalises to the full 6- or 12-digit form: accepts a significant prefix ("4102"), 6, 9 or 12 digits. */
export function normaliseDivisionCode(input: string): DivisionResult {
  const digits = input.trim();
  if (!/^\d+$/.test(digits)) return { ok: false, reason: "must contain digits only" };
  if (![2, 4, 6, 9, 12].includes(digits.length)) {
    return { ok: false, reason: `must have 2, 4, 6, 9 or 12 digits, got ${digits.length}` };
  }
  if (digits.slice(0, 2) === "00") return { ok: false, reason: "province part cannot be 00" };
  if (digits.length <= 6) return { ok: true, code: digits.padEnd(6, "0") };
  return { ok: true, code: digits.padEnd(12, "0") };
}

/** The significant prefix of a normalised code: trailing all-zero levels removed. */
export function divisionPrefix(code: string): string {
  if (code.length === 12) {
    if (code.endsWith("000000")) return divisionPrefix(code.slice(0, 6));
    if (code.endsWith("000")) return code.slice(0, 9);
    return code;
  }
  if (code.endsWith("0000")) return code.slice(0, 2);
  if (code.endsWith("00")) return code.slice(0, 4);
  return code;
}

/** Normalises any accepted form straight to its significant prefix. */
export function parseDivisionPrefix(input: string): DivisionResult {
  const normalised = normaliseDivisionCode(input);
  return normalised.ok ? { ok: true, code: divisionPrefix(normalised.code) } : normalised;
}

/** True when `code` lies inside the territory `scope` (both any accepted form). */
export function isWithinDivision(code: string, scope: string): boolean {
  const a = normaliseDivisionCode(code);
  const b = normaliseDivisionCode(scope);
  if (!a.ok || !b.ok) return false;
  return divisionPrefix(a.code).startsWith(divisionPrefix(b.code));
}

export function divisionLevel(code: string): DivisionLevel {
  const prefix = divisionPrefix(code);
  switch (prefix.length) {
    case 2:
      return "PROVINCE";
    case 4:
      return "CITY";
    case 6:
      return "COUNTY";
    case 9:
      return "TOWNSHIP";
    default:
      return "VILLAGE";
  }
}

/** The normalised code of the enclosing division, or null for a province. */
export function parentDivision(code: string): string | null {
  const prefix = divisionPrefix(code);
  const parentLength = { 2: 0, 4: 2, 6: 4, 9: 6, 12: 9 }[prefix.length] ?? 0;
  if (parentLength === 0) return null;
  const parent = prefix.slice(0, parentLength);
  return parent.length <= 6 ? parent.padEnd(6, "0") : parent.padEnd(12, "0");
}

/** The normalised codes from the province down to this one: "410106" → ["410000", "410100", "410106"]. */
export function divisionLineage(input: string): string[] {
  const normalised = normaliseDivisionCode(input);
  if (!normalised.ok) return [];
  const lineage: string[] = [];
  for (let code: string | null = normalised.code; code !== null; code = parentDivision(code)) lineage.unshift(code);
  return lineage;
}

/** True when one division contains the other (a city-wide warning and a county, or the reverse). */
export function divisionsOverlap(a: string, b: string): boolean {
  return isWithinDivision(a, b) || isWithinDivision(b, a);
}
