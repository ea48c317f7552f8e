/** Subscriptions over real WebSockets with the graphql-ws client: scope, filters, masking, limits. */
import { print } from "graphql";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AuditLogDocument,
  ConnectorRunsDocument,
  EnterpriseContactsDocument,
  HazardChangesDocument,
  PlanRectificationDocument,
  ReportHazardDocument,
  type HazardChangesSubscription,
} from "../generated/graphql.js";
import { emptyCounts } from "../../src/core/sync-counts.js";
import { cstDayFromNow } from "../helpers/hazards.js";
import { startTestHub, type TestHub } from "../helpers/start-server.js";
import { waitFor } from "../helpers/wait.js";
import { expectSubscriptions, subscribe, wsClient } from "../helpers/ws-client.js";

let t: TestHub;
let admin: string;
/** One enterprise in 上街区 (410106) and one in 开封 (4102). */
let shangjie: string;
/** 郑州上街城建工程有限公司, a builder (建筑施工) in the sample data. */
const BUILDER_IN_SHANGJIE = "91410106MA4AUJ8N6X";
let kaifeng: string;
const clients: Array<{ dispose(): void | Promise<void> }> = [];

beforeAll(async () => {
  t = await startTestHub();
  admin = await t.signToken({ department: "EMERGENCY", roles: ["ADMIN"] });
  const all = (await t.request(EnterpriseContactsDocument, { first: 200 }, admin)).data!.enterprises.edges.map((e) => e.node);
  shangjie = all.find((e) => e.regionCode.startsWith("410106"))!.creditCode;
  kaifeng = all.find((e) => e.regionCode.startsWith("4102"))!.creditCode;
});
afterAll(async () => {
  for (const client of clients) await client.dispose();
  await t?.stop();
});

async function connect(token?: string) {
  const client = wsClient(t.wsUrl, token ? { authorization: `Bearer ${token}` } : undefined);
  clients.push(client);
  return client;
}

async function report(enterpriseCode: string, grade: "GENERAL" | "MAJOR" = "GENERAL") {
  const inspector = await t.signToken({ department: "EMERGENCY", roles: ["INSPECTOR"], region: "410000" });
  const res = await t.request(ReportHazardDocument, { input: { enterpriseCode, grade, description: `订阅测试隐患 ${grade}` } }, inspector);
  expect(res.errors).toBeUndefined();
  return res.data!.reportHazard;
}

