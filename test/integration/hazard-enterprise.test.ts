/**
 * An enterprise closes the loop on its own GENERAL hazards (自查自改自报):
 * report → plan → submit → accept, and 即查即改 in one step; it cannot reach
 * another enterprise's hazards. Over HTTP with tokens from the dev issuer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AcceptHazardDocument,
  CancelHazardDocument,
  EnterprisesDocument,
  FixHazardOnSpotDocument,
  PlanRectificationDocument,
  ReportHazardDocument,
  SubmitRectificationDocument,
} from "../generated/graphql.js";
import { cstDayFromNow, firstError, keyOf } from "../helpers/hazards.js";
import { startTestHub, type TestHub } from "../helpers/start-server.js";

let t: TestHub;
let own: { creditCode: string; regionCode: string };
let other: string;
let enterprise: string;
let otherEnterprise: string;

beforeAll(async () => {
  t = await startTestHub();
  const supervisor = await t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410000" });
  const list = await t.request(EnterprisesDocument, { first: 50, filter: { region: "4102" } }, supervisor);
  const nodes = list.data!.enterprises.edges.map((e) => e.node);
  own = nodes[0]!;
  other = nodes[1]!.creditCode;
  enterprise = await t.signToken({ subject: "safety-officer", department: null, roles: ["ENTERPRISE"], enterprise: own.creditCode });
  otherEnterprise = await t.signToken({ subject: "other-officer", department: null, roles: ["ENTERPRISE"], enterprise: other });
});
afterAll(async () => {
  await t?.stop();
});

async function report(token: string, description: string) {
  const res = await t.request(ReportHazardDocument, { input: { enterpriseCode: own.creditCode, grade: "GENERAL", description, category: "现场管理类", discoverySource: "日常", evidence: ["photo-1.jpg"] } }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.reportHazard;
}

describe("an enterprise on its own GENERAL hazards", () => {
  it("reports, plans, submits and accepts to closure, every step recorded and audited", async () => {
    const reported = await report(enterprise, "配电箱箱门未关闭，线路裸露");
    expect(reported).toMatchObject({ state: "REPORTED", version: 1, grade: "GENERAL", enterpriseCode: own.creditCode, regionCode: own.regionCode });
    expect(reported.provenance).toMatchObject({ sourceDepartment: "EMERGENCY", sourceSystem: "emhub", sourceId: keyOf(reported.id), version: 1 });
    expect(reported.events).toEqual([expect.objectContaining({ seq: 1, action: "REPORT", fromState: null, toState: "REPORTED", actor: "safety-officer", evidence: ["photo-1.jpg"] })]);

    const deadline = cstDayFromNow(7);
    const planned = await t.request(PlanRectificationDocument, { input: { id: reported.id, expectedVersion: 1, measures: "更换箱门锁具，整理线路", responsiblePerson: "王工", deadline, funds: 800 } }, enterprise);
    expect(planned.errors).toBeUndefined();
    expect(planned.data!.planRectification).toMatchObject({ state: "RECTIFYING", version: 2, deadline, responsiblePerson: "王工", overdue: false });

    const submitted = await t.request(SubmitRectificationDocument, { input: { id: reported.id, expectedVersion: 2, note: "已整改", evidence: ["after.jpg"] } }, enterprise);
    expect(submitted.data!.submitRectification).toMatchObject({ state: "PENDING_ACCEPTANCE", version: 3 });

    const accepted = await t.request(AcceptHazardDocument, { input: { id: reported.id, expectedVersion: 3, opinion: "" } }, enterprise);
    expect(accepted.errors).toBeUndefined();
    const closed = accepted.data!.acceptHazard;
    expect(closed).toMatchObject({ state: "CLOSED", version: 4, acceptedBy: "safety-officer", acceptanceOpinion: null, overdue: false });
    expect(closed.closedAt).not.toBeNull();
    expect(closed.events.map((e) => [e.seq, e.action, e.fromState, e.toState])).toEqual([
      [1, "REPORT", null, "REPORTED"],
      [2, "PLAN", "REPORTED", "RECTIFYING"],
      [3, "SUBMIT", "RECTIFYING", "PENDING_ACCEPTANCE"],
      [4, "ACCEPT", "PENDING_ACCEPTANCE", "CLOSED"],
    ]);
    expect(closed.provenance.version).toBe(4);

    const audit = await t.hub.db.prisma.auditEntry.findMany({ where: { action: "MUTATION", dataset: "Hazard", recordId: keyOf(reported.id) }, orderBy: { at: "asc" } });
    expect(audit).toHaveLength(4);
    expect(audit.every((a) => a.subject === "safety-officer" && a.roles.includes("ENTERPRISE"))).toBe(true);
    expect(audit[1]!.fields).toEqual(expect.arrayContaining(["deadline", "measures", "responsiblePerson", "state", "version"]));
  });

  it("fixes a hazard on the spot (即查即改): one mutation, recorded as plan, submission and acceptance", async () => {
    const reported = await report(enterprise, "消防通道堆放杂物");
    const res = await t.request(FixHazardOnSpotDocument, { input: { id: reported.id, expectedVersion: 1, measures: "当场清理", responsiblePerson: "李班长", opinion: "现场复核合格", evidence: ["cleared.jpg"] } }, enterprise);
    expect(res.errors).toBeUndefined();
    const fixed = res.data!.fixHazardOnSpot;
    expect(fixed).toMatchObject({ state: "CLOSED", version: 2, measures: "当场清理", acceptanceOpinion: "现场复核合格" });
    expect(fixed.events.map((e) => e.action)).toEqual(["REPORT", "PLAN", "SUBMIT", "ACCEPT"]);
    expect(fixed.events[2]!.evidence).toEqual(["cleared.jpg"]);
  });

  it("may cancel its own hazard while it is still REPORTED, with a reason", async () => {
    const reported = await report(enterprise, "误报：设备已停用");
    const blank = await t.request(CancelHazardDocument, { input: { id: reported.id, expectedVersion: 1, reason: "  " } }, enterprise);
    expect(firstError(blank)).toMatchObject({ code: "BAD_USER_INPUT", extensions: { argumentName: "input.reason" } });
    const res = await t.request(CancelHazardDocument, { input: { id: reported.id, expectedVersion: 1, reason: "设备已拆除，非隐患" } }, enterprise);
    expect(res.data!.cancelHazard).toMatchObject({ state: "CANCELLED", version: 2 });
  });

  it("names the bad field of a refused input as input.<field>", async () => {
    const reported = await report(enterprise, "安全警示标识缺失");
    const res = await t.request(PlanRectificationDocument, { input: { id: reported.id, expectedVersion: 1, measures: "补设标识", responsiblePerson: "王工", deadline: "2026-02-30" } }, enterprise);
    expect(firstError(res)).toMatchObject({ code: "BAD_USER_INPUT", extensions: { argumentName: "input.deadline" } });
    const notAnId = await t.request(SubmitRectificationDocument, { input: { id: "not-an-id", expectedVersion: 1 } }, enterprise);
    expect(firstError(notAnId)).toMatchObject({ code: "BAD_USER_INPUT", extensions: { argumentName: "input.id" } });
  });
});

describe("what an enterprise cannot reach", () => {
  it("answers another enterprise's hazard as not found, and changes nothing", async () => {
    const reported = await report(enterprise, "叉车制动异常");
    const res = await t.request(PlanRectificationDocument, { input: { id: reported.id, expectedVersion: 1, measures: "x", responsiblePerson: "y", deadline: cstDayFromNow(3) } }, otherEnterprise);
    expect(firstError(res)).toMatchObject({ code: "NOT_FOUND", extensions: { argumentName: "input.id" } });
    const missing = await t.request(PlanRectificationDocument, { input: { id: Buffer.from("Hazard:00000000-0000-0000-0000-000000000000").toString("base64url"), expectedVersion: 1, measures: "x", responsiblePerson: "y", deadline: cstDayFromNow(3) } }, otherEnterprise);
    expect(firstError(missing)).toEqual(firstError(res));
    const row = await t.hub.db.prisma.hazard.findUniqueOrThrow({ where: { id: keyOf(reported.id) } });
    expect(row).toMatchObject({ state: "REPORTED", version: 1 });
  });

  it("cannot report for another enterprise", async () => {
    const res = await t.request(ReportHazardDocument, { input: { enterpriseCode: other, grade: "GENERAL", description: "x" } }, enterprise);
    expect(firstError(res)).toMatchObject({ code: "NOT_FOUND", extensions: { argumentName: "input.enterpriseCode" } });
  });

  it("refuses anonymous callers with UNAUTHENTICATED", async () => {
    const res = await t.request(ReportHazardDocument, { input: { enterpriseCode: own.creditCode, grade: "GENERAL", description: "x" } });
    expect(firstError(res).code).toBe("UNAUTHENTICATED");
  });
});
