/** The situation feed of a wall screen: figures in the reader's scope, sent at once and again when events change them. */
import { latencyBudgetMs } from "../helpers/wait.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { floodLimitAt } from "../../src/core/hydro.js";
import { FIGURES_PER_AGGREGATE } from "../../src/graph/figure-budget.js";
import { capAlert } from "../helpers/cap-alert.js";
import { startTestHub, type TestHub } from "../helpers/start-server.js";
import { subscribe, wsClient } from "../helpers/ws-client.js";

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub({}, { placeAt: new Date() });
});
afterAll(async () => {
  await t?.stop();
});

type Figures = { region: string; warningsInForce: number | null; sheltersOpen: number | null; shelterCapacity: number | null; hazardsOpen: number | null; warningsByLevel: Array<{ level: string; count: number }> };
const FIELDS = "region warningsInForce sheltersOpen shelterCapacity hazardsOpen hazardsOverdue teamsOnStandby stationsAboveWarning warningsByLevel { level count } connectors { name stale }";
const supervisor = (region: string) => t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region });

async function push(identifier: string, geocode: string, level: "YELLOW" | "ORANGE" | "RED" = "RED") {
  const met = await t.signToken({ department: "METEOROLOGY", roles: ["SERVICE"], region: "410000" });
  const res = await fetch(`${t.hub.url}/ingest/meteorology`, { method: "POST", headers: { "content-type": "application/cap+xml", authorization: `Bearer ${met}` }, body: capAlert({ identifier, geocodes: [geocode], level }) });
  expect(res.status).toBe(200);
}

describe("station types", () => {
  it("are read as SL 323 defines them, a code it does not define as OTHER", async () => {
    const token = await supervisor("41");
    const of = async (type: string) =>
      (await t.request<{ hydroStations: { edges: Array<{ node: { name: string; stationType: string; sttp: string } }> } }, never>(`{ hydroStations(first: 50, filter: { stationType: ${type} }) { edges { node { name stationType sttp } } } }`, undefined, token)).data!
        .hydroStations.edges.map((e) => e.node);
    expect((await of("RAIN_GAUGE")).map((s) => s.name)).toContain("五云山");
    expect((await of("RESERVOIR")).every((s) => s.sttp === "RR")).toBe(true);
    expect(await of("OTHER")).toEqual([]);
  });
});

describe("a reservoir's flood-season limits", () => {
  it("are kept by period and applied on the date of the reading", async () => {
    const res = await t.request<{ hydroStations: { edges: Array<{ node: { code: string; floodLimitLevel: number | null; floodLimitPeriods: Array<{ from: string; to: string; level: number }>; levelState: string; latestReading: { level: number; observedAt: string } } }> } }, never>(
      `{ hydroStations(first: 50) { edges { node { code floodLimitLevel floodLimitPeriods { from to level } levelState latestReading { level observedAt } } } } }`,
      undefined,
      await supervisor("41"),
    );
    const reservoir = res.data!.hydroStations.edges.find((e) => e.node.code === "31004500")!.node;
    expect(reservoir.floodLimitPeriods).toEqual([
      { from: "0601", to: "0715", level: 158.5 },
      { from: "0716", to: "0831", level: 157 },
    ]);
    const limitThen = floodLimitAt({ floodLimitLevel: null, floodLimitPeriods: reservoir.floodLimitPeriods }, new Date(reservoir.latestReading.observedAt));
    expect(reservoir.levelState).toBe(limitThen !== null && reservoir.latestReading.level >= limitThen ? "ABOVE_FLOOD_LIMIT" : "NORMAL");
    expect(reservoir.floodLimitLevel).toBe(floodLimitAt({ floodLimitLevel: null, floodLimitPeriods: reservoir.floodLimitPeriods }, new Date()));
  });
});

describe("situation", () => {
  it("counts what the reader may read in its region, equal to the lists", async () => {
    const token = await supervisor("4102");
    const res = await t.request<{ situation: Figures; shelters: { edges: Array<{ node: { capacity: number; status: string } }> } }, never>(
      `{ situation { ${FIELDS} } shelters(first: 200, filter: { region: "4102" }) { edges { node { capacity status } } } }`,
      undefined,
      token,
    );
    expect(res.errors).toBeUndefined();
    const open = res.data!.shelters.edges.filter((e) => e.node.status !== "CLOSED");
    expect(res.data!.situation).toMatchObject({ region: "410200", sheltersOpen: open.length, shelterCapacity: open.reduce((sum, e) => sum + e.node.capacity, 0) });
    expect(res.data!.situation.warningsInForce).toBeGreaterThan(0);
    expect(res.data!.situation.hazardsOpen).toEqual(expect.any(Number));
    // a reader who may not read hazards gets null for them, never 0
    const met = await t.signToken({ department: "METEOROLOGY", roles: ["ANALYST"], region: "4102" });
    const theirs = await t.request<{ situation: Figures }, never>(`{ situation { ${FIELDS} } }`, undefined, met);
    expect(theirs.data!.situation.hazardsOpen).toBeNull();
    expect((await t.request(`{ situation { region } }`)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("computes per-row figures within a budget per operation", async () => {
    const res = await t.request<{ regions: { edges: Array<{ node: { situation: Figures | null } }> } }, never>(
      "{ regions(first: 100) { edges { node { code situation { sheltersOpen } } } } }",
      undefined,
      await supervisor("41"),
    );
    const computed = res.data!.regions.edges.filter((e) => e.node.situation !== null).length;
    expect(computed).toBe(t.hub.config.limits.maxAggregates * FIGURES_PER_AGGREGATE);
    expect(res.errors?.length).toBe(100 - computed);
    expect(res.errors!.every((e) => e.extensions?.code === "QUERY_TOO_COMPLEX")).toBe(true);
  });

  it("pushes new figures when a warning is issued in the region, and not for one elsewhere", async () => {
    const client = wsClient(t.wsUrl, { authorization: `Bearer ${await supervisor("410202")}` });
    const feed = subscribe<{ situation: Figures }>(client, `subscription { situation { ${FIELDS} } }`);
    const first = (await feed.next()).situation;
    expect(first.region).toBe("410202");
    await push(`elsewhere-${Date.now()}`, "410300000000");
    await expect(feed.next(1000)).rejects.toThrow(/no event/);
    const started = Date.now();
    await push(`here-${Date.now()}`, "410202000000", "RED");
    const next = (await feed.next()).situation;
    expect(Date.now() - started).toBeLessThan(latencyBudgetMs(2000));
    expect(next.warningsInForce).toBe(first.warningsInForce! + 1);
    expect(next.warningsByLevel.find((l) => l.level === "RED")!.count).toBe(first.warningsByLevel.find((l) => l.level === "RED")!.count + 1);
    feed.stop();
    await client.dispose();
  });
});
