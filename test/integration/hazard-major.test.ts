/**
 * A MAJOR hazard with an inspector and supervisors of the Kaifeng emergency
 * bureau: planning, supervision (挂牌督办), a rejected acceptance, the final
 * acceptance; illegal steps, stale versions, concurrent supervisors, roles
 * that may not act; and the supervision figures moving with it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AcceptHazardDocument,
  EnterprisesDocument,
  HazardByIdDocument,
  PlanRectificationDocument,
  RejectHazardDocument,
  ReportHazardDocument,
  SubmitRectificationDocument,
  SuperviseHazardDocument,
  SupervisionStatsDocument,
  type HazardWorkflowFragment,
} from "../generated/graphql.js";
import { decideHazardAction } from "../../src/core/hazard/index.js";
import { snapshotOf } from "../../src/data/hazard-row.js";
import { writeHazardStep } from "../../src/data/hazard-writer.js";
import { cstDayFromNow, firstError, keyOf } from "../helpers/hazards.js";
import { startTestHub, type TestHub } from "../helpers/start-server.js";

let t: TestHub;
let code: string;
let county: string;
const tokens: Record<"inspector" | "supervisor" | "supervisor2" | "countySupervisor" | "analyst" | "enterprise", string> = {} as never;

beforeAll(async () => {
  t = await startTestHub();
  const province = await t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410000" });
  const list = await t.request(EnterprisesDocument, { first: 1, filter: { region: "4102" } }, province);
  ({ creditCode: code, regionCode: county } = list.data!.enterprises.edges[0]!.node);
  tokens.inspector = await t.signToken({ subject: "inspector-zhang", department: "EMERGENCY", roles: ["INSPECTOR"], region: "410200" });
  tokens.supervisor = await t.signToken({ subject: "supervisor-li", department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410200" });
  tokens.supervisor2 = await t.signToken({ subject: "supervisor-zhao", department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410200" });
  tokens.countySupervisor = await t.signToken({ subject: "county-sun", department: "EMERGENCY", roles: ["SUPERVISOR"], region: county });
  tokens.analyst = await t.signToken({ subject: "analyst-wu", department: "EMERGENCY", roles: ["ANALYST"], region: "410200" });
  tokens.enterprise = await t.signToken({ subject: "safety-officer", department: null, roles: ["ENTERPRISE"], enterprise: code });
});
afterAll(async () => {
  await t?.stop();
});

function ok<T>(res: { data?: T | null; errors?: unknown }): T {
  expect(res.errors).toBeUndefined();
  return res.data!;
}

async function stats() {
  const res = await t.request(SupervisionStatsDocument, { region: "410200" }, tokens.supervisor);
  expect(res.errors).toBeUndefined();
  return res.data!.hazardStats!;
}

describe("a MAJOR hazard from report to closure", () => {
  let h: HazardWorkflowFragment;

  it("goes through planning, supervision, a rejection and the final acceptance", async () => {
    const before = await stats();

    h = ok(await t.request(ReportHazardDocument, { input: { enterpriseCode: code, grade: "MAJOR", description: "液氨储罐区可燃气体报警器失效", discoverySource: "执法检查", evidence: ["inspection-2026-118.pdf"] } }, tokens.inspector)).reportHazard;
    expect(h).toMatchObject({ state: "REPORTED", version: 1, supervised: false });
    expect(h.provenance).toMatchObject({ sourceDepartment: "EMERGENCY", sourceSystem: "emhub" });

    // A MAJOR plan needs a goal and safety measures.
    const deadline = cstDayFromNow(30);
    const noGoal = await t.request(PlanRectificationDocument, { input: { id: h.id, expectedVersion: 1, measures: "更换报警器", responsiblePerson: "赵经理", deadline } }, tokens.inspector);
    expect(firstError(noGoal)).toMatchObject({ code: "BAD_USER_INPUT", extensions: { argumentName: "input.goal" } });
    h = ok(await t.request(PlanRectificationDocument, { input: { id: h.id, expectedVersion: 1, measures: "更换报警器并接入监测平台", responsiblePerson: "赵经理", deadline, funds: 120000, goal: "报警联锁有效", safetyMeasures: "停用储罐，专人值守" } }, tokens.inspector)).planRectification;
    expect(h).toMatchObject({ state: "RECTIFYING", version: 2, deadline, goal: "报警联锁有效" });

    // Only a supervising authority lists it; the inspector and the analyst may not.
    const byInspector = await t.request(SuperviseHazardDocument, { input: { id: h.id, expectedVersion: 2, deadline: cstDayFromNow(20) } }, tokens.inspector);
    expect(firstError(byInspector).code).toBe("FORBIDDEN");
    const byAnalyst = await t.request(SubmitRectificationDocument, { input: { id: h.id, expectedVersion: 2 } }, tokens.analyst);
    expect(firstError(byAnalyst)).toMatchObject({ code: "FORBIDDEN", message: "ANALYST is read-only" });

    const supervisionDeadline = cstDayFromNow(20);
    h = ok(await t.request(SuperviseHazardDocument, { input: { id: h.id, expectedVersion: 2, deadline: supervisionDeadline, note: "限期整改" } }, tokens.supervisor)).superviseHazard;
    expect(h).toMatchObject({ state: "RECTIFYING", version: 3, supervised: true, supervisedBy: "EMERGENCY@410200", supervisionDeadline });
    expect(h.events.at(-1)).toMatchObject({ action: "SUPERVISE", fromState: "RECTIFYING", toState: "RECTIFYING", actor: "supervisor-li" });

    // Accepting before the rectification is reported is not a step of the loop.
    const early = await t.request(AcceptHazardDocument, { input: { id: h.id, expectedVersion: 3, opinion: "" } }, tokens.supervisor);
    const illegal = firstError(early);
    expect(illegal).toMatchObject({ code: "INVALID_TRANSITION", extensions: { state: "RECTIFYING", action: "ACCEPT" } });
    expect(illegal.message).toContain("RECTIFYING");
    expect(illegal.message).toContain("ACCEPT");

    // A stale version changes nothing.
    const stale = await t.request(SubmitRectificationDocument, { input: { id: h.id, expectedVersion: 2 } }, tokens.enterprise);
    expect(firstError(stale)).toMatchObject({ code: "CONFLICT", extensions: { expectedVersion: 2, actualVersion: 3 } });

    h = ok(await t.request(SubmitRectificationDocument, { input: { id: h.id, expectedVersion: 3, note: "报警器已更换", evidence: ["test-report.pdf"] } }, tokens.enterprise)).submitRectification;
    expect(h).toMatchObject({ state: "PENDING_ACCEPTANCE", version: 4 });

    // Neither the enterprise nor the county bureau accepts what the city listed.
    const byEnterprise = await t.request(AcceptHazardDocument, { input: { id: h.id, expectedVersion: 4, opinion: "" } }, tokens.enterprise);
    expect(firstError(byEnterprise).code).toBe("FORBIDDEN");
    const byCounty = await t.request(RejectHazardDocument, { input: { id: h.id, expectedVersion: 4, opinion: "资料不全" } }, tokens.countySupervisor);
    expect(firstError(byCounty).code).toBe("FORBIDDEN");

    // Two supervisors reject at once on the same version: one wins, one gets CONFLICT, one event is written.
    const [a, b] = await Promise.all([
      t.request(RejectHazardDocument, { input: { id: h.id, expectedVersion: 4, opinion: "联锁未测试" } }, tokens.supervisor),
      t.request(RejectHazardDocument, { input: { id: h.id, expectedVersion: 4, opinion: "缺少检测报告" } }, tokens.supervisor2),
    ]);
    const outcomes = [a, b].map((res) => (res.errors ? firstError(res).code : res.data!.rejectHazard.state)).sort();
    expect(outcomes).toEqual(["CONFLICT", "RECTIFYING"]);
    const afterRace = ok(await t.request(HazardByIdDocument, { id: h.id }, tokens.supervisor)).node as HazardWorkflowFragment;
    expect(afterRace).toMatchObject({ state: "RECTIFYING", version: 5 });
    expect(afterRace.events.filter((e) => e.action === "REJECT")).toHaveLength(1);
    expect(afterRace.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);

    h = ok(await t.request(SubmitRectificationDocument, { input: { id: h.id, expectedVersion: 5, note: "联锁测试合格", evidence: ["interlock-test.pdf"] } }, tokens.enterprise)).submitRectification;
    h = ok(await t.request(AcceptHazardDocument, { input: { id: h.id, expectedVersion: 6, opinion: "验收合格，同意销号" } }, tokens.supervisor)).acceptHazard;
    expect(h).toMatchObject({ state: "CLOSED", version: 7, acceptedBy: "supervisor-li", acceptanceOpinion: "验收合格，同意销号", overdue: false });
    expect(h.events.map((e) => e.action)).toEqual(["REPORT", "PLAN", "SUPERVISE", "SUBMIT", "REJECT", "SUBMIT", "ACCEPT"]);

    // A closed hazard takes no further step.
    const again = await t.request(RejectHazardDocument, { input: { id: h.id, expectedVersion: 7, opinion: "x" } }, tokens.supervisor);
    expect(firstError(again)).toMatchObject({ code: "INVALID_TRANSITION", extensions: { state: "CLOSED", action: "REJECT" } });

    const after = await stats();
    expect(after.total).toBe(before.total + 1);
    expect(after.major).toBe(before.major + 1);
    expect(after.majorSupervised).toBe(before.majorSupervised + 1);
    expect(after.closed).toBe(before.closed + 1);
    expect(after.open).toBe(before.open);
    const countyBefore = before.byRegion.find((r) => r.region === county)!;
    const countyAfter = after.byRegion.find((r) => r.region === county)!;
    expect(countyAfter.closed).toBe(countyBefore.closed + 1);
  });

  it("holds the version guard in the database itself: two writes decided on one version, one lands", async () => {
    const reported = ok(await t.request(ReportHazardDocument, { input: { enterpriseCode: code, grade: "GENERAL", description: "梯子防滑脚缺失" } }, tokens.inspector)).reportHazard;
    const key = keyOf(reported.id);
    const row = await t.hub.db.prisma.hazard.findUniqueOrThrow({ where: { id: key } });
    const now = new Date();
    const decide = (id: string, reason: string) => {
      const actor = { id, roles: ["SUPERVISOR" as const], ownEnterprise: false, isSupervisingAuthority: true };
      const d = decideHazardAction(snapshotOf(row), { action: "CANCEL", expectedVersion: 1, reason }, actor, now);
      if (!d.ok) throw new Error(d.error.message);
      return d.next;
    };
    const who = (subject: string) => ({ requestId: subject, subject, department: "EMERGENCY", roles: ["SUPERVISOR"] });
    const results = await Promise.all([
      writeHazardStep(t.hub.db.prisma, key, 1, decide("a", "重复登记"), {}, who("a"), now),
      writeHazardStep(t.hub.db.prisma, key, 1, decide("b", "非隐患"), {}, who("b"), now),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, actualVersion: 2 });
    const events = await t.hub.db.prisma.hazardEvent.findMany({ where: { hazardId: key }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["REPORT", "CANCEL"]);
    expect(await t.hub.db.prisma.auditEntry.count({ where: { recordId: key, action: "MUTATION" } })).toBe(2);
  });

  it("counts a reported hazard as open until it is closed", async () => {
    const before = await stats();
    const res = await t.request(ReportHazardDocument, { input: { enterpriseCode: code, grade: "MAJOR", description: "储罐防火堤破损" } }, tokens.inspector);
    expect(res.errors).toBeUndefined();
    const after = await stats();
    expect([after.total - before.total, after.open - before.open, after.major - before.major, after.majorSupervised - before.majorSupervised]).toEqual([1, 1, 1, 0]);
    expect(after.rectificationRate!).toBeLessThan(before.rectificationRate!);
  });
});
