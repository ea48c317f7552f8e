/** Risk points as a list of their own, and their four-colour distribution by division, in the reader's scope. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../helpers/start-server.js";

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => {
  await t?.stop();
});

type Point = { name: string; level: string; onlineMonitored: boolean; regionCode: string; enterpriseCode: string };
const supervisor = (region: string) => t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region });
const POINTS = `query ($filter: RiskPointFilter) { riskPoints(first: 200, filter: $filter) { totalCount edges { node { name level onlineMonitored regionCode enterpriseCode } } } }`;

async function points(token: string, filter: Record<string, unknown> = {}) {
  const res = await t.request<{ riskPoints: { totalCount: number; edges: Array<{ node: Point }> } }, never>(POINTS, { filter } as never, token);
  expect(res.errors).toBeUndefined();
  return res.data!.riskPoints;
}

describe("riskPoints", () => {
  it("lists the points in scope, red first, and filters by colour, monitoring, enterprise and region", async () => {
    const city = await supervisor("4102");
    const all = await points(city);
    expect(all.totalCount).toBeGreaterThan(0);
    expect(all.edges.every((e) => e.node.regionCode.startsWith("4102"))).toBe(true);
    const order = ["RED", "ORANGE", "YELLOW", "BLUE"];
    const ranks = all.edges.map((e) => order.indexOf(e.node.level));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const red = await points(city, { levels: ["RED", "ORANGE"] });
    expect(red.totalCount).toBe(all.edges.filter((e) => ["RED", "ORANGE"].includes(e.node.level)).length);
    const online = await points(city, { onlineMonitored: true });
    expect(online.totalCount).toBe(all.edges.filter((e) => e.node.onlineMonitored).length);
    const code = all.edges[0]!.node.enterpriseCode;
    expect((await points(city, { enterprise: code })).edges.every((e) => e.node.enterpriseCode === code)).toBe(true);
    const bad = await t.request(POINTS, { filter: { enterprise: "nope" } } as never, city);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "filter.enterprise" });
    // nothing for anonymous callers: risk points are an enterprise's file
    expect((await t.request(POINTS, { filter: {} } as never)).data).toMatchObject({ riskPoints: { totalCount: 0 } });
  });
});

describe("riskDistribution", () => {
  it("counts the colours of the region and of each division under it, from the points the reader may read", async () => {
    const city = await supervisor("4102");
    const listed = (await points(city)).edges.map((e) => e.node);
    const res = await t.request<{ riskDistribution: { region: string; total: number; counts: Array<{ level: string; count: number }>; byRegion: Array<{ region: string; total: number }> } }, never>(
      `{ riskDistribution(region: "4102") { region total counts { level count } byRegion { region name total counts { level count } } } }`,
      undefined,
      city,
    );
    expect(res.errors).toBeUndefined();
    const d = res.data!.riskDistribution;
    expect(d.region).toBe("410200");
    expect(d.total).toBe(listed.length);
    for (const { level, count } of d.counts) expect(count).toBe(listed.filter((p) => p.level === level).length);
    expect(d.byRegion.reduce((sum, r) => sum + r.total, 0)).toBe(d.total);
    // a county's supervisor counts its county, and is refused the city's figure rather than given its own part of it
    const county = await t.request<{ riskDistribution: { total: number } }, never>(`{ riskDistribution(region: "410212") { total } }`, undefined, await supervisor("410212"));
    expect(county.data!.riskDistribution.total).toBe(listed.filter((p) => p.regionCode.startsWith("410212")).length);
    const above = await t.request(`{ riskDistribution(region: "4102") { total } }`, undefined, await supervisor("410212"));
    expect(above.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await t.request(`{ riskDistribution { total } }`)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
