/**
 * Events from department data, end to end: a department system pushes to
 * POST /ingest/<connector>, the hub commits the sync, and dashboards receive
 * it over graphql-ws — each only within its own scope.
 */
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ConnectorRunsDocument,
  RecordChangesDocument,
  WarningChangesDocument,
  WaterLevelAlertsDocument,
  RainfallAlertsDocument,
  type RainfallAlertsSubscription,
  type ConnectorRunsSubscription,
  type RecordChangesSubscription,
  type WarningChangesSubscription,
  type WaterLevelAlertsSubscription,
} from "../generated/graphql.js";
import { capAlert, capReference } from "../helpers/cap-alert.js";
import { startTestHub, type TestHub } from "../helpers/start-server.js";
import { expectSubscriptions, subscribe, wsClient } from "../helpers/ws-client.js";

let t: TestHub;
const clients: Array<{ dispose(): void | Promise<void> }> = [];
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => {
  for (const client of clients) await client.dispose();
  await t?.stop();
});

async function listen<T>(token: string, document: Parameters<typeof print>[0], variables?: Record<string, unknown>) {
  const client = wsClient(t.wsUrl, { authorization: `Bearer ${token}` });
  clients.push(client);
  const registered = expectSubscriptions(t.hub, 1);
  const sub = subscribe<T>(client, print(document), variables);
  await registered();
  return sub;
}

