/**
 * decideHazardAction: the single entry point of the hazard workflow.
 *
 * Checks run in this order, and the first failure is returned:
 * 1. CONFLICT — the client's expectedVersion is stale. Everything it believes
 *    about the hazard (state, grade, supervision) may be out of date, so any
 *    other verdict could mislead it; it must reload first.
 * 2. INVALID_TRANSITION — the state is visible to whoever may see the hazard,
 *    and "a CLOSED hazard cannot be planned" is true for every actor, so it is
 *    more useful than a role verdict.
 * 3. FORBIDDEN — before input checks, so an actor who may not act learns
 *    nothing about what input would be accepted, and nobody fixes input in vain.
 * 4. BAD_USER_INPUT.
 * The caller resolves the hazard and scope (not found / outside territory)
 * before calling, so a CONFLICT never tells an outsider anything.
 * Pure: no I/O.
 */
import type { HazardCommand } from "./commands.js";
import { cstDate } from "./cst-date.js";
import { hazardEffects } from "./effects.js";
import { checkHazardPermission } from "./permissions.js";
import { fail, type HazardDecision, type HazardEventDraft } from "./result.js";
import { invalidTransitionMessage, nextHazardState } from "./transitions.js";
import type { HazardActor, HazardSnapshot, HazardState } from "./types.js";
import { validateHazardCommand } from "./validation.js";

/**
 * Decide what `command` does to `hazard` (null for a hazard being reported).
 * On success the caller sets `next.patch`, `next.state` and `next.version` on
 * the hazard and appends `next.events` in order, all in one transaction.
 */
export function decideHazardAction(
  hazard: HazardSnapshot | null,
  command: HazardCommand,
  actor: HazardActor,
  now: Date,
): HazardDecision {
  if (hazard && command.action !== "REPORT" && command.expectedVersion !== hazard.version) {
    return fail({
      code: "CONFLICT",
      expectedVersion: command.expectedVersion,
      actualVersion: hazard.version,
      message: `hazard is at version ${hazard.version}, not ${command.expectedVersion}: reload and retry`,
    });
  }

  const from: HazardState | null = hazard ? hazard.state : null;
  const to = nextHazardState(from, command.action);
  if (to === null) {
    return fail({
      code: "INVALID_TRANSITION",
      state: from,
      action: command.action,
      message: invalidTransitionMessage(from, command.action),
    });
  }

  const grade = hazard ? hazard.grade : command.action === "REPORT" ? command.grade : "GENERAL";
  const denied = checkHazardPermission({ action: command.action, grade, state: from, actor });
  if (denied) return fail(denied);

  const invalid = validateHazardCommand(command, {
    grade,
    reportDate: hazard ? cstDate(hazard.foundAt) : null,
    now,
  });
  if (invalid) return fail(invalid);

  const { patch, steps } = hazardEffects(hazard, command, actor, now);
  const events: HazardEventDraft[] = [];
  let state = from;
  for (const s of steps) {
    const toState = nextHazardState(state, s.action);
    if (toState === null) throw new Error(`step ${s.action} from ${state} is not in the transition table`);
    events.push({ action: s.action, fromState: state, toState, actor: actor.id, note: s.note, evidence: s.evidence });
    state = toState;
  }
  if (state !== to) throw new Error(`steps of ${command.action} end in ${state}, the table says ${to}`);

  return { ok: true, next: { state: to, version: hazard ? hazard.version + 1 : 1, patch, events } };
}