describe("hazardChanged", () => {
  it("reaches the county's subscriber and not the neighbouring county's", async () => {
    const registered = expectSubscriptions(t.hub, 2);
    const county = subscribe<HazardChangesSubscription>(await connect(await t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410106" })), print(HazardChangesDocument));
    const neighbour = subscribe<HazardChangesSubscription>(await connect(await t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "4102" })), print(HazardChangesDocument));
    await registered();
    const inShangjie = await report(shangjie);
    const inKaifeng = await report(kaifeng);
    const first = await county.next();
    expect(first.hazardChanged).toMatchObject({ action: "REPORT", hazard: { id: inShangjie.id, state: "REPORTED" } });
    // events keep their order, so the neighbour's first event being Kaifeng's proves Shangjie's was withheld
    const neighbours = await neighbour.next();
    expect(neighbours.hazardChanged.hazard.id).toBe(inKaifeng.id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(county.pending().map((e) => e.hazardChanged.hazard.id)).not.toContain(inKaifeng.id);
  });

  it("applies the filter: grades and states", async () => {
    const registered = expectSubscriptions(t.hub, 1);
    const majors = subscribe<HazardChangesSubscription>(await connect(admin), print(HazardChangesDocument), { filter: { grades: ["MAJOR"], region: "4102" } });
    await registered();
    await report(kaifeng, "GENERAL");
    const major = await report(kaifeng, "MAJOR");
    expect((await majors.next()).hazardChanged.hazard).toMatchObject({ id: major.id, grade: "MAJOR" });
  });

  it("masks personal data in payloads as queries do", async () => {
    // the housing bureau regulates construction (建筑施工): it sees the hazards of a builder, masked
    const registered = expectSubscriptions(t.hub, 2);
    const housing = subscribe<HazardChangesSubscription>(await connect(await t.signToken({ department: "HOUSING", roles: ["SERVICE"], region: "410000" })), print(HazardChangesDocument));
    const emergency = subscribe<HazardChangesSubscription>(await connect(await t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410000" })), print(HazardChangesDocument));
    await registered();
    const hazard = await report(BUILDER_IN_SHANGJIE);
    const supervisor = await t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410106" });
    const planned = await t.request(PlanRectificationDocument, { input: { id: hazard.id, expectedVersion: hazard.version, measures: "更换防护栏", responsiblePerson: "张建国", deadline: cstDayFromNow(10) } }, supervisor);
    expect(planned.errors).toBeUndefined();
    const forHousing = [await housing.next(), await housing.next()].map((e) => e.hazardChanged);
    const forEmergency = [await emergency.next(), await emergency.next()].map((e) => e.hazardChanged);
    expect(forHousing[1]).toMatchObject({ action: "PLAN", hazard: { state: "RECTIFYING", responsiblePerson: "张**" } });
    expect(forHousing[1]!.hazard.enterprise?.legalRepresentativePhone).toMatch(/\*{4}/);
    expect(forEmergency[1]).toMatchObject({ action: "PLAN", hazard: { responsiblePerson: "张建国" } });
  });

  it("refuses a bad filter with BAD_USER_INPUT", async () => {
    const bad = subscribe(await connect(admin), print(HazardChangesDocument), { filter: { region: "41x" } });
    await expect(bad.next()).rejects.toThrow();
    expect(JSON.stringify(bad.error())).toContain("BAD_USER_INPUT");
  });
});

describe("connection rules", () => {
  it("refuses connectorRun to a non-administrator", async () => {
    const sub = subscribe(await connect(await t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "41" })), print(ConnectorRunsDocument));
    await expect(sub.next()).rejects.toThrow();
    expect(JSON.stringify(sub.error())).toContain("FORBIDDEN");
  });

  it("closes the connection with 4403 when the token expires", async () => {
    const token = await t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "41", ttl: "2s" });
    const before = t.hub.subscribers();
    const closed = new Promise<number>((resolve) => {
      const client = wsClient(t.wsUrl, { authorization: `Bearer ${token}` });
      clients.push(client);
      client.on("closed", (event) => resolve((event as { code: number }).code));
      subscribe(client, print(HazardChangesDocument));
    });
    expect(await closed).toBe(4403);
    // and its subscription ended with it on the hub
    await waitFor(() => t.hub.subscribers() === before, { what: "the closed connection's subscription to end" });
  });
});

