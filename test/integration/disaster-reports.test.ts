/**
 * Disaster reports (灾情报送) from the counties: processes and their 初报 /
 * 续报 / 核报 read by the county and the levels above it, what is late or
 * overdue, hours until those needing aid had it, live to the territory, and
 * bad rows quarantined.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../helpers/start-server.js";
import { expectSubscriptions, subscribe, wsClient } from "../helpers/ws-client.js";

let t: TestHub;
beforeAll(async () => {
  // the samples placed now: the 7·20 processes happened today
  t = await startTestHub({}, { placeAt: new Date() });
});
afterAll(async () => {
  await t?.stop();
});

const supervisor = (region: string) => t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region });
const chinaTime = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace("T", " ");
type Process = { code: string; name: string; regionCode: string; overdue: string[]; hoursToAid: number | null; latestReport: { stage: string; affectedPeople: number | null } | null; reports: Array<{ stage: string; onTime: boolean }> };
const processes = async (token: string | undefined) => {
  const res = await t.request<{ disasterEvents: { edges: Array<{ node: Process }> } }, never>(
    "{ disasterEvents(first: 50) { edges { node { code name regionCode overdue hoursToAid latestReport { stage affectedPeople } reports { stage onTime } } } } }",
    undefined,
    token,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.disasterEvents.edges.map((e) => e.node);
};

describe("disaster reports", () => {
  it("are read by the reporting county and the levels above it, with what is late or overdue", async () => {
    const province = await processes(await supervisor("41"));
    expect(province.map((p) => p.code).sort()).toEqual(["410106-20260720-BY", "410212-20260720-BY", "410505-20260720-FB"]);
    expect((await processes(await supervisor("4102"))).map((p) => p.code)).toEqual(["410212-20260720-BY"]);
    expect((await processes(await supervisor("410106"))).map((p) => p.code)).toEqual(["410106-20260720-BY"]);
    expect(await processes(undefined)).toEqual([]);

    const byCode = new Map(province.map((p) => [p.code, p]));
    // 上街区: 初报 95 minutes after, on time; the 续报 says aid came 8.2 hours after the rain began
    expect(byCode.get("410106-20260720-BY")).toMatchObject({ overdue: [], hoursToAid: 8.2, latestReport: { stage: "UPDATE", affectedPeople: 5100 } });
    expect(byCode.get("410106-20260720-BY")!.reports.map((r) => [r.stage, r.onTime])).toEqual([["UPDATE", true], ["INITIAL", true]]);
    // 祥符区: 初报 3 h 20 min after, late; 殷都区: no 初报 at all, overdue
    expect(byCode.get("410212-20260720-BY")!.reports).toEqual([{ stage: "INITIAL", onTime: false }]);
    expect(byCode.get("410505-20260720-FB")).toMatchObject({ overdue: ["INITIAL"], latestReport: null, hoursToAid: null });
    const board = await t.request<{ situation: { disasterReportsOverdue: number } }, never>(`{ situation(region: "410505") { disasterReportsOverdue } }`, undefined, await supervisor("41"));
    expect(board.data!.situation.disasterReportsOverdue).toBe(1);

    // the province's figures: one 初报 of three on time; aid within 8.2 hours at the longest, against 豫政's 10
    type Figure = { id: string; value: number | null; numerator: number | null; denominator: number | null; target: number | null; atMost: boolean; met: boolean | null };
    const res = await t.request<{ indicators: { indicators: Figure[] } }, never>(`{ indicators(region: "41") { indicators { id value numerator denominator target atMost met } } }`, undefined, await supervisor("41"));
    const figure = (id: string) => res.data!.indicators.indicators.find((f) => f.id === id)!;
    expect(figure("DISASTER_REPORT_ON_TIME")).toMatchObject({ numerator: 1, denominator: 3, value: 33.33, target: null, met: null });
    expect(figure("AID_WITHIN_10_HOURS")).toMatchObject({ value: 8.2, numerator: 1, denominator: 1, target: 10, atMost: true, met: true });
    expect(figure("PLAN_DRILL_RATE").denominator).toBeGreaterThan(0);
    expect(figure("INFORMATION_OFFICER_COVERAGE")).toMatchObject({ value: null, met: null });
  });

  it("arrive live to the territory as they are pushed, and a late 初报 ends the overdue", async () => {
    const token = await supervisor("4105");
    const client = wsClient(t.wsUrl, { authorization: `Bearer ${token}` });
    const started = expectSubscriptions(t.hub, 1);
    const live = subscribe<{ disasterReported: { report: { stage: string; regionCode: string; onTime: boolean; event: { name: string } } } }>(
      client,
      "subscription { disasterReported { report { stage regionCode onTime event { name } } } }",
    );
    await started();
    const service = await t.signToken({ department: "EMERGENCY", roles: ["SERVICE"], region: "410505" });
    const res = await fetch(`${t.hub.url}/ingest/disaster`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${service}` },
      body: JSON.stringify({
        reports: [
          { reportId: "ZB-410505-T-01", eventCode: "410505-20260720-FB", reportType: "初报", areaCode: "410505", reportTime: chinaTime(new Date()), affectedPopulation: 900, needRescueNum: 0 },
          { reportId: "ZB-410505-T-02", eventCode: "410505-NO-SUCH", reportType: "初报", areaCode: "410505", reportTime: chinaTime(new Date()) },
          { reportId: "ZB-410505-T-03", eventCode: "410505-20260720-FB", reportType: "终报", areaCode: "410505", reportTime: chinaTime(new Date()) },
          { reportId: "ZB-410505-T-04", eventCode: "410505-20260720-FB", reportType: "续报", areaCode: "410505", reportTime: chinaTime(new Date()), deathNum: -1 },
        ],
      }),
    });
    const body = (await res.json()) as { counts: Record<string, number>; rejected: Array<{ sourceId: string; reason: string }> };
    expect(res.status).toBe(200);
    expect(body.counts).toMatchObject({ created: 1, rejected: 3 });
    expect(Object.fromEntries(body.rejected.map((r) => [r.sourceId, r.reason]))).toEqual({
      "ZB-410505-T-02": expect.stringMatching(/unknown disasterEvent '410505-NO-SUCH'/),
      "ZB-410505-T-03": expect.stringMatching(/reportType '终报' is not one of 初报, 续报, 核报/),
      "ZB-410505-T-04": expect.stringMatching(/deathNum/),
    });
    expect(await live.next()).toEqual({ disasterReported: { report: { stage: "INITIAL", regionCode: "410505", onTime: false, event: { name: "殷都区7·20风雹" } } } });
    const yindu = (await processes(await supervisor("410505")))[0]!;
    expect(yindu.overdue).toEqual([]);
    live.stop();
    await client.dispose();
  });
});
