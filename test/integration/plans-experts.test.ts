/**
 * Emergency plans (应急预案) and experts (应急专家库) from the emergency
 * bureau's resource register: lists by territory and the city's mutual aid,
 * filters by the events a plan covers and an expert's speciality, experts
 * nearest first, names and phones masked and audited, and bad rows quarantined.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emergencyConnector } from "../../connectors/index.js";
import { runSync } from "../../src/sync/run-sync.js";
import { startTestHub, type TestHub } from "../helpers/start-server.js";

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => {
  await t?.stop();
});

type Plan = { code: string; name: string; kind: string; eventTypes: string[]; responseLevels: string[]; regionCode: string; filed: boolean; filedAt: string | null; lastDrillAt: string | null; drilledWithinYear: boolean };
const plans = async (token: string | undefined, filter = "{}") => {
  const res = await t.request<{ emergencyPlans: { edges: Array<{ node: Plan }> } }, never>(
    `{ emergencyPlans(first: 50, filter: ${filter}) { edges { node { code name kind eventTypes responseLevels regionCode filed filedAt lastDrillAt drilledWithinYear } } } }`,
    undefined,
    token,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.emergencyPlans.edges.map((e) => e.node);
};
const supervisor = (region: string) => t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region });

describe("emergency plans", () => {
  it("are read by the territory, filtered by the events they cover, with their filing and last drill", async () => {
    // 开封's own, and 上街区's through 郑开 mutual aid (the catalogue's mutualAid partners); not 安阳's
    const kaifeng = await plans(await supervisor("4102"));
    expect(kaifeng.map((p) => p.name).sort()).toEqual(["开封市危险化学品事故应急预案", "开封市防汛应急预案", "液氯泄漏事故现场处置方案", "上街区防汛应急预案"].sort());
    const flood = await plans(await supervisor("4102"), `{ eventType: "暴雨", region: "4102" }`);
    expect(flood).toEqual([
      { code: "汴政办〔2023〕31号", name: "开封市防汛应急预案", kind: "SPECIAL", eventTypes: ["暴雨", "洪水", "城市内涝"], responseLevels: ["Ⅰ级", "Ⅱ级", "Ⅲ级", "Ⅳ级"], regionCode: "410200", filed: true, filedAt: "2023-05-30", lastDrillAt: "2026-06-18", drilledWithinYear: expect.any(Boolean) },
    ]);
    expect((await plans(await supervisor("41"), `{ kind: ENTERPRISE }`)).map((p) => p.code)).toEqual(["HX-YA-2025-01"]);
    // an enterprise reads its own plan only; the public none
    expect((await plans(await t.signToken({ department: null, roles: ["ENTERPRISE"], enterprise: "91410212MA44RT0B6T" }))).map((p) => p.code)).toEqual(["HX-YA-2025-01"]);
    expect(await plans(undefined)).toEqual([]);
  });
});

type ExpertNode = { name: string | null; phone: string | null; specialities: string[]; unit: string; regionCode: string };
const experts = async (token: string, args: string) => {
  const res = await t.request<{ experts: { edges: Array<{ node: ExpertNode }> } }, never>(`{ experts(first: 20${args}) { edges { node { name phone specialities unit regionCode } } } }`, undefined, token);
  expect(res.errors).toBeUndefined();
  return res.data!.experts.edges.map((e) => e.node);
};

describe("experts", () => {
  it("are found by speciality, nearest first, with name and phone for the emergency bureau only (audited)", async () => {
    const token = await supervisor("41");
    // near 开封华夏 (禹王台区): the chemical experts, nearest first
    const chemical = await experts(token, `, filter: { speciality: "危化" }, near: { lat: 34.7905, lon: 114.3597, radiusKm: 50 }`);
    expect(chemical.map((e) => e.unit)).toEqual(["开封市化工研究院", "开封市中心医院"]);
    expect(chemical[0]).toMatchObject({ name: "王建国", phone: "13837812345" });
    const audited = await t.database.db.prisma.auditEntry.count({ where: { dataset: "Expert", action: "READ_PERSONAL" } });
    expect(audited).toBeGreaterThan(0);
    const analyst = await experts(await t.signToken({ department: "WATER", roles: ["ANALYST"], region: "41" }), `, filter: { speciality: "水利" }`);
    expect(analyst).toHaveLength(1);
    expect(analyst[0]!.name).not.toBe("李秀梅");
    expect(analyst[0]!.name).toContain("*");
    expect(analyst[0]!.phone).toMatch(/\*/);
    // a county reads its own and its city's mutual-aid partners, not another city's
    const shangjie = await experts(await supervisor("410106"), "");
    expect(shangjie.map((e) => e.regionCode)).not.toContain("410505");
  });

  it("quarantines a plan or an expert that cannot be used, and keeps the rest", async () => {
    const page = { code: 200, page: 2, pageSize: 10, total: 3, data: { plans: [
      { planId: "YA-T-1", planCode: "T-1", planName: "测试预案", planType: "专项应急预案", planLevel: "县级", eventTypes: "暴雨", responseLevels: "Ⅳ级", ownerUnit: "测试", creditCode: null, areaCode: "410106", recordState: 1, recordDate: null, reviseDate: null, lastDrillDate: null },
      { planId: "YA-T-2", planCode: "T-2", planName: "企业预案", planType: "企业应急预案", planLevel: "", eventTypes: "火灾", responseLevels: "Ⅴ级", ownerUnit: "测试", creditCode: null, areaCode: "410106", recordState: 0, recordDate: null, reviseDate: null, lastDrillDate: null },
    ], experts: [{ expertId: "ZJ-T-1", expertName: "测试专家", specialities: "", unit: "测试单位", title: null, areaCode: "410106", phone: null, longitude: null, latitude: null }] } };
    const summary = await runSync(t.database.db.prisma, emergencyConnector, [{ name: "page-2.json", body: Buffer.from(JSON.stringify(page)) }], { trigger: "push", incremental: true });
    const reasons = summary.rejections.map((r) => r.reason).join("\n");
    expect(reasons).toMatch(/emergencyPlan YA-T-1: recordDate is required when recordState is 1/);
    expect(reasons).toMatch(/emergencyPlan YA-T-2: .*(creditCode|responseLevels)/);
    expect(reasons).toMatch(/expert ZJ-T-1: specialities/);
    expect(summary.counts.rejected).toBe(3);
  });
});