async function push(connector: string, department: string, body: string) {
  const token = await t.signToken({ department: department as never, roles: ["SERVICE"], region: "410000" });
  const res = await fetch(`${t.hub.url}/ingest/${connector}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/octet-stream" }, body });
  expect(res.status).toBe(200);
  return res.json();
}

const supervisor = (region: string) => t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region });

describe("warningIssued", () => {
  it("sends a pushed alert to its county only, then its cancellation", async () => {
    const county = await listen<WarningChangesSubscription>(await supervisor("410106"), WarningChangesDocument);
    const neighbour = await listen<WarningChangesSubscription>(await supervisor("410505"), WarningChangesDocument);
    const sent = new Date();
    const alert = { identifier: `41010641600000_${Date.now()}`, sender: "41010641600000", sent };
    await push("meteorology", "METEOROLOGY", capAlert({ ...alert, geocodes: ["410106000000"], level: "ORANGE", event: "暴雨" }));
    expect((await county.next()).warningIssued).toMatchObject({ change: "ISSUED", warning: { identifier: alert.identifier, level: "ORANGE", type: "暴雨", status: "ACTIVE", regionCodes: ["410106"] } });

    // an alert for 殷都区 reaches the neighbour; being first there proves Shangjie's was withheld from it
    const yindu = { identifier: `41050541600000_${Date.now()}`, sender: "41050541600000", sent: new Date() };
    await push("meteorology", "METEOROLOGY", capAlert({ ...yindu, geocodes: ["410505000000"], level: "BLUE", event: "大风" }));
    expect((await neighbour.next()).warningIssued.warning.identifier).toBe(yindu.identifier);

    await push("meteorology", "METEOROLOGY", capAlert({ identifier: `${alert.identifier}_C`, sender: alert.sender, msgType: "Cancel", references: [capReference(alert, sent)], geocodes: ["410106000000"], level: "ORANGE" }));
    const cancelled = [await county.next(), await county.next()].map((e) => e.warningIssued);
    expect(cancelled.map((c) => c.change).sort()).toEqual(["CANCELLED", "CANCELLED"]);
    expect(cancelled.find((c) => c.warning.identifier === alert.identifier)?.warning.supersededBy?.identifier).toBe(`${alert.identifier}_C`);
  });

  it("filters by minimum level", async () => {
    const severe = await listen<WarningChangesSubscription>(await supervisor("41"), WarningChangesDocument, { filter: { minLevel: "RED" } });
    await push("meteorology", "METEOROLOGY", capAlert({ identifier: `41020041600000_${Date.now()}_Y`, geocodes: ["410200000000"], level: "YELLOW" }));
    const red = `41020041600000_${Date.now()}_R`;
    await push("meteorology", "METEOROLOGY", capAlert({ identifier: red, geocodes: ["410200000000"], level: "RED" }));
    expect((await severe.next()).warningIssued.warning).toMatchObject({ identifier: red, level: "RED" });
  });
});

describe("waterLevelAlert", () => {
  it("fires when a reading crosses the warning level, and when it falls back", async () => {
    const kaifeng = await listen<WaterLevelAlertsSubscription>(await supervisor("4102"), WaterLevelAlertsDocument);
    const shangjie = await listen<WaterLevelAlertsSubscription>(await supervisor("410106"), WaterLevelAlertsDocument);
    const reading = (minutes: number, z: number) => ({ STCD: "40105100", TM: new Date(Date.now() + minutes * 60_000 + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " "), Z: z });
    await push("water", "WATER", JSON.stringify({ ST_RIVER_R: [reading(-60, 78.1)] })); // 柳园口: warning level 77.3
    const up = (await kaifeng.next()).waterLevelAlert;
    expect(up).toMatchObject({ level: 78.1, state: "ABOVE_WARNING", previousState: "NORMAL", rising: true, station: { code: "40105100", warningLevel: 77.3 } });
    expect(up.eventId).toMatch(/^[0-9a-f-]{36}$/);
    await push("water", "WATER", JSON.stringify({ ST_RIVER_R: [reading(-1, 76.9)] }));
    expect((await kaifeng.next()).waterLevelAlert).toMatchObject({ state: "NORMAL", previousState: "ABOVE_WARNING", rising: false });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(shangjie.pending()).toEqual([]);
  });
});

describe("rainfallAlert", () => {
  it("fires when a gauge's rain of the last hour reaches the threshold, and the station adds its rain up", async () => {
    const shangjie = await listen<RainfallAlertsSubscription>(await supervisor("410106"), RainfallAlertsDocument);
    const kaifeng = await listen<RainfallAlertsSubscription>(await supervisor("4102"), RainfallAlertsDocument);
    const rain = (minutes: number, mm: number) => ({ STCD: "41001300", TM: new Date(Date.now() + minutes * 60_000 + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " "), DRP: mm, INTV: 0.5 });
    await push("water", "WATER", JSON.stringify({ ST_PPTN_R: [rain(-50, 12.5), rain(-20, 22)] })); // 五云山: 34.5 mm within the hour
    const alert = (await shangjie.next()).rainfallAlert;
    expect(alert).toMatchObject({ hours: 1, millimetres: 34.5, threshold: 20, station: { code: "41001300", name: "五云山" } });
    const station = await t.request<{ hydroStations: { edges: Array<{ node: { code: string; lastHour: number | null; lastDay: number | null } }> } }, never>(
      `{ hydroStations(first: 50, filter: { region: "410106" }) { edges { node { code lastHour: rainfall(hours: 1) lastDay: rainfall } } } }`,
      undefined,
      await supervisor("410106"),
    );
    expect(station.data!.hydroStations.edges.find((e) => e.node.code === "41001300")!.node).toMatchObject({ lastHour: 34.5, lastDay: 34.5 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(kaifeng.pending()).toEqual([]);
  });
});

describe("recordChanged and connectorRun", () => {
  it("reports synchronised records within scope, and runs to administrators", async () => {
    const records = await listen<RecordChangesSubscription>(await supervisor("410106"), RecordChangesDocument, { dataset: "Warning" });
    const runs = await listen<ConnectorRunsSubscription>(await t.signToken({ department: "EMERGENCY", roles: ["ADMIN"] }), ConnectorRunsDocument);
    const identifier = `41010641600000_${Date.now()}_RC`;
    await push("meteorology", "METEOROLOGY", capAlert({ identifier, sender: "41010641600000", geocodes: ["410106001000"] }));
    const change = (await records.next()).recordChanged;
    expect(change).toMatchObject({ dataset: "Warning", change: "CREATED" });
    expect((await runs.next()).connectorRun).toMatchObject({ connector: "meteorology", ok: true, created: 1 });
  });
});
