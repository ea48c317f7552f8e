import { describe, expect, it } from "vitest";
import {
  FIX_ON_SPOT_STEPS,
  HAZARD_ACTIONS,
  HAZARD_STATES,
  HAZARD_TRANSITIONS,
  decideHazardAction,
  nextHazardState,
  type HazardAction,
  type HazardActor,
  type HazardCommand,
  type HazardSnapshot,
  type HazardState,
} from "../../../src/core/hazard/index.js";

// Written out independently of the source: the states and actions of the contract…
const STATES: HazardState[] = ["REPORTED", "RECTIFYING", "PENDING_ACCEPTANCE", "CLOSED", "CANCELLED"];
const ACTIONS: HazardAction[] = ["REPORT", "PLAN", "SUBMIT", "ACCEPT", "REJECT", "SUPERVISE", "CANCEL", "FIX_ON_SPOT"];

// …and every legal (from, action) → to. "NEW" is a hazard not yet reported. Every other pair is illegal.
const LEGAL: Record<string, HazardState> = {
  "NEW REPORT": "REPORTED",
  "REPORTED PLAN": "RECTIFYING",
  "REPORTED FIX_ON_SPOT": "CLOSED",
  "REPORTED SUPERVISE": "REPORTED",
  "REPORTED CANCEL": "CANCELLED",
  "RECTIFYING SUBMIT": "PENDING_ACCEPTANCE",
  "RECTIFYING SUPERVISE": "RECTIFYING",
  "RECTIFYING CANCEL": "CANCELLED",
  "PENDING_ACCEPTANCE ACCEPT": "CLOSED",
  "PENDING_ACCEPTANCE REJECT": "RECTIFYING",
  "PENDING_ACCEPTANCE SUPERVISE": "PENDING_ACCEPTANCE",
  "PENDING_ACCEPTANCE CANCEL": "CANCELLED",
};

const NOW = new Date("2026-03-05T10:00:00+08:00");
const ADMIN: HazardActor = { id: "admin-1", roles: ["ADMIN"], ownEnterprise: false, isSupervisingAuthority: true };

function validCommand(action: HazardAction, expectedVersion: number): HazardCommand {
  switch (action) {
    case "REPORT":
      return { action, grade: "GENERAL", description: "配电箱未接地", foundAt: new Date("2026-03-05T09:00:00+08:00") };
    case "PLAN":
      return { action, expectedVersion, measures: "加装接地线", responsiblePerson: "张三", deadline: "2026-03-10" };
    case "SUBMIT":
      return { action, expectedVersion, note: "已整改", evidence: ["photo-1"] };
    case "ACCEPT":
      return { action, expectedVersion, opinion: "同意销号" };
    case "REJECT":
      return { action, expectedVersion, opinion: "接地电阻不合格" };
    case "SUPERVISE":
      return { action, expectedVersion, authority: "开封市应急管理局", deadline: "2026-04-30" };
    case "CANCEL":
      return { action, expectedVersion, reason: "重复登记" };
    case "FIX_ON_SPOT":
      return { action, expectedVersion, measures: "当场加装接地线", responsiblePerson: "张三", opinion: "" };
  }
}

function snapshot(state: HazardState, action: HazardAction): HazardSnapshot {
  // SUPERVISE applies to MAJOR hazards only; everything else is tried on a GENERAL one.
  const grade = action === "SUPERVISE" ? "MAJOR" : "GENERAL";
  return { state, grade, version: 4, foundAt: new Date("2026-03-01T09:00:00+08:00") };
}

describe("the transition table", () => {
  it("has exactly the states and actions of the contract", () => {
    expect([...HAZARD_STATES]).toEqual(STATES);
    expect([...HAZARD_ACTIONS]).toEqual(ACTIONS);
  });

  it("lists exactly the legal pairs written out here", () => {
    const fromTable = Object.fromEntries(HAZARD_TRANSITIONS.map((t) => [`${t.from ?? "NEW"} ${t.action}`, t.to]));
    expect(fromTable).toEqual(LEGAL);
  });

  const origins: Array<HazardState | null> = [null, ...STATES];
  for (const from of origins) {
    for (const action of ACTIONS) {
      const key = `${from ?? "NEW"} ${action}`;
      const expected = LEGAL[key];
      if (expected) {
        it(`${key} → ${expected}`, () => {
          expect(nextHazardState(from, action)).toBe(expected);
          const hazard = from === null ? null : snapshot(from, action);
          const result = decideHazardAction(hazard, validCommand(action, 4), ADMIN, NOW);
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          expect(result.next.state).toBe(expected);
          expect(result.next.version).toBe(from === null ? 1 : 5);
          expect(result.next.events[0]!.fromState).toBe(from);
          expect(result.next.events.at(-1)!.toState).toBe(expected);
        });
      } else {
        it(`${key} is refused`, () => {
          expect(nextHazardState(from, action)).toBeNull();
          const hazard = from === null ? null : snapshot(from, action);
          const result = decideHazardAction(hazard, validCommand(action, 4), ADMIN, NOW);
          expect(result).toEqual({
            ok: false,
            error: {
              code: "INVALID_TRANSITION",
              state: from,
              action,
              message:
                from === null
                  ? `cannot ${action} a hazard that has not been reported`
                  : `cannot ${action} a hazard in state ${from}`,
            },
          });
        });
      }
    }
  }

  it("records the fast path as steps that are each legal and end where FIX_ON_SPOT ends", () => {
    expect(FIX_ON_SPOT_STEPS).toEqual(["PLAN", "SUBMIT", "ACCEPT"]);
    let state: HazardState | null = "REPORTED";
    for (const action of FIX_ON_SPOT_STEPS) state = nextHazardState(state!, action);
    expect(state).toBe(nextHazardState("REPORTED", "FIX_ON_SPOT"));
  });
});
