import { describe, expect, it } from "vitest";
import {
  decideHazardAction,
  type HazardActor,
  type HazardCommand,
  type HazardDecision,
  type HazardGrade,
  type HazardSnapshot,
  type HazardState,
} from "../../../src/core/hazard/index.js";

const NOW = new Date("2026-03-12T15:30:00+08:00");
// 2026-03-04T17:00Z is 2026-03-05 01:00 in +08:00: the report date is 2026-03-05, not the UTC 03-04.
const FOUND_AT = new Date("2026-03-04T17:00:00Z");

const ENTERPRISE: HazardActor = { id: "91410200MA44XXXX0X", roles: ["ENTERPRISE"], ownEnterprise: true, isSupervisingAuthority: false };
const AUTHORITY: HazardActor = { id: "kf-yjj-01", roles: ["SUPERVISOR"], ownEnterprise: false, isSupervisingAuthority: true };
const ANALYST: HazardActor = { id: "analyst-1", roles: ["ANALYST"], ownEnterprise: false, isSupervisingAuthority: false };

function hazard(state: HazardState, grade: HazardGrade = "GENERAL", version = 7): HazardSnapshot {
  return { state, grade, version, foundAt: FOUND_AT };
}

const PLAN = {
  action: "PLAN",
  expectedVersion: 7,
  measures: " 更换防爆灯具 ",
  funds: 12000,
  responsiblePerson: "王五",
  deadline: "2026-03-31",
} as const satisfies HazardCommand;

function error(result: HazardDecision) {
  if (result.ok) throw new Error("expected a refusal");
  return result.error;
}

function next(result: HazardDecision) {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.next;
}

describe("version check", () => {
  it("refuses a stale version with CONFLICT and no next", () => {
    const result = decideHazardAction(hazard("REPORTED", "GENERAL", 8), PLAN, ENTERPRISE, NOW);
    expect(result).toEqual({
      ok: false,
      error: {
        code: "CONFLICT",
        expectedVersion: 7,
        actualVersion: 8,
        message: "hazard is at version 8, not 7: reload and retry",
      },
    });
    expect("next" in result).toBe(false);
  });

  it("reports CONFLICT before an invalid transition, a forbidden actor or bad input", () => {
    const stale = { ...PLAN, expectedVersion: 6, measures: "" };
    expect(error(decideHazardAction(hazard("CLOSED"), stale, ANALYST, NOW)).code).toBe("CONFLICT");
  });
});

describe("order of the other checks", () => {
  it("INVALID_TRANSITION comes before FORBIDDEN", () => {
    expect(error(decideHazardAction(hazard("CLOSED"), PLAN, ANALYST, NOW)).code).toBe("INVALID_TRANSITION");
  });

  it("FORBIDDEN comes before BAD_USER_INPUT", () => {
    expect(error(decideHazardAction(hazard("REPORTED"), { ...PLAN, measures: "" }, ANALYST, NOW)).code).toBe(
      "FORBIDDEN",
    );
  });
});

