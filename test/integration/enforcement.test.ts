/**
 * Law-enforcement inspections (执法检查) from the emergency connector: apart
 * from supervisory patrols, scoped like the enterprise file (territory and
 * sector), in the enterprise file, with the hazards they found, and counted
 * in the bulletin of their period.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../helpers/start-server.js";

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => {
  await t?.stop();
});

const LIST = `{ enforcementActions(first: 50) { totalCount edges { node { caseNumber regionCode order orderDeadline penalty fineYuan closed unit findings enterprise { name } hazards { discoverySource enterpriseCode } } } } }`;
type Action = { caseNumber: string; regionCode: string; order: string; orderDeadline: string | null; penalty: string | null; fineYuan: number | null; closed: boolean; enterprise: { name: string } | null; hazards: Array<{ discoverySource: string; enterpriseCode: string }> };
const list = async (token: string) => {
  const res = await t.request<{ enforcementActions: { totalCount: number; edges: Array<{ node: Action }> } }, never>(LIST, undefined, token);
  expect(res.errors).toBeUndefined();
  return res.data!.enforcementActions.edges.map((e) => e.node);
};
const supervisor = (region: string) => t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region });

describe("enforcement inspections (执法检查)", () => {
  it("lists a territory's inspections with what they ordered and imposed and the hazards they found", async () => {
    const shangjie = await list(await supervisor("410106"));
    expect(shangjie.map((a) => a.caseNumber)).toEqual(["上应急执罚〔2026〕9号"]);
    expect(shangjie[0]).toMatchObject({ order: "SUSPEND", penalty: "罚款", fineYuan: 50000, closed: false, enterprise: { name: "郑州上街中原铝粉有限公司" } });
    expect(shangjie[0]!.hazards).toEqual([{ discoverySource: "7 执法检查", enterpriseCode: "91410106MA40C2M8K0" }]);
    const province = await list(await supervisor("41"));
    expect(province.length).toBe(4);
    // newest first
    expect(province.map((a) => a.caseNumber)).toEqual(["汴应急执〔2026〕35号", "上应急执罚〔2026〕9号", "汴应急执罚〔2026〕21号", "殷应急执罚〔2026〕4号"]);
    expect(province.find((a) => a.order === "RECTIFY_BY_DEADLINE" && a.regionCode.startsWith("4102"))!.orderDeadline).toBe("2026-10-02");
  });

  it("is read like the enterprise file: not by a regulator of other sectors, and by the enterprise for its own", async () => {
    expect(await list(await t.signToken({ department: "HOUSING", roles: ["SUPERVISOR"], region: "41" }))).toEqual([]);
    const own = await t.signToken({ department: null, roles: ["ENTERPRISE"], enterprise: "91410505MA4EE3F05B" });
    expect((await list(own)).map((a) => a.caseNumber)).toEqual(["殷应急执罚〔2026〕4号"]);
    const anonymous = await t.request<{ enforcementActions: { totalCount: number } }, never>("{ enforcementActions(first: 5) { totalCount } }");
    expect(anonymous.data?.enforcementActions.totalCount ?? 0).toBe(0);
  });

  it("is in the enterprise's file, and counted in the bulletin of its period", async () => {
    const file = await t.request<{ enterprise: { enforcementActions: Array<{ caseNumber: string }> } }, never>(`{ enterprise(code: "91410212MA44RT0B6T") { enforcementActions { caseNumber } } }`, undefined, await supervisor("4102"));
    expect(file.data!.enterprise.enforcementActions.map((a) => a.caseNumber)).toEqual(["汴应急执罚〔2026〕21号"]);
    // 2026-P5 (September–October): 开封's 21号 (09-02, deadline, fine 30,000); 上街区's is in 郑州
    const bulletin = await t.request<{ bulletin: { enforcement: { inspections: number; rectificationOrders: number; suspensions: number; penalties: number; finesYuan: number } } }, never>(
      `{ bulletin(region: "4102", period: "2026-P5") { enforcement { inspections rectificationOrders suspensions penalties finesYuan } } }`,
      undefined,
      await supervisor("4102"),
    );
    expect(bulletin.data!.bulletin.enforcement).toEqual({ inspections: 1, rectificationOrders: 1, suspensions: 0, penalties: 1, finesYuan: 30000 });
    const csv = await (await fetch(`${t.hub.url}/bulletins/410106/2026-P5.csv`, { headers: { authorization: `Bearer ${await supervisor("410106")}` } })).text();
    expect(csv).toContain("\r\n执法检查,1\r\n其中责令整改,0\r\n其中责令停产停业整顿,1\r\n其中行政处罚,1\r\n罚款（元）,50000\r\n");
  });
});
