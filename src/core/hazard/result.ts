/**
 * The outcome of a hazard decision: either what to write (the state, the
 * fields to set, the events to append) or why nothing may be written.
 * Pure: no I/O.
 */
import type { HazardAction, HazardGrade, HazardState } from "./types.js";

export type HazardError =
  | { code: "CONFLICT"; expectedVersion: number; actualVersion: number; message: string }
  | { code: "INVALID_TRANSITION"; state: HazardState | null; action: HazardAction; message: string }
  | { code: "FORBIDDEN"; message: string }
  | { code: "BAD_USER_INPUT"; field: string; message: string };

/**
 * Fields to set on the hazard row. Dates of the plan and the supervision are
 * calendar days "YYYY-MM-DD" (China Standard Time); instants are Dates.
 */
export interface HazardPatch {
  grade?: HazardGrade;
  description?: string;
  category?: string | null;
  discoverySource?: string | null;
  foundAt?: Date;
  foundBy?: string;
  measures?: string;
  funds?: number | null;
  responsiblePerson?: string;
  deadline?: string;
  goal?: string | null;
  safetyMeasures?: string | null;
  supervisedBy?: string;
  supervisionDeadline?: string;
  acceptedBy?: string;
  acceptedAt?: Date;
  acceptanceOpinion?: string | null;
  closedAt?: Date;
}

/** One row to append to the hazard's history; `fromState` is null for REPORT. */
export interface HazardEventDraft {
  action: HazardAction;
  fromState: HazardState | null;
  toState: HazardState;
  actor: string;
  note: string | null;
  evidence: string[];
}

export interface HazardNext {
  state: HazardState;
  /** 1 for a new hazard, otherwise the old version + 1: one step per mutation. */
  version: number;
  patch: HazardPatch;
  events: HazardEventDraft[];
}

export type HazardDecision = { ok: true; next: HazardNext } | { ok: false; error: HazardError };

export function fail(error: HazardError): HazardDecision {
  return { ok: false, error };
}

export function forbidden(message: string): HazardError {
  return { code: "FORBIDDEN", message };
}

export function badInput(field: string, message: string): HazardError {
  return { code: "BAD_USER_INPUT", field, message };
}
