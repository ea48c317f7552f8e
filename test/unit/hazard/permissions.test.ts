import { describe, expect, it } from "vitest";
import {
  decideHazardAction,
  type ActorRole,
  type HazardAction,
  type HazardActor,
  type HazardCommand,
  type HazardGrade,
  type HazardState,
} from "../../../src/core/hazard/index.js";

const NOW = new Date("2026-03-05T10:00:00+08:00");
const FOUND_AT = new Date("2026-03-01T09:00:00+08:00");

function actor(roles: ActorRole[], facts: Partial<HazardActor> = {}): HazardActor {
  return { id: roles.join("+"), roles, ownEnterprise: false, isSupervisingAuthority: false, ...facts };
}

const A = {
  admin: actor(["ADMIN"]),
  authority: actor(["SUPERVISOR"], { isSupervisingAuthority: true }),
  otherSupervisor: actor(["SUPERVISOR"]),
  aboveListing: actor(["SUPERVISOR"], { isAboveListing: true }),
  inspector: actor(["INSPECTOR"]),
  analyst: actor(["ANALYST"]),
  ownEnterprise: actor(["ENTERPRISE"], { ownEnterprise: true }),
  otherEnterprise: actor(["ENTERPRISE"]),
  service: actor(["SERVICE"]),
};
type Who = keyof typeof A;

/** The state each action is legal from, so that only the role rules decide. */
const FROM: Record<HazardAction, HazardState | null> = {
  REPORT: null,
  PLAN: "REPORTED",
  SUBMIT: "RECTIFYING",
  ACCEPT: "PENDING_ACCEPTANCE",
  REJECT: "PENDING_ACCEPTANCE",
  SUPERVISE: "RECTIFYING",
  CANCEL: "REPORTED",
  FIX_ON_SPOT: "REPORTED",
};

function command(action: HazardAction, grade: HazardGrade): HazardCommand {
  const v = { expectedVersion: 2 };
  switch (action) {
    case "REPORT":
      return { action, grade, description: "储罐区可燃气体报警器失效", foundAt: FOUND_AT };
    case "PLAN":
      return {
        action,
        ...v,
        measures: "更换报警器",
        responsiblePerson: "李四",
        deadline: "2026-03-20",
        goal: "恢复报警功能",
        safetyMeasures: "停用储罐并专人值守",
      };
    case "SUBMIT":
      return { action, ...v, note: "已更换", evidence: ["report.pdf"] };
    case "ACCEPT":
      return { action, ...v, opinion: "验收合格" };
    case "REJECT":
      return { action, ...v, opinion: "未联动切断阀" };
    case "SUPERVISE":
      return { action, ...v, authority: "开封市应急管理局", deadline: "2026-04-30" };
    case "CANCEL":
      return { action, ...v, reason: "误报" };
    case "FIX_ON_SPOT":
      return { action, ...v, measures: "当场复位", responsiblePerson: "李四", opinion: "现场确认" };
  }
}

function run(action: HazardAction, grade: HazardGrade, who: Who | HazardActor, state = FROM[action]) {
  const hazard = state === null ? null : { state, grade, version: 2, foundAt: FOUND_AT };
  return decideHazardAction(hazard, command(action, grade), typeof who === "string" ? A[who] : who, NOW);
}

type Case = [HazardAction, HazardGrade, Who, true | string];

