/**
 * What a validated command writes: the fields to set and the recorded steps.
 * A step becomes one HazardEvent; states are filled in from the transition table.
 * Pure: no I/O.
 */
import type { HazardCommand } from "./commands.js";
import { cstDate } from "./cst-date.js";
import type { HazardPatch } from "./result.js";
import type { HazardAction, HazardActor, HazardSnapshot } from "./types.js";
import { trimmedText } from "./validation.js";

export interface HazardStep {
  action: HazardAction;
  note: string | null;
  evidence: string[];
}

export interface HazardEffects {
  patch: HazardPatch;
  steps: HazardStep[];
}

const FIX_ON_SPOT_NOTE = "即查即改";

function evidenceList(value: readonly string[] | null | undefined): string[] {
  return (value ?? []).map((e) => e.trim());
}

function step(action: HazardAction, note: unknown, evidence?: readonly string[] | null): HazardStep {
  return { action, note: trimmedText(note), evidence: evidenceList(evidence) };
}

function acceptance(actor: HazardActor, opinion: string, now: Date): HazardPatch {
  return { acceptedBy: actor.id, acceptedAt: now, acceptanceOpinion: trimmedText(opinion), closedAt: now };
}

function laterDay(a: string, b: string): string {
  return a > b ? a : b;
}

export function hazardEffects(
  hazard: HazardSnapshot | null,
  c: HazardCommand,
  actor: HazardActor,
  now: Date,
): HazardEffects {
  switch (c.action) {
    case "REPORT":
      return {
        patch: {
          grade: c.grade,
          description: c.description.trim(),
          category: trimmedText(c.category),
          discoverySource: trimmedText(c.discoverySource),
          foundAt: c.foundAt,
          foundBy: trimmedText(c.foundBy) ?? actor.id,
        },
        steps: [step("REPORT", c.note, c.evidence)],
      };
    case "PLAN":
      return {
        patch: {
          measures: c.measures.trim(),
          funds: c.funds ?? null,
          responsiblePerson: c.responsiblePerson.trim(),
          deadline: c.deadline,
          goal: trimmedText(c.goal),
          safetyMeasures: trimmedText(c.safetyMeasures),
        },
        steps: [step("PLAN", c.note)],
      };
    case "SUBMIT":
      return { patch: {}, steps: [step("SUBMIT", c.note, c.evidence)] };
    case "ACCEPT":
      return { patch: acceptance(actor, c.opinion, now), steps: [step("ACCEPT", c.opinion)] };
    case "REJECT":
      return { patch: {}, steps: [step("REJECT", c.opinion, c.evidence)] };
    case "SUPERVISE": {
      // Re-listing replaces supervisedBy, so the event keeps the listing itself, and whom it took over from.
      const authority = c.authority.trim();
      const previous = hazard?.supervisedBy?.trim();
      const takeover = previous && previous !== authority ? ` (接管 ${previous} 的挂牌督办)` : "";
      const listing = `挂牌督办: ${authority}, 期限 ${c.deadline}${takeover}`;
      const note = trimmedText(c.note);
      return {
        patch: { supervisedBy: authority, supervisionDeadline: c.deadline },
        steps: [step("SUPERVISE", note ? `${listing}; ${note}` : listing)],
      };
    }
    case "CANCEL":
      return { patch: {}, steps: [step("CANCEL", c.reason)] };
    case "FIX_ON_SPOT": {
      // Fixed today: the plan's deadline is today (never before the report date).
      const today = cstDate(now);
      const deadline = hazard ? laterDay(today, cstDate(hazard.foundAt)) : today;
      return {
        patch: {
          measures: c.measures.trim(),
          funds: c.funds ?? null,
          responsiblePerson: c.responsiblePerson.trim(),
          deadline,
          goal: null,
          safetyMeasures: null,
          ...acceptance(actor, c.opinion, now),
        },
        steps: [
          step("PLAN", FIX_ON_SPOT_NOTE),
          step("SUBMIT", c.note ?? FIX_ON_SPOT_NOTE, c.evidence),
          step("ACCEPT", c.opinion),
        ],
      };
    }
  }
}
