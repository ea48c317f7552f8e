/**
 * Supervision figures and the bi-monthly bulletin on a hand-made fixture in a
 * fresh database (reference data only), with the right answers worked out by
 * hand below. "Now" is the real clock (after 2026-07), so every deadline of
 * the fixture has passed by now; the bulletin of 2026-P3 (May–June) is
 * judged as of its end, 2026-07-01T00:00+08:00.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OverdueHazardsDocument, RegionBulletinDocument, SupervisionStatsDocument } from "../generated/graphql.js";
import { toGlobalId } from "../../src/data/global-id.js";
import { creditCodeFor, firstError, insertEnterprise, insertHazardRow, type FixtureHazard } from "../helpers/hazards.js";
import { startTestHub, type TestHub } from "../helpers/start-server.js";

const A = creditCodeFor("410202", "MA0000001"); // 龙亭区, 危险化学品
const B = creditCodeFor("410205", "MA0000002"); // 禹王台区, 工贸
const C = creditCodeFor("410106", "MA0000003"); // 郑州 上街区: outside Kaifeng

const a = { enterpriseCode: A, regionCode: "410202", sector: "危险化学品" };
const b = { enterpriseCode: B, regionCode: "410205", sector: "工贸" };
const HAZARDS: FixtureHazard[] = [
  { id: "h1", ...a, grade: "GENERAL", state: "CLOSED", foundAt: "2026-04-20T10:00:00+08:00", closedAt: "2026-05-10T10:00:00+08:00", deadline: "2026-05-15" }, // 20 days to close
  { id: "h2", ...a, grade: "MAJOR", state: "RECTIFYING", foundAt: "2026-05-05T09:00:00+08:00", deadline: "2026-06-30", supervisionDeadline: "2026-06-20", supervisedBy: "EMERGENCY@410200" },
  { id: "h3", ...a, grade: "GENERAL", state: "REPORTED", foundAt: "2026-06-30T23:30:00+08:00" },
  { id: "h4", ...b, grade: "GENERAL", state: "CLOSED", foundAt: "2026-05-20T08:00:00+08:00", closedAt: "2026-05-30T08:00:00+08:00", deadline: "2026-05-25" }, // 10 days
  { id: "h5", ...b, grade: "MAJOR", state: "PENDING_ACCEPTANCE", foundAt: "2026-03-01T08:00:00+08:00", deadline: "2026-07-15" },
  { id: "h6", ...b, grade: "GENERAL", state: "CANCELLED", foundAt: "2026-05-02T08:00:00+08:00", cancelledAt: "2026-05-03T08:00:00+08:00" },
  { id: "h7", ...b, grade: "GENERAL", state: "RECTIFYING", foundAt: "2026-07-01T00:00:00+08:00", deadline: "2026-07-05" },
  { id: "h8", ...a, grade: "GENERAL", state: "CLOSED", foundAt: "2026-06-01T08:00:00+08:00", closedAt: "2026-07-02T08:00:00+08:00", deadline: "2026-06-30" }, // 31 days
  { id: "h9", enterpriseCode: C, regionCode: "410106", sector: "工贸", grade: "MAJOR", state: "REPORTED", foundAt: "2026-05-10T08:00:00+08:00" },
  { id: "h10", ...b, grade: "GENERAL", state: "CANCELLED", foundAt: "2026-06-10T08:00:00+08:00", cancelledAt: "2026-07-10T08:00:00+08:00" },
];
const gid = (id: string) => toGlobalId("Hazard", id);

let t: TestHub;
let kaifeng: string;
let province: string;

beforeAll(async () => {
  t = await startTestHub({}, { samples: false });
  const prisma = t.hub.db.prisma;
  await insertEnterprise(prisma, { creditCode: A, name: "开封龙亭化工有限公司", regionCode: a.regionCode, sector: a.sector });
  await insertEnterprise(prisma, { creditCode: B, name: "禹王台机械厂", regionCode: b.regionCode, sector: b.sector });
  await insertEnterprise(prisma, { creditCode: C, name: "上街铝材厂", regionCode: "410106", sector: "工贸" });
  for (const h of HAZARDS) await insertHazardRow(prisma, h);
  kaifeng = await t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410200" });
  province = await t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410000" });
});
afterAll(async () => {
  await t?.stop();
});

const ZERO = { total: 0, open: 0, closed: 0, cancelled: 0, rectificationRate: null, overdue: 0, major: 0, majorSupervised: 0, medianDaysToClose: null };

describe("hazardStats", () => {
  it("gives the figures of a city and of each county under it", async () => {
    const res = await t.request(SupervisionStatsDocument, { region: "410200" }, kaifeng);
    expect(res.errors).toBeUndefined();
    const s = res.data!.hazardStats!;
    // Kaifeng holds h1–h8 and h10 (h9 is in Zhengzhou): 9 hazards.
    // open: h2 h3 h5 h7; closed: h1 h4 h8; cancelled: h6 h10; rate 3 / (9 − 2) = 0.4286.
    // overdue now: h2 (supervision deadline 06-20), h5 (07-15), h7 (07-05); h3 has no deadline.
    // major: h2 h5, listed: h2; days to close 20, 10, 31 → median 20.
    expect(s).toMatchObject({ region: "410200", total: 9, open: 4, closed: 3, cancelled: 2, rectificationRate: 0.4286, overdue: 3, major: 2, majorSupervised: 1, medianDaysToClose: 20 });
    const by = Object.fromEntries(s.byRegion.map(({ region, ...rest }) => [region, rest]));
    expect(Object.keys(by)).toEqual(["410202", "410203", "410204", "410205", "410212", "410221", "410222", "410223", "410225"]);
    // 龙亭区: h1 h2 h3 h8 — open h2 h3, closed h1 h8 (rate 2/4), overdue h2, median (20 + 31) / 2.
    expect(by["410202"]).toEqual({ name: "龙亭区", total: 4, open: 2, closed: 2, cancelled: 0, rectificationRate: 0.5, overdue: 1, major: 1, majorSupervised: 1, medianDaysToClose: 25.5 });
    // 禹王台区: h4 h5 h6 h7 h10 — open h5 h7, closed h4, cancelled h6 h10 (rate 1/3), overdue h5 h7.
    expect(by["410205"]).toEqual({ name: "禹王台区", total: 5, open: 2, closed: 1, cancelled: 2, rectificationRate: 0.3333, overdue: 2, major: 1, majorSupervised: 0, medianDaysToClose: 10 });
    expect(by["410212"]).toEqual({ name: "祥符区", ...ZERO });
  });

  it("limits the figures to hazards found in [from, to) and to a sector", async () => {
    // Found in May–June: h2 h3 h4 h6 h8 h10 — open h2 h3, closed h4 h8, cancelled h6 h10 (rate 2/4),
    // overdue h2, major h2 (listed), median (10 + 31) / 2.
    const windowed = await t.request(SupervisionStatsDocument, { region: "4102", from: "2026-05-01T00:00:00+08:00", to: "2026-07-01T00:00:00+08:00" }, kaifeng);
    expect(windowed.data!.hazardStats).toMatchObject({ total: 6, open: 2, closed: 2, cancelled: 2, rectificationRate: 0.5, overdue: 1, major: 1, majorSupervised: 1, medianDaysToClose: 20.5 });
    // 危险化学品 is enterprise A alone: the 龙亭区 figures.
    const sector = await t.request(SupervisionStatsDocument, { region: "4102", sector: "危险化学品" }, kaifeng);
    expect(sector.data!.hazardStats).toMatchObject({ sector: "危险化学品", total: 4, open: 2, closed: 2, overdue: 1, medianDaysToClose: 25.5 });
    const bad = await t.request(SupervisionStatsDocument, { from: "2026-07-01T00:00:00Z", to: "2026-05-01T00:00:00Z" }, kaifeng);
    expect(firstError(bad)).toMatchObject({ code: "BAD_USER_INPUT", extensions: { argumentName: "to" } });
  });

  it("refuses figures of a region outside the caller's territory rather than counting nothing", async () => {
    const outside = await t.request(SupervisionStatsDocument, { region: "4101" }, kaifeng);
    expect(firstError(outside)).toMatchObject({ code: "FORBIDDEN", extensions: { argumentName: "region" } });
    expect(outside.data?.hazardStats ?? null).toBeNull();
    const seen = await t.request(SupervisionStatsDocument, { region: "4101" }, province);
    expect(seen.data!.hazardStats).toMatchObject({ total: 1, open: 1, major: 1, majorSupervised: 0 });
  });

  it("is for government readers of hazards only", async () => {
    const enterprise = await t.signToken({ department: null, roles: ["ENTERPRISE"], enterprise: A });
    expect(firstError(await t.request(SupervisionStatsDocument, {}, enterprise)).code).toBe("FORBIDDEN");
    expect(firstError(await t.request(SupervisionStatsDocument, {})).code).toBe("UNAUTHENTICATED");
  });
});

describe("the 条块 matrix (sector × region)", () => {
  const FIGURES = "total open closed cancelled rectificationRate overdue major majorSupervised medianDaysToClose";
  const MATRIX = `query ($region: String) { hazardStats(region: $region) { ${FIGURES} bySector { sector ${FIGURES} } matrix { sector region name ${FIGURES} } byRegion { region ${FIGURES} } } }`;

  it("answers every sector by every region in one query, each cell as hazardStats would give it", async () => {
    const res = await t.request<{ hazardStats: { total: number; bySector: Array<{ sector: string; total: number; open: number }>; matrix: Array<{ sector: string; region: string; name: string; total: number; open: number; closed: number; cancelled: number; rectificationRate: number | null; overdue: number }>; byRegion: Array<{ region: string; total: number }> } }, never>(MATRIX, { region: "4102" } as never, kaifeng);
    expect(res.errors).toBeUndefined();
    const s = res.data!.hazardStats;
    // 危险化学品 = enterprise A (龙亭区): h1 h2 h3 h8; 工贸 = B (禹王台区): h4 h5 h6 h7 h10
    expect(s.bySector.map((x) => [x.sector, x.total, x.open])).toEqual([["危险化学品", 4, 2], ["工贸", 5, 2]].sort(([a], [b]) => String(a).localeCompare(String(b), "zh-CN")));
    expect(s.matrix.map((c) => [c.sector, c.region, c.name, c.total])).toEqual(expect.arrayContaining([["危险化学品", "410202", "龙亭区", 4], ["工贸", "410205", "禹王台区", 5]]));
    expect(s.matrix).toHaveLength(2); // only non-empty cells
    expect(s.matrix.find((c) => c.sector === "工贸")).toMatchObject({ open: 2, closed: 1, cancelled: 2, rectificationRate: 0.3333, overdue: 2 });
    // the cells add up to the sectors' and the regions' totals
    expect(s.matrix.reduce((n, c) => n + c.total, 0)).toBe(s.total);
    for (const row of s.bySector) expect(s.matrix.filter((c) => c.sector === row.sector).reduce((n, c) => n + c.total, 0)).toBe(row.total);
    for (const row of s.byRegion) expect(s.matrix.filter((c) => c.region === row.region).reduce((n, c) => n + c.total, 0)).toBe(row.total);
  });

  it("is a CSV for Excel with the same cells, and is refused outside the territory", async () => {
    const res = await fetch(`${t.hub.url}/hazard-stats/4102.csv`, { headers: { authorization: `Bearer ${kaifeng}` } });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a BOM, so Excel reads UTF-8
    const text = new TextDecoder("utf-8").decode(bytes);
    expect(text.startsWith("隐患条块统计,开封市,410200,截至 ")).toBe(true);
    const lines = text.split("\r\n");
    expect(lines[2]).toBe("行业领域,区划代码,区划,隐患总数,未销号,已销号,已撤销,整改率,逾期,重大隐患,挂牌督办,销号天数中位数");
    expect(lines).toContain("工贸,410205,禹王台区,5,2,1,2,0.3333,2,1,0,10");
    expect(lines).toContain("各行业合计,410200,开封市,9,4,3,2,0.4286,3,2,1,20");
    expect(lines).toContain("各行业合计,410212,祥符区,0,0,0,0,无,0,0,0,");
    const outside = await fetch(`${t.hub.url}/hazard-stats/410106.csv`, { headers: { authorization: `Bearer ${kaifeng}` } });
    expect(outside.status).toBe(403);
    expect((await fetch(`${t.hub.url}/hazard-stats/4102.csv`)).status).toBe(401);
  });
});

describe("overdueHazards", () => {
  it("lists open hazards past their deadline, oldest first", async () => {
    const res = await t.request(OverdueHazardsDocument, { region: "4102" }, kaifeng);
    expect(res.data!.overdueHazards.totalCount).toBe(3);
    expect(res.data!.overdueHazards.edges.map((e) => e.node.id)).toEqual([gid("h5"), gid("h2"), gid("h7")]);
    const outside = await t.request(OverdueHazardsDocument, { region: "4101" }, kaifeng);
    expect(outside.data!.overdueHazards.totalCount).toBe(0);
  });
});

describe("bulletin (双月通报)", () => {
  it("counts new, closed, still open and overdue hazards of the period, and lists the open major ones", async () => {
    const res = await t.request(RegionBulletinDocument, { region: "4102", period: "2026-P3" }, kaifeng);
    expect(res.errors).toBeUndefined();
    // As of 2026-07-01T00:00+08:00:
    // new: found in May–June — h2 h3 h4 h6 h8 h10 (h7 was found at 00:00 on 07-01, after the period): 6.
    // closed in the period: h1 (05-10), h4 (05-30); h8 closed 07-02: 2.
    // still open: h2 h3 h5; h8 (closed only later); h10 (cancelled only on 07-10): 5.
    // overdue of those: h2 (06-20), h8 (06-30 ended at 24:00): 2.
    // open majors by foundAt: h5 (03-01), h2 (05-05).
    expect(res.data!.bulletin).toMatchObject({
      region: "410200", regionName: "开封市", period: "2026-P3", firstDay: "2026-05-01", lastDay: "2026-06-30",
      from: "2026-04-30T16:00:00.000Z", to: "2026-06-30T16:00:00.000Z", asOf: "2026-06-30T16:00:00.000Z",
      new: 6, closed: 2, stillOpen: 5, overdue: 2,
    });
    expect(res.data!.bulletin!.majorHazards.map((h) => h.id)).toEqual([gid("h5"), gid("h2")]);
  });

  it("takes a date inside the period, and works per county", async () => {
    // 龙亭区 (h1 h2 h3 h8): new h2 h3 h8; closed h1; open h2 h3 h8; overdue h2 h8; majors h2.
    const res = await t.request(RegionBulletinDocument, { region: "410202", period: "2026-05-15" }, kaifeng);
    expect(res.data!.bulletin).toMatchObject({ period: "2026-P3", regionName: "龙亭区", new: 3, closed: 1, stillOpen: 3, overdue: 2 });
    expect(res.data!.bulletin!.majorHazards.map((h) => h.id)).toEqual([gid("h2")]);
  });

  it("tracks 清零: what became of the hazards the previous bulletin listed open, by region and sector", async () => {
    const res = await t.request<{ bulletin: { clearance: { previousPeriod: string; listed: number; cleared: number; notCleared: number; byRegion: Array<{ region: string; listed: number; cleared: number; notCleared: number }>; bySector: Array<{ sector: string; listed: number; cleared: number; notCleared: number }>; notClearedHazards: Array<{ id: string }> } } }, never>(
      `{ bulletin(region: "4102", period: "2026-P4") { clearance { previousPeriod listed cleared notCleared byRegion { region listed cleared notCleared } bySector { sector listed cleared notCleared } notClearedHazards { id } } } }`,
      undefined,
      kaifeng,
    );
    expect(res.errors).toBeUndefined();
    // 2026-P3 listed the five open at 07-01 00:00: h2 h3 h5 h8 h10. Since: h8 closed (07-02), h10 cancelled (07-10).
    const c = res.data!.bulletin.clearance;
    expect(c).toMatchObject({ previousPeriod: "2026-P3", listed: 5, cleared: 2, notCleared: 3 });
    expect(c.notClearedHazards.map((h) => h.id)).toEqual([gid("h5"), gid("h2"), gid("h3")]);
    expect(c.byRegion.filter((r) => r.listed > 0)).toEqual([
      { region: "410202", listed: 3, cleared: 1, notCleared: 2 },
      { region: "410205", listed: 2, cleared: 1, notCleared: 1 },
    ]);
    expect(Object.fromEntries(c.bySector.map(({ sector, ...rest }) => [sector, rest]))).toEqual({ 危险化学品: { listed: 3, cleared: 1, notCleared: 2 }, 工贸: { listed: 2, cleared: 1, notCleared: 1 } });
    const csv = await (await fetch(`${t.hub.url}/bulletins/4102/2026-P4.csv`, { headers: { authorization: `Bearer ${kaifeng}` } })).text();
    expect(csv).toContain("\r\n清零情况（2026-P3 通报时未销号的隐患）,上期未销号,已清零,未清零\r\n合计,5,2,3\r\n");
    expect(csv).toContain("\r\n龙亭区（410202）,3,1,2\r\n");
  });

  it("is refused outside the territory, null for an unknown region, and refuses a bad period", async () => {
    const outside = await t.request(RegionBulletinDocument, { region: "4101", period: "2026-P3" }, kaifeng);
    expect(firstError(outside).code).toBe("FORBIDDEN");
    const unknown = await t.request(RegionBulletinDocument, { region: "4118", period: "2026-P3" }, province);
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data!.bulletin).toBeNull();
    const bad = await t.request(RegionBulletinDocument, { region: "4102", period: "2026-P7" }, kaifeng);
    expect(firstError(bad)).toMatchObject({ code: "BAD_USER_INPUT", extensions: { argumentName: "period" } });
  });
});

describe("GET /bulletins/<region>/<period>.csv", () => {
  const get = (path: string, token?: string) => fetch(`${t.hub.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it("serves the same bulletin as CSV with a BOM for Excel", async () => {
    const res = await get("/bulletins/4102/2026-P3.csv", kaifeng);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="bulletin-410200-2026-P3.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder("utf-8").decode(bytes).split("\r\n");
    expect(lines[0]).toBe("安全隐患双月通报,开封市,410200,2026-P3,2026-05-01 至 2026-06-30,截至 2026-07-01 00:00,隐患来源：全部");
    const prominent = (await t.request<{ bulletin: { prominentIssues: unknown[] } }, never>(`{ bulletin(region: "4102", period: "2026-P3") { prominentIssues { id } } }`, undefined, kaifeng)).data!.bulletin.prominentIssues.length;
    expect(lines[1]).toBe("统计范围,开封市（410200）辖区内各行业的隐患");
    expect(lines.slice(3, 10)).toEqual(["指标,数量", "新增隐患,6", "本期销号,2", "未销号,5", "逾期未整改,2", "重大事故隐患（未销号）,2", `突出问题（重大、挂牌督办或逾期）,${prominent}`]);
    // the period's law-enforcement inspections (none in this fixture)
    expect(lines.slice(10, 15)).toEqual(["执法检查,0", "其中责令整改,0", "其中责令停产停业整顿,0", "其中行政处罚,0", "罚款（元）,0"]);
    expect(lines[16]).toBe("重大事故隐患清单");
    expect(lines[17]!.split(",")[0]).toBe("序号");
    expect(lines[18]).toBe(`1,${B},禹王台机械厂,410205,工贸,fixture h5,待验收,2026-03-01 08:00,2026-07-15,,,是`);
    expect(lines[19]).toBe(`2,${A},开封龙亭化工有限公司,410202,危险化学品,fixture h2,整改中,2026-05-05 09:00,2026-06-30,EMERGENCY@410200,2026-06-20,是`);
    expect(lines[20]).toBe("");
    expect(lines[21]).toBe("突出问题清单");
  });

  it("answers 401, 403, 404 and 400 as JSON errors", async () => {
    const anonymous = await get("/bulletins/4102/2026-P3.csv");
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ errors: [{ extensions: { code: "UNAUTHENTICATED" } }] });
    expect((await get("/bulletins/4102/2026-P3.csv", "not.a.token")).status).toBe(401);
    const water = await t.signToken({ department: "WATER", roles: ["INSPECTOR"], region: "410200" });
    const forbidden = await get("/bulletins/4102/2026-P3.csv", water);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ errors: [{ extensions: { code: "FORBIDDEN" } }] });
    const unknown = await get("/bulletins/4118/2026-P3.csv", province);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ errors: [{ extensions: { code: "NOT_FOUND" } }] });
    expect((await get("/bulletins/4102/2026-P7.csv", kaifeng)).status).toBe(400);
  });
});