/** [action, grade, actor, true = allowed | part of the FORBIDDEN message]. */
const CASES: Case[] = [
  // ANALYST never acts.
  ...(["REPORT", "PLAN", "SUBMIT", "ACCEPT", "REJECT", "CANCEL", "FIX_ON_SPOT"] as const).map(
    (a): Case => [a, "GENERAL", "analyst", "ANALYST is read-only"],
  ),
  ["SUPERVISE", "MAJOR", "analyst", "ANALYST is read-only"],

  // REPORT: own enterprise, inspector, supervisor, admin, service (grid member / 12350).
  ["REPORT", "GENERAL", "ownEnterprise", true],
  ["REPORT", "MAJOR", "ownEnterprise", true],
  ["REPORT", "GENERAL", "otherEnterprise", "only on its own hazards"],
  ["REPORT", "MAJOR", "inspector", true],
  ["REPORT", "MAJOR", "otherSupervisor", true],
  ["REPORT", "GENERAL", "admin", true],
  ["REPORT", "GENERAL", "service", true],

  // PLAN and SUBMIT: the enterprise on its own hazard, or the regulators.
  ["PLAN", "GENERAL", "ownEnterprise", true],
  ["PLAN", "MAJOR", "ownEnterprise", true],
  ["PLAN", "GENERAL", "otherEnterprise", "only on its own hazards"],
  ["PLAN", "GENERAL", "inspector", true],
  ["PLAN", "GENERAL", "service", "SERVICE may not PLAN"],
  ["SUBMIT", "MAJOR", "ownEnterprise", true],
  ["SUBMIT", "GENERAL", "otherEnterprise", "only on its own hazards"],
  ["SUBMIT", "GENERAL", "otherSupervisor", true],
  ["SUBMIT", "GENERAL", "service", "SERVICE may not SUBMIT"],

  // ACCEPT / REJECT a GENERAL hazard: the enterprise itself (自查自改自报) or inspector/supervisor/admin.
  ["ACCEPT", "GENERAL", "ownEnterprise", true],
  ["ACCEPT", "GENERAL", "otherEnterprise", "only on its own hazards"],
  ["ACCEPT", "GENERAL", "inspector", true],
  ["ACCEPT", "GENERAL", "otherSupervisor", true],
  ["ACCEPT", "GENERAL", "admin", true],
  ["ACCEPT", "GENERAL", "service", "SERVICE may not ACCEPT"],
  ["REJECT", "GENERAL", "ownEnterprise", true],
  ["REJECT", "GENERAL", "inspector", true],

  // …a MAJOR hazard: only the supervising authority or ADMIN.
  ["ACCEPT", "MAJOR", "authority", true],
  ["ACCEPT", "MAJOR", "admin", true],
  ["ACCEPT", "MAJOR", "otherSupervisor", "only the supervising authority may ACCEPT a MAJOR hazard"],
  ["ACCEPT", "MAJOR", "inspector", "only the supervising authority may ACCEPT a MAJOR hazard"],
  ["ACCEPT", "MAJOR", "ownEnterprise", "only the supervising authority may ACCEPT a MAJOR hazard"],
  ["REJECT", "MAJOR", "authority", true],
  ["REJECT", "MAJOR", "otherSupervisor", "only the supervising authority may REJECT a MAJOR hazard"],
  ["REJECT", "MAJOR", "ownEnterprise", "only the supervising authority may REJECT a MAJOR hazard"],

  // SUPERVISE (挂牌督办): MAJOR only, by the supervising authority or ADMIN.
  ["SUPERVISE", "MAJOR", "authority", true],
  ["SUPERVISE", "MAJOR", "admin", true],
  ["SUPERVISE", "MAJOR", "otherSupervisor", "only the supervising authority, or one above it, may SUPERVISE"],
  // a higher authority takes the listing over by listing it again, and decides only once it has
  ["SUPERVISE", "MAJOR", "aboveListing", true],
  ["ACCEPT", "MAJOR", "aboveListing", "only the supervising authority may ACCEPT a MAJOR hazard"],
  ["SUPERVISE", "MAJOR", "inspector", "INSPECTOR may not SUPERVISE"],
  ["SUPERVISE", "MAJOR", "ownEnterprise", "ENTERPRISE may not SUPERVISE"],
  ["SUPERVISE", "GENERAL", "admin", "SUPERVISE applies only to MAJOR hazards"],

  // CANCEL: the supervising side; the enterprise only for its own GENERAL hazard still REPORTED.
  ["CANCEL", "GENERAL", "admin", true],
  ["CANCEL", "MAJOR", "admin", true],
  ["CANCEL", "GENERAL", "otherSupervisor", true],
  ["CANCEL", "MAJOR", "authority", true],
  ["CANCEL", "MAJOR", "otherSupervisor", "only the supervising authority may CANCEL a MAJOR hazard"],
  ["CANCEL", "GENERAL", "ownEnterprise", true],
  ["CANCEL", "MAJOR", "ownEnterprise", "own GENERAL hazard that is still REPORTED"],
  ["CANCEL", "GENERAL", "otherEnterprise", "only on its own hazards"],
  ["CANCEL", "GENERAL", "inspector", "INSPECTOR may not CANCEL"],

  // FIX_ON_SPOT (即查即改): GENERAL only; by whoever may close a GENERAL hazard.
  ["FIX_ON_SPOT", "GENERAL", "ownEnterprise", true],
  ["FIX_ON_SPOT", "GENERAL", "inspector", true],
  ["FIX_ON_SPOT", "GENERAL", "otherEnterprise", "only on its own hazards"],
  ["FIX_ON_SPOT", "GENERAL", "service", "SERVICE may not FIX_ON_SPOT"],
  ["FIX_ON_SPOT", "MAJOR", "admin", "FIX_ON_SPOT applies only to GENERAL hazards"],
  ["FIX_ON_SPOT", "MAJOR", "ownEnterprise", "FIX_ON_SPOT applies only to GENERAL hazards"],
];

describe("who may act", () => {
  for (const [action, grade, who, expected] of CASES) {
    const label = `${action} on a ${grade} hazard by ${who}: ${expected === true ? "allowed" : "forbidden"}`;
    it(label, () => {
      const result = run(action, grade, who);
      if (expected === true) {
        expect(result.ok).toBe(true);
      } else {
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error.code).toBe("FORBIDDEN");
        expect(result.error.message).toContain(expected);
      }
    });
  }

  it("lets the enterprise cancel its GENERAL hazard only while REPORTED", () => {
    for (const state of ["RECTIFYING", "PENDING_ACCEPTANCE"] as const) {
      const result = run("CANCEL", "GENERAL", "ownEnterprise", state);
      expect(result.ok ? null : result.error.code).toBe("FORBIDDEN");
    }
    expect(run("CANCEL", "GENERAL", "otherSupervisor", "PENDING_ACCEPTANCE").ok).toBe(true);
  });

  it("grants an actor with several roles what any of them allows", () => {
    expect(run("PLAN", "GENERAL", actor(["ANALYST", "INSPECTOR"])).ok).toBe(true);
    expect(run("ACCEPT", "MAJOR", actor(["ENTERPRISE", "SUPERVISOR"], { isSupervisingAuthority: true })).ok).toBe(true);
  });

  it("refuses an actor without a role", () => {
    const result = run("REPORT", "GENERAL", actor([]));
    expect(result.ok ? null : result.error).toEqual({
      code: "FORBIDDEN",
      message: "an actor without a role may not REPORT a hazard",
    });
  });
});
