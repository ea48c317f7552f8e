/**
 * The hub's own scheduler (what `emhub serve` starts): connectors pulled on
 * their intervals through the real server, stopped with Hub.stop().
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadConfig, type HubConfig } from "../../src/config/config.js";
import { CONNECTORS_DIR } from "../../src/config/paths.js";
import { startHub } from "../../src/server/create-hub.js";
import { FAILING_ROUTES, startFeedServer, type FeedServer } from "../helpers/feed-server.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";

let database: TestDatabase;
let feeds: FeedServer;
beforeAll(async () => {
  database = await createTestDatabase();
  feeds = await startFeedServer();
  feeds.serve("/transport.csv", fs.readFileSync(path.join(CONNECTORS_DIR, "transport/samples/road-hazards.csv")));
});
afterAll(async () => {
  await feeds?.close();
  await database?.drop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it("pulls each scheduled connector on its interval, one run at a time, until the hub stops", async () => {
  const base = loadConfig({});
  const config: HubConfig = {
    ...base,
    host: "127.0.0.1",
    port: 0,
    dataDir: database.dataDir,
    sync: {
      connectors: {
        ...Object.fromEntries(Object.keys(base.sync.connectors).map((name) => [name, { sources: null, intervalSeconds: 0 }])),
        transport: { sources: [feeds.url("/transport.csv")], intervalSeconds: 0.2 },
        "natural-resources": { sources: [feeds.url(FAILING_ROUTES.error)], intervalSeconds: 0.2 },
      },
      fetch: { timeoutMs: 500, tries: 1, backoffMs: 10, maxBytes: 1024 * 1024 },
      province: "41",
    },
  };
  const lines: string[] = [];
  const hub = await startHub(config, { db: database.db, schedule: { startDelayMs: 10, log: (line) => lines.push(line) } });
  await sleep(1500);
  await hub.stop();
  const runs = await database.db.prisma.syncRun.findMany({ where: { trigger: "schedule" }, orderBy: { startedAt: "asc" } });
  const transport = runs.filter((run) => run.connector === "transport");
  expect(transport.length).toBeGreaterThanOrEqual(2);
  expect(transport[0]).toMatchObject({ ok: true, created: 14 });
  // A fetch under way when the hub stops is aborted: that run fails, saying so.
  const cut = transport.filter((run) => !run.ok);
  expect(cut.length).toBeLessThanOrEqual(1);
  for (const run of cut) expect(run.error).toContain("shutting down");
  expect(transport.slice(1).filter((run) => run.ok).every((run) => run.unchanged === 14 && run.created === 0)).toBe(true);
  for (let i = 1; i < transport.length; i++) expect(transport[i]!.startedAt.getTime()).toBeGreaterThanOrEqual(transport[i - 1]!.finishedAt!.getTime());
  const failed = runs.filter((run) => run.connector === "natural-resources");
  expect(failed.length).toBeGreaterThanOrEqual(2);
  expect(failed.every((run) => run.ok === false && /HTTP 500|shutting down/.test(run.error ?? ""))).toBe(true);
  expect(failed.filter((run) => /HTTP 500/.test(run.error ?? "")).length).toBeGreaterThanOrEqual(2);
  expect(runs.map((run) => run.connector).sort()).not.toContain("emergency");
  expect(runs.every((run) => run.finishedAt !== null)).toBe(true);
  expect(lines.some((line) => line.startsWith("sync natural-resources:") && line.includes("failed"))).toBe(true);

  const after = await database.db.prisma.syncRun.count({ where: { trigger: "schedule" } });
  await sleep(500);
  expect(await database.db.prisma.syncRun.count({ where: { trigger: "schedule" } })).toBe(after);
});
