/**
 * `connectors` and `quarantine` over HTTP, reader by reader: freshness of the
 * seven connectors after the samples are loaded, what a failed run shows, and
 * quarantine for ADMIN only (out of scope reads as empty, never as an error).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emergencyConnector } from "../../connectors/index.js";
import { runSync } from "../../src/sync/run-sync.js";
import { ConnectorsDocument, QuarantineDocument } from "../generated/graphql.js";
import { startTestHub, type TestHub } from "../helpers/start-server.js";

let t: TestHub;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestHub();
  tokens.admin = await t.signToken({ department: "EMERGENCY", roles: ["ADMIN"] });
  tokens.emergencySupervisor = await t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410000" });
  tokens.waterSupervisor = await t.signToken({ department: "WATER", roles: ["SUPERVISOR"], region: "410000" });
  tokens.analyst = await t.signToken({ department: "EMERGENCY", roles: ["ANALYST"], region: "410000" });
});
afterAll(async () => {
  await t?.stop();
});

const badShelterPage = (code: string) =>
  JSON.stringify({ code: 200, msg: "success", page: 2, pageSize: 1, total: 2, data: { shelters: [{ shelterCode: code, shelterName: "测试", shelterClass: "Ⅸ类" }] } });

describe("connectors", () => {
  it("lists all seven with a recent success after the samples are loaded", async () => {
    const res = await t.request(ConnectorsDocument, {}, tokens.admin);
    expect(res.errors).toBeUndefined();
    const connectors = res.data!.connectors;
    expect(connectors.map((c) => c.name)).toEqual(["emergency", "monitoring", "water", "meteorology", "natural-resources", "transport", "disaster"]);
    expect(Object.fromEntries(connectors.map((c) => [c.name, c.schedule]))).toEqual({
      emergency: 3600,
      monitoring: 3600,
      water: 600,
      meteorology: 300,
      "natural-resources": 3600,
      transport: 3600,
      disaster: 3600,
    });
    for (const c of connectors) {
      expect(c, c.name).toMatchObject({ ok: true, stale: false, lastError: null });
      expect(Date.now() - Date.parse(c.lastSuccessAt!), c.name).toBeLessThan(120_000);
      expect(c.dataAgeSeconds, c.name).toBeLessThan(120);
      expect(c.lastCounts!.created, c.name).toBeGreaterThan(0);
      expect(c.lastRun).toMatchObject({ ok: true, trigger: "cli", error: null, counts: c.lastCounts });
    }
  });

  it("shows a failed run with its reason while the last success stays", async () => {
    const before = (await t.request(ConnectorsDocument, {}, tokens.admin)).data!.connectors.find((c) => c.name === "emergency")!;
    await runSync(t.database.db.prisma, emergencyConnector, [{ name: "page.json", failure: "GET http://emergency.example/page.json: HTTP 503 Service Unavailable (3 tries)" }], { trigger: "schedule" });
    const after = (await t.request(ConnectorsDocument, {}, tokens.admin)).data!.connectors.find((c) => c.name === "emergency")!;
    expect(after).toMatchObject({ ok: false, lastError: expect.stringContaining("HTTP 503"), lastSuccessAt: before.lastSuccessAt });
    expect(after.lastRun).toMatchObject({ ok: false, trigger: "schedule", error: expect.stringContaining("HTTP 503") });
  });

  it("gives every supervisor the freshness, the errors to the emergency bureau, and the runs to ADMIN", async () => {
    const water = await t.request(ConnectorsDocument, {}, tokens.waterSupervisor);
    expect(water.errors).toBeUndefined();
    expect(water.data!.connectors).toHaveLength(7);
    for (const c of water.data!.connectors) {
      expect(c.lastSuccessAt).not.toBeNull();
      expect(c.lastRun).toBeNull();
      expect(c.lastError).toBeNull();
    }
    const emergency = await t.request(ConnectorsDocument, {}, tokens.emergencySupervisor);
    expect(emergency.errors).toBeUndefined();
    expect(emergency.data!.connectors.find((c) => c.name === "emergency")!.lastError).toContain("HTTP 503");
    expect(emergency.data!.connectors.every((c) => c.lastRun === null && c.lastCounts !== null)).toBe(true);
  });

  it("is empty for readers the catalogue does not name", async () => {
    for (const token of [tokens.analyst, undefined]) {
      const res = await t.request(ConnectorsDocument, {}, token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.connectors).toEqual([]);
    }
  });
});

describe("quarantine", () => {
  beforeAll(async () => {
    const token = await t.signToken({ department: "EMERGENCY", roles: ["SERVICE"], region: "410000" });
    for (const code of ["410106-BN-Q1", "410106-BN-Q2", "410106-BN-Q3"]) {
      const res = await fetch(`${t.hub.url}/ingest/emergency`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: badShelterPage(code) });
      expect(res.status, await res.text()).toBe(200);
    }
  });

  it("lists the refused records, newest first, with reason and payload, for ADMIN", async () => {
    const res = await t.request(QuarantineDocument, { connector: "emergency", first: 2 }, tokens.admin);
    expect(res.errors).toBeUndefined();
    const page = res.data!.quarantine;
    expect(page.totalCount).toBe(3);
    expect(page.edges.map((e) => e.node.sourceId)).toEqual(["410106-BN-Q3", "410106-BN-Q2"]);
    expect(page.edges[0]!.node).toMatchObject({ connector: "emergency", reason: expect.stringContaining("shelterClass"), runId: expect.any(String) });
    expect(JSON.parse(page.edges[0]!.node.payload)).toMatchObject({ shelterCode: "410106-BN-Q3" });
    const next = await t.request(QuarantineDocument, { connector: "emergency", first: 2, after: page.pageInfo.endCursor }, tokens.admin);
    expect(next.data!.quarantine.edges.map((e) => e.node.sourceId)).toEqual(["410106-BN-Q1"]);
    const other = await t.request(QuarantineDocument, { connector: "water" }, tokens.admin);
    expect(other.data!.quarantine.edges.every((e) => e.node.connector === "water")).toBe(true);
  });

  it("shows nothing to a supervisor, without an error", async () => {
    for (const token of [tokens.emergencySupervisor, tokens.waterSupervisor, undefined]) {
      const res = await t.request(QuarantineDocument, {}, token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.quarantine).toMatchObject({ totalCount: 0, edges: [] });
    }
  });
});
