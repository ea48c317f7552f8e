/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015).
 *
 * 18 characters from a 31-character alphabet (no I, O, Z, S, V). Position 18 is
 * a check character over the first 17 with weights 3^(i-1) mod 31.
 * Pure: no I/O.
 */
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeResult = { ok: true; code: string } | { ok: false; reason: string };

/** The check character for the first 17 characters, or null if one is outside the alphabet. */
export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i] ?? "");
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Validates a credit code; accepts lower case and surrounding spaces, returns the canonical form. */
export function validateCreditCode(input: string): CreditCodeResult {
  const code = input.trim().toUpperCase();
  if (code.length !== 18) return { ok: false, reason: `must be 18 characters, got ${code.length}` };
  const bad = [...code].find((ch) => !ALPHABET.includes(ch));
  if (bad !== undefined) return { ok: false, reason: `character '${bad}' is not allowed (GB 32100 excludes I, O, Z, S, V)` };
  if (!/^\d{6}$/.test(code.slice(2, 8))) return { ok: false, reason: "positions 3–8 must be a 6-digit division code" };
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (expected !== code[17]) return { ok: false, reason: `check character should be '${expected}', got '${code[17]}'` };
  return { ok: true, code };
}

export function isCreditCode(input: string): boolean {
  return validateCreditCode(input).ok;
}

/** The GB/T 2260 division code embedded at positions 3–8. */
export function creditCodeDivision(code: string): string {
  return code.slice(2, 8);
}