describe("input validation", () => {
  const cases: Array<[string, HazardState, HazardGrade, HazardCommand, HazardActor, string]> = [
    ["blank measures", "REPORTED", "GENERAL", { ...PLAN, measures: "  " }, ENTERPRISE, "measures"],
    ["no responsible person", "REPORTED", "GENERAL", { ...PLAN, responsiblePerson: "" }, ENTERPRISE, "responsiblePerson"],
    ["negative funds", "REPORTED", "GENERAL", { ...PLAN, funds: -1 }, ENTERPRISE, "funds"],
    ["deadline not a date", "REPORTED", "GENERAL", { ...PLAN, deadline: "2026-02-30" }, ENTERPRISE, "deadline"],
    ["deadline before the report date (+08:00)", "REPORTED", "GENERAL", { ...PLAN, deadline: "2026-03-04" }, ENTERPRISE, "deadline"],
    ["MAJOR plan without goal", "REPORTED", "MAJOR", { ...PLAN, safetyMeasures: "停产" }, ENTERPRISE, "goal"],
    ["MAJOR plan without safety measures", "REPORTED", "MAJOR", { ...PLAN, goal: "消除隐患" }, ENTERPRISE, "safetyMeasures"],
    ["blank reject opinion", "PENDING_ACCEPTANCE", "GENERAL", { action: "REJECT", expectedVersion: 7, opinion: " " }, ENTERPRISE, "opinion"],
    ["missing accept opinion", "PENDING_ACCEPTANCE", "GENERAL", { action: "ACCEPT", expectedVersion: 7 } as unknown as HazardCommand, ENTERPRISE, "opinion"],
    ["blank cancel reason", "REPORTED", "GENERAL", { action: "CANCEL", expectedVersion: 7, reason: "" }, ENTERPRISE, "reason"],
    ["no supervising authority", "RECTIFYING", "MAJOR", { action: "SUPERVISE", expectedVersion: 7, authority: "", deadline: "2026-04-01" }, AUTHORITY, "authority"],
    ["no supervision deadline", "RECTIFYING", "MAJOR", { action: "SUPERVISE", expectedVersion: 7, authority: "开封市应急管理局", deadline: "" }, AUTHORITY, "deadline"],
    ["blank evidence entry", "RECTIFYING", "GENERAL", { action: "SUBMIT", expectedVersion: 7, evidence: ["a.jpg", " "] }, ENTERPRISE, "evidence"],
  ];
  for (const [label, state, grade, command, actor, field] of cases) {
    it(`${label} → BAD_USER_INPUT on ${field}`, () => {
      const e = error(decideHazardAction(hazard(state, grade), command, actor, NOW));
      expect(e.code).toBe("BAD_USER_INPUT");
      expect(e.code === "BAD_USER_INPUT" && e.field).toBe(field);
    });
  }

  it("accepts a deadline on the report date itself", () => {
    expect(decideHazardAction(hazard("REPORTED"), { ...PLAN, deadline: "2026-03-05" }, ENTERPRISE, NOW).ok).toBe(true);
  });

  it("refuses a report found in the future", () => {
    const e = error(
      decideHazardAction(
        null,
        { action: "REPORT", grade: "GENERAL", description: "x", foundAt: new Date(NOW.getTime() + 3_600_000) },
        ENTERPRISE,
        NOW,
      ),
    );
    expect(e).toMatchObject({ code: "BAD_USER_INPUT", field: "foundAt" });
  });
});

describe("what a step writes", () => {
  it("REPORT creates version 1 with one event from no state", () => {
    const n = next(
      decideHazardAction(
        null,
        { action: "REPORT", grade: "MAJOR", description: " 液氨管道腐蚀 ", foundAt: FOUND_AT, evidence: ["p1.jpg"] },
        ENTERPRISE,
        NOW,
      ),
    );
    expect(n.state).toBe("REPORTED");
    expect(n.version).toBe(1);
    expect(n.patch).toMatchObject({ grade: "MAJOR", description: "液氨管道腐蚀", foundAt: FOUND_AT, foundBy: ENTERPRISE.id });
    expect(n.events).toEqual([
      { action: "REPORT", fromState: null, toState: "REPORTED", actor: ENTERPRISE.id, note: null, evidence: ["p1.jpg"] },
    ]);
  });

  it("PLAN sets the plan and moves to RECTIFYING", () => {
    const n = next(decideHazardAction(hazard("REPORTED"), PLAN, ENTERPRISE, NOW));
    expect(n.state).toBe("RECTIFYING");
    expect(n.version).toBe(8);
    expect(n.patch).toEqual({
      measures: "更换防爆灯具",
      funds: 12000,
      responsiblePerson: "王五",
      deadline: "2026-03-31",
      goal: null,
      safetyMeasures: null,
    });
    expect(n.events).toHaveLength(1);
  });

  it("ACCEPT records who, when and the opinion, and closes", () => {
    const n = next(
      decideHazardAction(hazard("PENDING_ACCEPTANCE", "MAJOR"), { action: "ACCEPT", expectedVersion: 7, opinion: "验收合格" }, AUTHORITY, NOW),
    );
    expect(n.state).toBe("CLOSED");
    expect(n.patch).toEqual({ acceptedBy: AUTHORITY.id, acceptedAt: NOW, acceptanceOpinion: "验收合格", closedAt: NOW });
    expect(n.events[0]).toMatchObject({ action: "ACCEPT", fromState: "PENDING_ACCEPTANCE", toState: "CLOSED", note: "验收合格" });
  });

  it("ACCEPT with a blank opinion stores none", () => {
    const n = next(decideHazardAction(hazard("PENDING_ACCEPTANCE"), { action: "ACCEPT", expectedVersion: 7, opinion: "" }, ENTERPRISE, NOW));
    expect(n.patch.acceptanceOpinion).toBeNull();
  });

  it("REJECT goes back to RECTIFYING with the opinion in the event", () => {
    const n = next(
      decideHazardAction(hazard("PENDING_ACCEPTANCE", "MAJOR"), { action: "REJECT", expectedVersion: 7, opinion: "未加装防护栏" }, AUTHORITY, NOW),
    );
    expect(n.state).toBe("RECTIFYING");
    expect(n.patch).toEqual({});
    expect(n.events[0]).toMatchObject({ action: "REJECT", fromState: "PENDING_ACCEPTANCE", toState: "RECTIFYING", note: "未加装防护栏" });
  });

  it("SUPERVISE keeps the state, sets the listing and records it in the event", () => {
    const n = next(
      decideHazardAction(
        hazard("RECTIFYING", "MAJOR"),
        { action: "SUPERVISE", expectedVersion: 7, authority: "开封市应急管理局", deadline: "2026-04-30" },
        AUTHORITY,
        NOW,
      ),
    );
    expect(n.state).toBe("RECTIFYING");
    expect(n.version).toBe(8);
    expect(n.patch).toEqual({ supervisedBy: "开封市应急管理局", supervisionDeadline: "2026-04-30" });
    expect(n.events[0]).toMatchObject({ fromState: "RECTIFYING", toState: "RECTIFYING", note: "挂牌督办: 开封市应急管理局, 期限 2026-04-30" });
  });

  it("CANCEL records the reason", () => {
    const n = next(decideHazardAction(hazard("REPORTED"), { action: "CANCEL", expectedVersion: 7, reason: "重复登记" }, ENTERPRISE, NOW));
    expect(n.state).toBe("CANCELLED");
    expect(n.events[0]).toMatchObject({ action: "CANCEL", note: "重复登记" });
  });
});

