/**
 * The read path: relation filters and orders, keyset pages under inserts,
 * `near` in the database, relations read with their list in one statement,
 * and LIKE text that matches itself.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emergencyConnector, generateEmergencyFeed, generateEmergencyPages } from "../../connectors/emergency/index.js";
import { haversineKm } from "../../src/core/geo.js";
import { runSync } from "../../src/sync/run-sync.js";
import { startTestHub, type TestHub } from "../helpers/start-server.js";

let t: TestHub;
let token: string;
beforeAll(async () => {
  t = await startTestHub();
  const feed = generateEmergencyFeed({ enterprises: 40, hazardsPerEnterprise: 6, riskPointsPerEnterprise: 4, shelters: 60, seed: 5 });
  const summary = await runSync(t.database.db.prisma, emergencyConnector, [{ name: "generated.json", body: Buffer.from(feed) }], { trigger: "cli" });
  expect(summary.ok).toBe(true);
  token = await t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410000" });
});
afterAll(async () => {
  await t?.stop();
});

async function query<T = any>(text: string, variables: Record<string, unknown> = {}, as = token): Promise<T> {
  const res = await t.request(text, variables, as);
  expect(res.errors).toBeUndefined();
  return res.data as T;
}

const OPEN = ["REPORTED", "RECTIFYING", "PENDING_ACCEPTANCE"];
const RED_FIRST = ["RED", "ORANGE", "YELLOW", "BLUE"];

describe("relations filtered and ordered", () => {
  it("gives an enterprise's open hazards only, and exactly those", async () => {
    const data = await query(`{ enterprises(first: 50, filter: { region: "4102" }) { edges { node { creditCode
      all: hazards { id state } open: hazards(filter: { open: true }) { id state } closed: hazards(filter: { open: false }) { id state } } } } }`);
    const nodes = data.enterprises.edges.map((e: any) => e.node);
    expect(nodes.some((n: any) => n.open.length > 0 && n.closed.length > 0)).toBe(true);
    for (const n of nodes) {
      expect(n.open.every((h: any) => OPEN.includes(h.state))).toBe(true);
      expect(n.closed.every((h: any) => !OPEN.includes(h.state))).toBe(true);
      expect(new Set([...n.open, ...n.closed].map((h: any) => h.id))).toEqual(new Set(n.all.map((h: any) => h.id)));
    }
  });

  it("filters by states and grades, and orders by deadline with undated hazards last", async () => {
    const data = await query(`{ enterprises(first: 50) { edges { node {
      rectifying: hazards(filter: { states: [RECTIFYING], grades: [GENERAL] }) { state grade }
      byDeadline: hazards(orderBy: DEADLINE_ASC) { deadline } } } } }`);
    for (const { node } of data.enterprises.edges) {
      expect(node.rectifying.every((h: any) => h.state === "RECTIFYING" && h.grade === "GENERAL")).toBe(true);
      const deadlines: Array<string | null> = node.byDeadline.map((h: any) => h.deadline);
      const dated = deadlines.filter((d): d is string => d !== null);
      expect(deadlines.slice(0, dated.length)).toEqual([...dated].sort());
      expect(deadlines.slice(dated.length).every((d) => d === null)).toBe(true);
    }
  });

  it("orders risk points red first", async () => {
    const data = await query(`{ enterprises(first: 50) { edges { node { riskPoints(orderBy: LEVEL) { level } } } } }`);
    const lists = data.enterprises.edges.map((e: any) => e.node.riskPoints.map((p: any) => RED_FIRST.indexOf(p.level)));
    expect(lists.some((l: number[]) => new Set(l).size > 1)).toBe(true);
    for (const list of lists) expect(list).toEqual([...list].sort((a, b) => a - b));
  });

  it("orders the hazard list by deadline across pages", async () => {
    const deadlines: Array<string | null> = [];
    let after: string | null = null;
    do {
      const data: any = await query(`query ($after: String) { hazards(first: 7, after: $after, filter: { open: true }, orderBy: DEADLINE_ASC) {
        edges { node { deadline state } } pageInfo { endCursor hasNextPage } } }`, { after });
      deadlines.push(...data.hazards.edges.map((e: any) => e.node.deadline));
      after = data.hazards.pageInfo.hasNextPage ? data.hazards.pageInfo.endCursor : null;
    } while (after);
    const total = (await query(`{ hazards(filter: { open: true }) { totalCount } }`)).hazards.totalCount;
    expect(deadlines).toHaveLength(total);
    const dated = deadlines.filter((d): d is string => d !== null);
    expect(deadlines.slice(0, dated.length)).toEqual([...dated].sort());
  });
});

describe("keyset pages", () => {
  it("orders enterprises by credit code by default, and by name when asked", async () => {
    const byCode = (await query(`{ enterprises(first: 100) { edges { node { creditCode name } } } }`)).enterprises.edges.map((e: any) => e.node);
    expect(byCode.map((n: any) => n.creditCode)).toEqual([...byCode.map((n: any) => n.creditCode)].sort());
    const byName = (await query(`{ enterprises(first: 100, orderBy: NAME) { edges { node { name } } } }`)).enterprises.edges.map((e: any) => e.node.name);
    expect(byName).toEqual([...byName].sort());
  });

  it("neither repeats nor skips a record when records are added before the cursor while paging", async () => {
    const page = `query ($after: String) { enterprises(first: 10, after: $after, filter: { region: "4102" }) { edges { node { creditCode } } pageInfo { endCursor hasNextPage } } }`;
    const before = new Set<string>((await query(`{ enterprises(first: 200, filter: { region: "4102" }) { edges { node { creditCode } } } }`)).enterprises.edges.map((e: any) => e.node.creditCode));
    const first = (await query(page)).enterprises;
    // new enterprises, some of whose codes sort before the cursor (pages: incremental, nothing retired)
    const extra = [...generateEmergencyPages({ enterprises: 6, hazardsPerEnterprise: 0, seed: 0, enterprisesPerPage: 2 })];
    const summary = await runSync(t.database.db.prisma, emergencyConnector, extra.map((body, i) => ({ name: `extra-${i}.json`, body: Buffer.from(body) })), { trigger: "cli" });
    expect(summary.counts.created).toBeGreaterThan(0);
    const seen: string[] = first.edges.map((e: any) => e.node.creditCode);
    let after: string | null = first.pageInfo.endCursor;
    while (after) {
      const next: any = (await query(page, { after })).enterprises;
      seen.push(...next.edges.map((e: any) => e.node.creditCode));
      after = next.pageInfo.hasNextPage ? next.pageInfo.endCursor : null;
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const code of before) expect(seen).toContain(code);
    expect(seen).toEqual([...seen].sort());
  });

  it("refuses a cursor it did not issue", async () => {
    const res = await t.request(`{ enterprises(first: 5, after: "not-a-cursor") { edges { node { name } } } }`, {}, token);
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.extensions?.argumentName).toBe("after");
  });
});

describe("near in the database", () => {
  it("returns the shelters within the radius, nearest first, with the exact distance, page after page", async () => {
    const centre = { lat: 34.8, lon: 114.35 };
    const all = (await query(`{ shelters(first: 200) { edges { node { id lat lon } } } }`)).shelters.edges.map((e: any) => e.node);
    const expected = all
      .map((s: any) => ({ id: s.id, d: haversineKm(centre.lat, centre.lon, s.lat, s.lon) }))
      .filter((s: any) => s.d <= 8)
      .sort((a: any, b: any) => a.d - b.d);
    expect(expected.length).toBeGreaterThan(10);
    const got: Array<{ id: string; distanceKm: number }> = [];
    let after: string | null = null;
    do {
      const data: any = await query(`query ($after: String) { shelters(near: { lat: 34.8, lon: 114.35, radiusKm: 8 }, first: 4, after: $after) {
        totalCount edges { distanceKm node { id } } pageInfo { endCursor hasNextPage } } }`, { after });
      expect(data.shelters.totalCount).toBe(expected.length);
      got.push(...data.shelters.edges.map((e: any) => ({ id: e.node.id, distanceKm: e.distanceKm })));
      after = data.shelters.pageInfo.hasNextPage ? data.shelters.pageInfo.endCursor : null;
    } while (after);
    expect(got.map((g) => g.id)).toEqual(expected.map((e: any) => e.id));
    got.forEach((g, i) => expect(Math.abs(g.distanceKm - expected[i].d)).toBeLessThan(0.0006));
  });

  it("gives each enterprise its own nearby shelters in one batch", async () => {
    const data = await query(`{ enterprises(first: 10) { edges { node { lat lon nearbyShelters(radiusKm: 4) { distanceKm shelter { lat lon } } } } } }`);
    for (const { node } of data.enterprises.edges) {
      if (node.lat == null) continue;
      const distances = node.nearbyShelters.map((s: any) => s.distanceKm);
      expect(distances).toEqual([...distances].sort((a: number, b: number) => a - b));
      for (const s of node.nearbyShelters) {
        expect(s.distanceKm).toBeLessThanOrEqual(4);
        expect(Math.abs(s.distanceKm - haversineKm(node.lat, node.lon, s.shelter.lat, s.shelter.lon))).toBeLessThan(0.0006);
      }
    }
  });
});

describe("one statement for a list and its relations", () => {
  it("reads a page of enterprises with risk points and open hazards in one SQL statement", async () => {
    const statements: string[] = [];
    const off = t.database.db.onQuery((sql) => statements.push(sql));
    try {
      const data = await query(`{ enterprises(first: 20) { edges { node { name riskPoints { name level } hazards(filter: { open: true }) { description deadline } } } } }`);
      expect(data.enterprises.edges.some((e: any) => e.node.riskPoints.length > 0 && e.node.hazards.length > 0)).toBe(true);
    } finally {
      off();
    }
    expect(statements.filter((sql) => /^\s*SELECT/i.test(sql))).toHaveLength(1);
  });

  it("reads every field of a relation selected twice through fragments", async () => {
    const data = await query(`query { enterprises(first: 10) { edges { node { ...Names ...Levels } } } }
      fragment Names on Enterprise { riskPoints { name } }
      fragment Levels on Enterprise { riskPoints { level } }`);
    const points = data.enterprises.edges.flatMap((e: any) => e.node.riskPoints);
    expect(points.length).toBeGreaterThan(0);
    for (const point of points) {
      expect(typeof point.name).toBe("string");
      expect(RED_FIRST).toContain(point.level);
    }
  });

  it("keeps a relation's scope: a county reader gets no child rows outside its county", async () => {
    const county = await t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410202" });
    const data = await query(`{ enterprises(first: 100) { edges { node { regionCode hazards { regionCode } riskPoints { regionCode } } } } }`, {}, county);
    expect(data.enterprises.edges.length).toBeGreaterThan(0);
    for (const { node } of data.enterprises.edges) {
      expect(node.regionCode.startsWith("410202")).toBe(true);
      for (const child of [...node.hazards, ...node.riskPoints]) expect(child.regionCode.startsWith("410202")).toBe(true);
    }
  });
});

describe("text filters", () => {
  it("matches % and _ in nameContains as themselves", async () => {
    const all = (await query(`{ enterprises(first: 200) { totalCount } }`)).enterprises.totalCount;
    expect(all).toBeGreaterThan(0);
    for (const text of ["%", "_", "\\\\"]) {
      const data = await query(`{ enterprises(first: 5, filter: { nameContains: "${text}" }) { totalCount } }`);
      expect(data.enterprises.totalCount).toBe(0);
    }
  });
});
