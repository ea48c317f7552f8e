/**
 * Deadlines are days in China Standard Time: a hazard with deadline
 * 2026-03-10 is on time until 2026-03-10T23:59:59.999+08:00 and overdue from
 * 2026-03-11T00:00+08:00. The periodic check (markOverdueHazards) marks it
 * once, in its history, without changing the version clients act on.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  EnterprisesDocument,
  HazardByIdDocument,
  OverdueHazardsDocument,
  PlanRectificationDocument,
  ReportHazardDocument,
  SubmitRectificationDocument,
  type HazardWorkflowFragment,
} from "../generated/graphql.js";
import { markOverdueHazards } from "../../src/sync/overdue-job.js";
import { keyOf } from "../helpers/hazards.js";
import { startTestHub, type TestHub } from "../helpers/start-server.js";

let t: TestHub;
let enterprise: string;
let supervisor: string;
let hazardId: string;

beforeAll(async () => {
  t = await startTestHub();
  supervisor = await t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410200" });
  const list = await t.request(EnterprisesDocument, { first: 1, filter: { region: "4102" } }, supervisor);
  const code = list.data!.enterprises.edges[0]!.node.creditCode;
  enterprise = await t.signToken({ subject: "safety-officer", department: null, roles: ["ENTERPRISE"], enterprise: code });
  const reported = await t.request(ReportHazardDocument, { input: { enterpriseCode: code, grade: "GENERAL", description: "危化品仓库通风不良", foundAt: "2026-03-01T09:00:00+08:00" } }, enterprise);
  hazardId = reported.data!.reportHazard.id;
  const planned = await t.request(PlanRectificationDocument, { input: { id: hazardId, expectedVersion: 1, measures: "加装排风扇", responsiblePerson: "钱主任", deadline: "2026-03-10" } }, enterprise);
  expect(planned.errors).toBeUndefined();
});
afterAll(async () => {
  await t?.stop();
});

async function hazard(): Promise<HazardWorkflowFragment> {
  const res = await t.request(HazardByIdDocument, { id: hazardId }, supervisor);
  return res.data!.node as HazardWorkflowFragment;
}

describe("the overdue check at the deadline boundary (+08:00)", () => {
  it("leaves the hazard alone on the last instant of its deadline day", async () => {
    const marked = await markOverdueHazards(t.hub.db.prisma, new Date("2026-03-10T23:59:59.999+08:00"));
    expect(marked).not.toContain(keyOf(hazardId));
    expect((await hazard()).overdueSince).toBeNull();
  });

  it("marks it at 00:00 of the next day, once, with an OVERDUE event", async () => {
    const at = new Date("2026-03-11T00:00:00.000+08:00");
    expect(await markOverdueHazards(t.hub.db.prisma, at)).toContain(keyOf(hazardId));
    expect(await markOverdueHazards(t.hub.db.prisma, new Date("2026-03-12T00:00:00+08:00"))).not.toContain(keyOf(hazardId));

    const h = await hazard();
    expect(h).toMatchObject({ state: "RECTIFYING", version: 2, overdue: true, overdueSince: "2026-03-10T16:00:00.000Z" });
    const overdueEvents = h.events.filter((e) => e.action === "OVERDUE");
    expect(overdueEvents).toEqual([expect.objectContaining({ fromState: "RECTIFYING", toState: "RECTIFYING", actor: "emhub", at: "2026-03-10T16:00:00.000Z" })]);
    expect(overdueEvents[0]!.note).toContain("2026-03-10");
    const audit = await t.hub.db.prisma.auditEntry.findMany({ where: { recordId: keyOf(hazardId), subject: "emhub" } });
    expect(audit).toEqual([expect.objectContaining({ action: "MUTATION", dataset: "Hazard", fields: ["overdueSince"] })]);
  });

  it("lists it among overdue hazards, and the enterprise still acts on the version it read", async () => {
    const list = await t.request(OverdueHazardsDocument, { region: "4102", first: 200 }, supervisor);
    expect(list.errors).toBeUndefined();
    const nodes = list.data!.overdueHazards.edges.map((e) => e.node);
    expect(nodes.map((n) => n.id)).toContain(hazardId);
    expect(nodes.every((n) => n.overdue)).toBe(true);
    expect(list.data!.overdueHazards.totalCount).toBe(nodes.length);

    const submitted = await t.request(SubmitRectificationDocument, { input: { id: hazardId, expectedVersion: 2, note: "已加装" } }, enterprise);
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.submitRectification).toMatchObject({ state: "PENDING_ACCEPTANCE", overdue: true });
    expect(submitted.data!.submitRectification.events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
  });
});
