/**
 * The one transition table of the hazard closed loop. A pair not listed is
 * illegal. `from: null` is a hazard that does not exist yet.
 * Pure: no I/O.
 */
import type { HazardAction, HazardState } from "./types.js";

export interface HazardTransition {
  from: HazardState | null;
  action: HazardAction;
  to: HazardState;
}

export const HAZARD_TRANSITIONS: readonly HazardTransition[] = [
  { from: null, action: "REPORT", to: "REPORTED" },

  { from: "REPORTED", action: "PLAN", to: "RECTIFYING" },
  { from: "RECTIFYING", action: "SUBMIT", to: "PENDING_ACCEPTANCE" },
  { from: "PENDING_ACCEPTANCE", action: "ACCEPT", to: "CLOSED" },
  { from: "PENDING_ACCEPTANCE", action: "REJECT", to: "RECTIFYING" },

  // 即查即改: PLAN → SUBMIT → ACCEPT in one mutation (see FIX_ON_SPOT_STEPS).
  { from: "REPORTED", action: "FIX_ON_SPOT", to: "CLOSED" },

  // 挂牌督办 leaves the state alone.
  { from: "REPORTED", action: "SUPERVISE", to: "REPORTED" },
  { from: "RECTIFYING", action: "SUPERVISE", to: "RECTIFYING" },
  { from: "PENDING_ACCEPTANCE", action: "SUPERVISE", to: "PENDING_ACCEPTANCE" },

  { from: "REPORTED", action: "CANCEL", to: "CANCELLED" },
  { from: "RECTIFYING", action: "CANCEL", to: "CANCELLED" },
  { from: "PENDING_ACCEPTANCE", action: "CANCEL", to: "CANCELLED" },
];

/** The steps the fast path is recorded as, each a legal transition of its own. */
export const FIX_ON_SPOT_STEPS: readonly HazardAction[] = ["PLAN", "SUBMIT", "ACCEPT"];

/** The state after `action`, or null when the table has no such pair. */
export function nextHazardState(from: HazardState | null, action: HazardAction): HazardState | null {
  return HAZARD_TRANSITIONS.find((t) => t.from === from && t.action === action)?.to ?? null;
}

export function invalidTransitionMessage(from: HazardState | null, action: HazardAction): string {
  return from === null
    ? `cannot ${action} a hazard that has not been reported`
    : `cannot ${action} a hazard in state ${from}`;
}