describe("FIX_ON_SPOT (即查即改)", () => {
  const command: HazardCommand = {
    action: "FIX_ON_SPOT",
    expectedVersion: 7,
    measures: "清理消防通道堆放物",
    responsiblePerson: "赵六",
    note: "现场已清理",
    evidence: ["before.jpg", "after.jpg"],
    opinion: "确认",
  };

  it("yields three events, PLAN → SUBMIT → ACCEPT, and one version step", () => {
    const n = next(decideHazardAction(hazard("REPORTED"), command, ENTERPRISE, NOW));
    expect(n.state).toBe("CLOSED");
    expect(n.version).toBe(8);
    expect(n.events).toEqual([
      { action: "PLAN", fromState: "REPORTED", toState: "RECTIFYING", actor: ENTERPRISE.id, note: "即查即改", evidence: [] },
      {
        action: "SUBMIT",
        fromState: "RECTIFYING",
        toState: "PENDING_ACCEPTANCE",
        actor: ENTERPRISE.id,
        note: "现场已清理",
        evidence: ["before.jpg", "after.jpg"],
      },
      { action: "ACCEPT", fromState: "PENDING_ACCEPTANCE", toState: "CLOSED", actor: ENTERPRISE.id, note: "确认", evidence: [] },
    ]);
  });

  it("sets the plan with today's date (+08:00) as deadline and the acceptance", () => {
    // 2026-03-12T23:30+08:00 is still 2026-03-12 in China though 15:30Z.
    const late = new Date("2026-03-12T15:30:00Z");
    const n = next(decideHazardAction(hazard("REPORTED"), command, ENTERPRISE, late));
    expect(n.patch).toEqual({
      measures: "清理消防通道堆放物",
      funds: null,
      responsiblePerson: "赵六",
      deadline: "2026-03-12",
      goal: null,
      safetyMeasures: null,
      acceptedBy: ENTERPRISE.id,
      acceptedAt: late,
      acceptanceOpinion: "确认",
      closedAt: late,
    });
  });

  it("is refused for a MAJOR hazard and from any state but REPORTED", () => {
    expect(error(decideHazardAction(hazard("REPORTED", "MAJOR"), command, AUTHORITY, NOW)).code).toBe("FORBIDDEN");
    expect(error(decideHazardAction(hazard("RECTIFYING"), command, ENTERPRISE, NOW)).code).toBe("INVALID_TRANSITION");
  });
});
