/**
 * Two hub processes on one PostgreSQL and the real Redis: a hazard accepted on
 * instance A reaches a subscriber on instance B. Also: SIGTERM drains and
 * exits cleanly.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { print } from "graphql";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOrCreateDevIssuer } from "../../src/access/index.js";
import {
  AcceptHazardDocument,
  EnterpriseContactsDocument,
  HazardChangesDocument,
  PlanRectificationDocument,
  ReportHazardDocument,
  SubmitRectificationDocument,
  type HazardChangesSubscription,
} from "../generated/graphql.js";
import { cstDayFromNow } from "../helpers/hazards.js";
import { startHubProcess, type HubProcess } from "../helpers/hub-process.js";
import { skipReason, TEST_DATABASE_URL, TEST_REDIS_URL } from "../helpers/services.js";
import { subscribe, wsClient } from "../helpers/ws-client.js";
import { SCHEDULE_LOCK } from "../../src/sync/leadership.js";

const reason = skipReason(["TEST_DATABASE_URL", TEST_DATABASE_URL], ["TEST_REDIS_URL", TEST_REDIS_URL]);

describe.skipIf(reason)("two hub instances", () => {
  const database = `emhub_multi_${process.pid}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "emhub-multi-"));
  let a: HubProcess;
  let b: HubProcess;
  let signToken: (request: Parameters<Awaited<ReturnType<typeof loadOrCreateDevIssuer>>["signToken"]>[0]) => Promise<string>;

  async function admin(sql: string) {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL! });
    await client.connect();
    await client.query(sql);
    await client.end();
  }

  async function gql(hub: HubProcess, document: Parameters<typeof print>[0], variables: unknown, token: string) {
    const res = await fetch(`${hub.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: print(document), variables }),
    });
    const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data!;
  }

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${database}`);
    const url = new URL(TEST_DATABASE_URL!);
    url.pathname = `/${database}`;
    const env = {
      DATABASE_URL: url.toString(),
      REDIS_URL: TEST_REDIS_URL!,
      EMHUB_DATA_DIR: dataDir,
      EMHUB_SYNC_INTERVAL_EMERGENCY: "0",
      EMHUB_SYNC_INTERVAL_WATER: "0",
      EMHUB_SYNC_INTERVAL_METEOROLOGY: "0",
      EMHUB_SYNC_INTERVAL_NATURAL_RESOURCES: "0",
      EMHUB_SYNC_INTERVAL_TRANSPORT: "0",
    };
    a = await startHubProcess(env); // migrates and loads the samples
    b = await startHubProcess(env);
    signToken = (await loadOrCreateDevIssuer(dataDir)).signToken;
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("delivers a hazard accepted on A to a subscriber on B", async () => {
    const supervisor = await signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410106" });
    const client = wsClient(`${b.url.replace(/^http/, "ws")}/graphql`, { authorization: `Bearer ${supervisor}` });
    try {
      const onB = subscribe<HazardChangesSubscription>(client, print(HazardChangesDocument), { filter: { states: ["CLOSED"] } });
      const enterprises = await gql(a, EnterpriseContactsDocument, { first: 200 }, supervisor);
      const code = enterprises.enterprises.edges[0].node.creditCode as string;
      let hazard = (await gql(a, ReportHazardDocument, { input: { enterpriseCode: code, grade: "GENERAL", description: "跨实例测试隐患" } }, supervisor)).reportHazard;
      hazard = (await gql(a, PlanRectificationDocument, { input: { id: hazard.id, expectedVersion: hazard.version, measures: "整改", responsiblePerson: "李四", deadline: cstDayFromNow(5) } }, supervisor)).planRectification;
      hazard = (await gql(a, SubmitRectificationDocument, { input: { id: hazard.id, expectedVersion: hazard.version, note: "已整改" } }, supervisor)).submitRectification;
      hazard = (await gql(a, AcceptHazardDocument, { input: { id: hazard.id, expectedVersion: hazard.version, opinion: "验收合格" } }, supervisor)).acceptHazard;
      const event = await onB.next();
      expect(event.hazardChanged).toMatchObject({ action: "ACCEPT", hazard: { id: hazard.id, state: "CLOSED" } });
    } finally {
      await client.dispose();
    }
  });

  it("starts together on a new database (one migrates, the other waits), and pulls under one leader at a time", async () => {
    const fresh = `emhub_race_${process.pid}`;
    await admin(`CREATE DATABASE ${fresh}`);
    const url = new URL(TEST_DATABASE_URL!);
    url.pathname = `/${fresh}`;
    const dirs = [0, 1].map(() => fs.mkdtempSync(path.join(os.tmpdir(), "emhub-race-")));
    const env = (dir: string) => ({ DATABASE_URL: url.toString(), EMHUB_DATA_DIR: dir, EMHUB_LOAD_SAMPLES: "never", EMHUB_LEADER_RETRY: "1" });
    const [c, d] = await Promise.all(dirs.map((dir) => startHubProcess(env(dir))));
    const leaders = async () => {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`, [SCHEDULE_LOCK]);
      await client.end();
      return rows[0].n as number;
    };
    try {
      for (const hub of [c, d]) expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
      await expect.poll(leaders, { timeout: 60_000 }).toBe(1);
      const [leader, standby] = /is the leader/.test(c!.output()) ? [c!, d!] : [d!, c!];
      expect(standby.output()).not.toMatch(/is the leader/);
      await leader.stop();
      await expect.poll(() => /is the leader/.test(standby.output()), { timeout: 10_000 }).toBe(true);
      expect(await leaders()).toBe(1);
    } finally {
      await c?.stop();
      await d?.stop();
      await admin(`DROP DATABASE IF EXISTS ${fresh} WITH (FORCE)`);
      for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("drains and exits cleanly on SIGTERM", async () => {
    await b.stop();
    expect(b.child.exitCode).toBe(0);
    expect(b.output()).toMatch(/"signal":"SIGTERM","msg":"draining"/);
  });
});
