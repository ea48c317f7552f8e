/**
 * 12350 tip-offs (安全生产举报) from the public: what a report must hold, and
 * the ticket the reporter follows it by. A tip-off goes to the emergency
 * bureau of the county (or township) it names; one that names an enterprise
 * the hub knows becomes a hazard of that enterprise at once, found by 举报.
 * Pure: no I/O.
 */
import { randomInt } from "node:crypto";
import { validateCreditCode } from "./credit-code.js";
import { normaliseDivisionCode } from "./division.js";

export interface TipOffInput {
  region: string;
  description: string;
  enterpriseCode?: string | null;
  enterpriseName?: string | null;
  location?: string | null;
  reporterName?: string | null;
  reporterContact?: string | null;
}

export interface TipOffIntake {
  regionCode: string;
  description: string;
  enterpriseCode: string | null;
  enterpriseName: string | null;
  location: string | null;
  reporterName: string | null;
  reporterContact: string | null;
}

export type IntakeResult = { ok: true; intake: TipOffIntake } | { ok: false; field: string; reason: string };

const LIMITS = { description: [10, 2000], enterpriseName: [1, 200], location: [1, 200], reporterName: [1, 50], reporterContact: [5, 100] } as const;

const text = (value: string | null | undefined) => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);

/** The tip-off as the hub keeps it, or the first field that is wrong and why. */
export function checkTipOff(input: TipOffInput): IntakeResult {
  const region = normaliseDivisionCode(String(input.region ?? ""));
  if (!region.ok) return { ok: false, field: "region", reason: region.reason };
  if (!region.code.startsWith("41")) return { ok: false, field: "region", reason: "is not a division of Henan (41…)" };
  if (region.code.endsWith("0000")) return { ok: false, field: "region", reason: "must name a county or a township, where the report is about" };
  let enterpriseCode: string | null = null;
  const code = text(input.enterpriseCode);
  if (code !== null) {
    const checked = validateCreditCode(code);
    if (!checked.ok) return { ok: false, field: "enterpriseCode", reason: `is not a unified social credit code: ${checked.reason}` };
    enterpriseCode = checked.code;
  }
  const fields = {
    description: text(input.description),
    enterpriseName: text(input.enterpriseName),
    location: text(input.location),
    reporterName: text(input.reporterName),
    reporterContact: text(input.reporterContact),
  };
  if (fields.description === null) return { ok: false, field: "description", reason: "is required: what is unsafe, and where" };
  for (const [field, value] of Object.entries(fields)) {
    const [min, max] = LIMITS[field as keyof typeof LIMITS];
    if (value !== null && (value.length < min || value.length > max)) return { ok: false, field, reason: `must be ${min} to ${max} characters` };
  }
  if (fields.reporterContact !== null && !/^[0-9+\-() ]{5,30}$|^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(fields.reporterContact)) {
    return { ok: false, field: "reporterContact", reason: "must be a telephone number or an e-mail address" };
  }
  return { ok: true, intake: { regionCode: region.code, description: fields.description, enterpriseCode, enterpriseName: fields.enterpriseName, location: fields.location, reporterName: fields.reporterName, reporterContact: fields.reporterContact } };
}

/** Letters and digits that are not mistaken for each other when read out on the telephone. */
const TICKET_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** A new ticket: 12350- and 12 random characters (about 59 bits: not guessable, so the ticket is the reporter's key). */
export function newTicket(): string {
  let ticket = "12350-";
  for (let i = 0; i < 12; i++) ticket += TICKET_ALPHABET[randomInt(TICKET_ALPHABET.length)];
  return ticket;
}

export function isTicket(value: string): boolean {
  return new RegExp(`^12350-[${TICKET_ALPHABET}]{12}$`).test(value);
}
