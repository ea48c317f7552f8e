/**
 * Common Alerting Protocol 1.2 helpers for the GB/T 35965.1 profile: alert
 * references, CPEAS geocodes, and the signal type named in a Chinese event or
 * headline. Pure: no I/O.
 */
import { normaliseDivisionCode, type DivisionResult } from "./division.js";
import { SIGNAL_COLOURS } from "./warning-level.js";

export const CAP_NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";

/** The geocode valueName of China's warning release system: a 12-digit division code. */
export const CPEAS_GEOCODE = "CPEAS Geographic Code";

export interface CapReference {
  sender: string;
  identifier: string;
  sent: string;
}

export type CapReferencesResult = { ok: true; references: CapReference[] } | { ok: false; reason: string };

/** Splits a CAP `references` value: space-separated "sender,identifier,sent" triples. */
export function parseCapReferences(text: string): CapReferencesResult {
  const references: CapReference[] = [];
  for (const triple of text.trim().split(/\s+/).filter((part) => part !== "")) {
    const parts = triple.split(",");
    if (parts.length !== 3 || parts.some((part) => part === "")) {
      return { ok: false, reason: `'${triple}' is not "sender,identifier,sent"` };
    }
    const [sender, identifier, sent] = parts as [string, string, string];
    references.push({ sender, identifier, sent });
  }
  return { ok: true, references };
}

/** The "sender,identifier,sent" form of a reference. */
export function formatCapReference(reference: CapReference): string {
  return `${reference.sender},${reference.identifier},${reference.sent}`;
}

/**
 * A CPEAS geocode (12 digits) as a hub division code: the 6-digit code when the
 * township and village parts are zero (410106000000 → 410106), else all 12.
 */
export function divisionFromCpeasCode(value: string): DivisionResult {
  const digits = value.trim();
  if (!/^\d{12}$/.test(digits)) return { ok: false, reason: `must be 12 digits, got '${value}'` };
  const normalised = normaliseDivisionCode(digits);
  if (!normalised.ok) return normalised;
  return { ok: true, code: digits.endsWith("000000") ? digits.slice(0, 6) : digits };
}

const SIGNAL_TYPES = Object.keys(SIGNAL_COLOURS).sort((a, b) => b.length - a.length);

/** The meteorological signal type a text names first (「…发布暴雨黄色预警」 → 暴雨), or null. */
export function signalTypeOf(text: string): string | null {
  let best: { type: string; at: number } | null = null;
  for (const type of SIGNAL_TYPES) {
    const at = text.indexOf(type);
    if (at >= 0 && (best === null || at < best.at)) best = { type, at };
  }
  return best?.type ?? null;
}
