/** The plans' target indicators, computed from the shared records of a region and of each division under it. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INDICATOR_IDS } from "../../src/core/indicators.js";
import { startTestHub, type TestHub } from "../helpers/start-server.js";

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => {
  await t?.stop();
});

type Figure = {
  id: string;
  atMost: boolean;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  target: number | null;
  met: boolean | null;
  source: string;
  method: string;
  unknownBecause: string | null;
  conflict: string | null;
  basis: { plan: string; binds: string; words: string[] } | null;
  stated: { value: number; citation: { plan: string } } | null;
};
const FIGURE = "id name unit method value numerator denominator target atMost met source unknownBecause conflict note basis { plan binds article words } stated { value citation { plan words } }";
const QUERY = `query ($region: String) { indicators(region: $region) { region name asOf indicators { ${FIGURE} } byRegion { region name indicators { ${FIGURE} } } } }`;
const supervisor = (region: string) => t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region });

async function report(region: string, token?: string) {
  const res = await t.request<{ indicators: { region: string; name: string; indicators: Figure[]; byRegion: Array<{ region: string; indicators: Figure[] }> } }, never>(QUERY, { region } as never, token ?? (await supervisor("41")));
  expect(res.errors).toBeUndefined();
  return res.data!.indicators;
}
const figure = (figures: Figure[], id: string) => figures.find((f) => f.id === id)!;

describe("indicators", () => {
  it("gives every figure of 上街区 with numerator, denominator, method and the binding plan's target, or unknown with the reason", async () => {
    const shangjie = await report("410106");
    expect(shangjie.indicators.map((f) => f.id)).toEqual([...INDICATOR_IDS]);
    for (const f of shangjie.indicators) {
      expect(f.source.length).toBeGreaterThan(0);
      expect(f.method.length).toBeGreaterThan(0);
      // a plan of 开封 never binds 上街区 (郑州)
      expect(f.basis?.binds ?? "410106").toMatch(/^(410000|410106)$/);
      if (f.met === null) expect(f.unknownBecause).toEqual(expect.any(String));
      if (f.target === null) expect(f.met).toBeNull();
      else if (f.value !== null && f.conflict === null) expect(f.met).toBe(f.atMost ? f.value <= f.target : f.value >= f.target);
    }
    // shelter area per person: the open shelters' area over the population the plan gives (14万)
    const shelters = await t.request<{ shelters: { edges: Array<{ node: { areaM2: number; status: string } }> } }, never>(
      `{ shelters(first: 200, filter: { region: "410106" }) { edges { node { areaM2 status } } } }`,
      undefined,
      await supervisor("41"),
    );
    const area = shelters.data!.shelters.edges.filter((e) => e.node.status !== "CLOSED").reduce((sum, e) => sum + e.node.areaM2, 0);
    // the records' figure and the plan's own 1.31 m²/人 are both shown, and the disagreement is said; no plan binding 上街区 sets a target
    const shelter = figure(shangjie.indicators, "SHELTER_AREA_PER_PERSON");
    expect(shelter).toMatchObject({ numerator: area, denominator: 140_000, target: null, met: null, stated: { value: 1.31, citation: { plan: "上政〔2022〕3号" } } });
    expect(shelter.conflict).toMatch(/上政〔2022〕3号写明 1\.31/);
    // its townships are judged by the floor of 20 its plan gives three times
    expect(shangjie.byRegion.length).toBeGreaterThan(0);
    const township = figure(shangjie.byRegion[0]!.indicators, "RESCUE_TEAM_SIZE");
    expect(township.basis).toMatchObject({ plan: "上政〔2022〕3号" });
    expect(township.met).not.toBeNull();
  });

  it("reads a figure whose input is missing as unknown, never zero, and splits the city by county", async () => {
    const kaifeng = await report("410200");
    expect(kaifeng.name).toBe("开封市");
    expect(figure(kaifeng.indicators, "SHELTER_AREA_PER_PERSON")).toMatchObject({ value: null, met: null, unknownBecause: expect.stringMatching(/population/) });
    const monitoring = figure(kaifeng.indicators, "MAJOR_RISK_POINT_MONITORING");
    expect(monitoring.source).toMatch(/汴政〔2023〕14号/);
    expect(kaifeng.byRegion.map((r) => r.region)).toContain("410202");
    // the counties' red risk points add up to the city's (none registered at city level in the samples)
    const counted = kaifeng.byRegion.map((r) => figure(r.indicators, "MAJOR_RISK_POINT_MONITORING").denominator ?? 0).reduce((a, b) => a + b, 0);
    expect(counted).toBe(monitoring.denominator ?? 0);
  });

  it("counts only what the reader may read, and refuses anonymous callers", async () => {
    const city = figure((await report("410200")).indicators, "STANDARDISATION_RATE");
    const county = figure((await report("410212", await supervisor("410212"))).indicators, "STANDARDISATION_RATE");
    expect(county.denominator ?? 0).toBeLessThan(city.denominator ?? 0);
    // a county token cannot read a hazard outside the county: the province's figure of the county is the county's own
    const seenFromProvince = (await report("410200")).byRegion.find((r) => r.region === "410212")!;
    expect(figure(seenFromProvince.indicators, "STANDARDISATION_RATE").denominator).toBe(county.denominator);
    expect((await t.request(QUERY, { region: "410200" } as never)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("indicators as CSV", () => {
  it("are exported on their own and in the bi-monthly bulletin, with the same figures as the API", async () => {
    const token = await supervisor("41");
    const api = await report("410106", token);
    const res = await fetch(`${t.hub.url}/indicators/410106.csv`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a BOM, so Excel reads UTF-8
    const csv = bytes.subarray(3).toString("utf8");
    expect(csv.startsWith("目标指标,上街区,410106")).toBe(true);
    const shelterRow = csv.split("\r\n").find((line) => line.startsWith("410106,上街区,人均应急避难（护）场所面积"))!;
    const figure = api.indicators.find((f) => f.id === "SHELTER_AREA_PER_PERSON")!;
    expect(shelterRow.split(",").slice(4, 9)).toEqual([String(figure.value), String(figure.numerator), String(figure.denominator), "无", "未知"]);
    expect(shelterRow).toContain("1.31（上政〔2022〕3号）");
    expect(csv.split("\r\n")[2]).toMatch(/规划所述数值,不一致,说明,计算方法$/);

    const bulletin = await (await fetch(`${t.hub.url}/bulletins/410106/2026-P6.csv`, { headers: { authorization: `Bearer ${token}` } })).text();
    expect(bulletin).toContain("\r\n目标指标\r\n");
    expect(bulletin).toContain(shelterRow);
    expect((await fetch(`${t.hub.url}/indicators/410106.csv`)).status).toBe(401);
  });
});

describe("the bulletin by discovery source", () => {
  it("counts only the hazards found so, and keeps 突出问题 as a section of its own", async () => {
    const token = await supervisor("41");
    const all = await t.request<{ hazards: { edges: Array<{ node: { discoverySource: string | null; foundAt: string } }> } }, never>("{ hazards(first: 200) { edges { node { discoverySource foundAt } } } }", undefined, token);
    const inPeriod = all.data!.hazards.edges.map((e) => e.node).filter((h) => h.foundAt >= "2026-08-31T16:00:00.000Z" && h.foundAt < "2026-10-31T16:00:00.000Z");
    const res = await t.request<{ whole: { new: number; sources: null }; enforcement: { new: number; sources: string[]; prominentIssues: Array<{ discoverySource: string }> } }, never>(
      `{ whole: bulletin(region: "41", period: "2026-P5") { new sources } enforcement: bulletin(region: "41", period: "2026-P5", sources: [ENFORCEMENT]) { new sources prominentIssues { discoverySource } } }`,
      undefined,
      token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.whole).toEqual({ new: inPeriod.length, sources: null });
    expect(res.data!.enforcement.new).toBe(inPeriod.filter((h) => h.discoverySource?.startsWith("7 ")).length);
    expect(res.data!.enforcement.new).toBeLessThan(res.data!.whole.new);
    expect(res.data!.enforcement.sources).toEqual(["ENFORCEMENT"]);
    expect(res.data!.enforcement.prominentIssues.every((h) => h.discoverySource.startsWith("7 "))).toBe(true);
    const csv = await (await fetch(`${t.hub.url}/bulletins/41/2026-P5.csv?sources=ENFORCEMENT`, { headers: { authorization: `Bearer ${token}` } })).text();
    expect(csv.split("\r\n")[0]).toMatch(/隐患来源：执法检查$/);
    expect((await fetch(`${t.hub.url}/bulletins/41/2026-P5.csv?sources=NOPE`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(400);
  });
});

describe("figures outside the reader's territory", () => {
  it("are refused, never computed from an empty set, in GraphQL and as CSV", async () => {
    const longting = await supervisor("410202");
    const refused = await t.request(QUERY, { region: "410106" } as never, longting);
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(refused.errors?.[0]?.message).toMatch(/outside your territory 410202/);
    const csv = await fetch(`${t.hub.url}/indicators/410106.csv`, { headers: { authorization: `Bearer ${longting}` } });
    expect(csv.status).toBe(403);
    expect(await csv.text()).not.toMatch(/达标/);
    // a region above the reader's own is refused too: its figures would be the reader's part under the city's name
    const above = await fetch(`${t.hub.url}/bulletins/4102/2026-P6.csv`, { headers: { authorization: `Bearer ${longting}` } });
    expect(above.status).toBe(403);
    for (const query of ['{ riskDistribution(region: "410106") { total } }', '{ hazardStats(region: "410106") { total } }', '{ bulletin(region: "4102", period: "2026-P6") { new } }']) {
      expect((await t.request(query, undefined, longting)).errors?.[0]?.extensions?.code, query).toBe("FORBIDDEN");
    }
    // the reader's own territory and the divisions under it still answer
    expect((await t.request(QUERY, { region: "410202" } as never, longting)).errors).toBeUndefined();
  });

  it("a bulletin says whose hazards it counts: the territory, and the sectors a sector regulator reads", async () => {
    const own = await (await fetch(`${t.hub.url}/bulletins/4102/2026-P6.csv`, { headers: { authorization: `Bearer ${await supervisor("4102")}` } })).text();
    expect(own.split("\r\n")[1]).toBe("统计范围,开封市（410200）辖区内各行业的隐患");
    const housing = await t.signToken({ department: "HOUSING", roles: ["SUPERVISOR"], region: "4102" });
    const res = await t.request<{ bulletin: { sectors: string[] | null } }, never>('{ bulletin(region: "4102", period: "2026-P6") { sectors } }', undefined, housing);
    expect(res.errors).toBeUndefined();
    expect(res.data!.bulletin.sectors).toEqual(expect.arrayContaining(["建筑施工"]));
    const csv = await (await fetch(`${t.hub.url}/bulletins/4102/2026-P6.csv`, { headers: { authorization: `Bearer ${housing}` } })).text();
    expect(csv.split("\r\n")[1]).toMatch(/^统计范围,开封市（410200）辖区内建筑施工、.*行业的隐患$/);
  });
});