describe("shared subscriptions", () => {
  it("sends one execution to equivalent subscribers, auditing personal data per recipient", async () => {
    const registered = expectSubscriptions(t.hub, 2);
    const one = subscribe<HazardChangesSubscription>(await connect(await t.signToken({ subject: "desk-1", department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410106" })), print(HazardChangesDocument));
    const two = subscribe<HazardChangesSubscription>(await connect(await t.signToken({ subject: "desk-2", department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410106" })), print(HazardChangesDocument));
    await registered();
    const hazard = await report(shangjie);
    const [a, b] = [(await one.next()).hazardChanged, (await two.next()).hazardChanged];
    expect(a).toEqual(b);
    expect(a.hazard.id).toBe(hazard.id);
    // the audit of a delivery is written soon after it, in one statement with the others of the moment
    const subjects = async () => {
      const log = await t.request(AuditLogDocument, { filter: { action: "READ_PERSONAL", dataset: "Enterprise" }, first: 200 }, admin);
      return log.data!.auditLog.edges.map((e) => e.node.subject);
    };
    await expect.poll(subjects, { timeout: 30_000, interval: 100 }).toEqual(expect.arrayContaining(["desk-1", "desk-2"]));
  });

  it("ends a subscriber whose screen stops reading, alone; the others receive every event of a burst", async () => {
    const small = await startTestHub({ subscriberBuffer: 2, liveBacklog: 1_000_000 }, { samples: false });
    try {
      const token = await small.signToken({ department: "EMERGENCY", roles: ["ADMIN"] });
      const registered = expectSubscriptions(small.hub, 2);
      const reading = await rawSubscriber(small.wsUrl, token, print(ConnectorRunsDocument));
      const stalled = await rawSubscriber(small.wsUrl, token, print(ConnectorRunsDocument));
      await registered();
      stalled.socket.pause(); // the screen stops reading: what the hub writes piles up in the kernel, then in the hub
      const burst = { connector: "water", ok: true, ...emptyCounts(), error: null };
      let published = 0;
      // published in bursts faster than the hub delivers, until the stalled screen's socket holds more than 2 messages
      await waitFor(async () => {
        for (let i = 0; i < 500; i++) small.hub.events.publish("connector.run", { ...burst, runId: `burst-${published++}`, at: new Date().toISOString() });
        await new Promise((resolve) => setImmediate(resolve));
        return small.hub.subscribers() === 1;
      }, { timeoutMs: 120_000, what: "the stalled screen's subscription to end" });
      // the reading screen gets every event of the bursts, in order, none dropped
      await waitFor(() => reading.runIds.length === published, { timeoutMs: 120_000, what: "every event at the reading screen" });
      expect(reading.runIds.slice(0, 3)).toEqual(["burst-0", "burst-1", "burst-2"]);
      expect(reading.runIds.at(-1)).toBe(`burst-${published - 1}`);
      expect(reading.errors).toEqual([]);
      // the stalled screen, reading again, finds its subscription ended with the reason
      stalled.socket.resume();
      await waitFor(() => stalled.errors.length > 0, { timeoutMs: 120_000, what: "the stalled screen's error" });
      expect(stalled.errors[0]).toMatch(/too slow/);
      expect(stalled.runIds.length).toBeLessThan(published);
      small.hub.events.publish("connector.run", { ...burst, runId: "after", at: new Date().toISOString() });
      await waitFor(() => reading.runIds.at(-1) === "after", { what: "the event after the bursts" });
      reading.close();
      stalled.close();
    } finally {
      await small.stop();
    }
  });
});

/** A screen speaking graphql-transport-ws over a plain socket, so that the test can stop it reading. */
async function rawSubscriber(url: string, token: string, query: string) {
  const socket = new WebSocket(url, "graphql-transport-ws");
  const runIds: string[] = [];
  const errors: string[] = [];
  await new Promise<void>((resolve, reject) => {
    socket.once("error", reject);
    socket.once("open", () => socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${token}` } })));
    socket.on("message", (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { type: string; payload?: { data?: { connectorRun: { runId: string } } } & Array<{ message: string }> };
      if (message.type === "connection_ack") {
        socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query } }));
        resolve();
      } else if (message.type === "next") runIds.push(message.payload!.data!.connectorRun.runId);
      else if (message.type === "error") errors.push(message.payload![0]!.message);
    });
  });
  return { socket: (socket as unknown as { _socket: import("node:net").Socket })._socket, runIds, errors, close: () => socket.close() };
}

describe("with REDIS_URL pointing nowhere", () => {
  it("keeps serving queries and delivering its own events", async () => {
    const lonely = await startTestHub({ redisUrl: "redis://127.0.0.1:1" });
    try {
      const token = await lonely.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "41" });
      const list = await lonely.request(EnterpriseContactsDocument, { first: 200 }, token);
      expect(list.data!.enterprises.totalCount).toBeGreaterThan(0);
      const client = wsClient(lonely.wsUrl, { authorization: `Bearer ${token}` });
      clients.push(client);
      const registered = expectSubscriptions(lonely.hub, 1);
      const changes = subscribe<HazardChangesSubscription>(client, print(HazardChangesDocument));
      await registered();
      const code = list.data!.enterprises.edges[0]!.node.creditCode;
      const reported = await lonely.request(ReportHazardDocument, { input: { enterpriseCode: code, grade: "GENERAL", description: "Redis 不可用时的隐患" } }, token);
      expect(reported.errors).toBeUndefined();
      expect((await changes.next()).hazardChanged.hazard.id).toBe(reported.data!.reportHazard.id);
      expect(lonely.hub.events.redisState()).not.toBe("ready");
    } finally {
      await lonely.stop();
    }
  });
});
