/**
 * What a warning calls on (Warning.response): the plans covering its event in
 * or above its areas, experts of the matching speciality in its cities, who is
 * on duty now, the information officers of its villages and the disaster
 * reports of its areas — each read under its own rules. Also the duty rosters
 * and the officers' lists themselves.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../helpers/start-server.js";

let t: TestHub;
beforeAll(async () => {
  // samples placed now: the warnings are in force, the shifts of today on duty
  t = await startTestHub({}, { placeAt: new Date() });
});
afterAll(async () => {
  await t?.stop();
});

const RESPONSE = `{ warnings(first: 50) { edges { node { identifier type regionCodes response {
  plans { plan { name regionCode } responseLevels }
  experts { name unit specialities }
  dutyOfficers { unit role name }
  informationOfficers { role name regionCode }
  disasterReports { stage regionCode }
} } } } }`;
type Response = {
  plans: Array<{ plan: { name: string; regionCode: string }; responseLevels: string[] }>;
  experts: Array<{ name: string | null; unit: string; specialities: string[] }>;
  dutyOfficers: Array<{ unit: string; role: string; name: string | null }>;
  informationOfficers: Array<{ role: string; name: string | null; regionCode: string }>;
  disasterReports: Array<{ stage: string; regionCode: string }>;
};
const responseOf = async (token: string, identifier: string) => {
  const res = await t.request<{ warnings: { edges: Array<{ node: { identifier: string; response: Response } }> } }, never>(RESPONSE, undefined, token);
  expect(res.errors).toBeUndefined();
  return res.data!.warnings.edges.find((e) => e.node.identifier === identifier)!.node.response;
};
const supervisor = (region: string) => t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region });

describe("a warning's response", () => {
  it("lists 开封's flood plan, its water expert, who is on duty now, the village officer and the county's report for 开封's rainstorm warning", async () => {
    const response = await responseOf(await supervisor("4102"), "41020041600000_20260720060000");
    expect(response.plans).toEqual([{ plan: { name: "开封市防汛应急预案", regionCode: "410200" }, responseLevels: ["Ⅰ级", "Ⅱ级", "Ⅲ级", "Ⅳ级"] }]);
    expect(response.experts).toEqual([{ name: "李秀梅", unit: "开封市水利建筑勘测设计院", specialities: ["水利", "防汛"] }]);
    // today's shift, not yesterday's; the city's bureau and 祥符区's
    expect(response.dutyOfficers.map((d) => d.name).sort()).toEqual(["周晓燕", "孙卫东", "马俊"].sort());
    expect(response.informationOfficers).toEqual([{ role: "INFORMATION_OFFICER_A", name: "赵红旗", regionCode: "410212101201" }]);
    expect(response.disasterReports).toEqual([{ stage: "INITIAL", regionCode: "410212" }]);
  });

  it("is read under each list's rules: a water analyst sees the plans and masked names; the public no response", async () => {
    const analyst = await responseOf(await t.signToken({ department: "WATER", roles: ["ANALYST"], region: "4102" }), "41020041600000_20260720060000");
    expect(analyst.plans).toHaveLength(1);
    expect(analyst.dutyOfficers.length).toBeGreaterThan(0);
    for (const officer of analyst.dutyOfficers) expect(officer.name).toMatch(/\*/);
    const anonymous = await t.request<{ warnings: { edges: Array<{ node: { response: Response | null } }> } }, never>("{ warnings(first: 5) { edges { node { response { plans { responseLevels } } } } } }");
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data!.warnings.edges.length).toBeGreaterThan(0);
    for (const edge of anonymous.data!.warnings.edges) expect(edge.node.response).toBeNull();
  });
});

describe("duty rosters and information officers", () => {
  it("say who is on duty at a moment, and who reports from a village", async () => {
    const token = await supervisor("410106");
    const res = await t.request<{ dutyShifts: { edges: Array<{ node: { name: string; role: string; unit: string } }> }; informationOfficers: { totalCount: number; edges: Array<{ node: { role: string; regionCode: string } }> } }, never>(
      `{ dutyShifts(filter: { onDutyAt: "${new Date().toISOString()}", region: "410106" }) { edges { node { name role unit } } }
         informationOfficers(filter: { region: "410106100201" }) { totalCount edges { node { role regionCode } } } }`,
      undefined,
      token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.dutyShifts.edges.map((e) => e.node)).toEqual(
      expect.arrayContaining([{ name: "郭建设", role: "LEADER", unit: "上街区应急管理局" }, { name: "韩冰", role: "OFFICER", unit: "上街区应急管理局" }]),
    );
    expect(res.data!.informationOfficers.edges.map((e) => e.node.role).sort()).toEqual(["INFORMATION_OFFICER_A", "INFORMATION_OFFICER_B"]);
  });
});
