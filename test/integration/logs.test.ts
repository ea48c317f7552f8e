/**
 * What an operator reads: one JSON line per request with time, level, status
 * and the request id the caller sent (or one the hub made up, sent back in
 * x-request-id), the same id in the audit log; warnings for 4xx.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOrCreateDevIssuer } from "../../src/access/index.js";
import { startHubProcess, type HubProcess } from "../helpers/hub-process.js";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "emhub-logs-"));
let hub: HubProcess;
beforeAll(async () => {
  const off = Object.fromEntries(["EMERGENCY", "WATER", "METEOROLOGY", "NATURAL_RESOURCES", "TRANSPORT"].map((c) => [`EMHUB_SYNC_INTERVAL_${c}`, "0"]));
  hub = await startHubProcess({ EMHUB_DATA_DIR: dataDir, EMHUB_LOAD_SAMPLES: "always", ...off });
});
afterAll(async () => {
  await hub?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

type Line = { level: string; time: string; msg: string; req?: { id: string; method: string; url: string }; res?: { statusCode: number }; responseTime?: number };
const lines = (): Line[] =>
  hub
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Line);

describe("the hub's log", () => {
  it("is JSON lines with time and level, from the first line on", () => {
    const started = lines().find((line) => line.msg.startsWith("GraphQL on http://localhost:"));
    expect(started).toMatchObject({ level: "info", time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
  });

  it("logs each request with the caller's request id, sends it back, and audits under it", async () => {
    const token = await (await loadOrCreateDevIssuer(dataDir)).signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "4102" });
    const res = await fetch(`${hub.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-request-id": "req-2026-11-27.001" },
      body: JSON.stringify({ query: "{ enterprises(first: 2) { edges { node { legalRepresentativePhone } } } }" }),
    });
    expect(res.headers.get("x-request-id")).toBe("req-2026-11-27.001");
    await expect.poll(() => lines().find((line) => line.req?.id === "req-2026-11-27.001"), { timeout: 60_000 }).toMatchObject({
      level: "info",
      req: { method: "POST", url: "/graphql" },
      res: { statusCode: 200 },
      responseTime: expect.any(Number),
    });
    const admin = await (await loadOrCreateDevIssuer(dataDir)).signToken({ department: "EMERGENCY", roles: ["ADMIN"] });
    const audit = await fetch(`${hub.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query: `{ auditLog(first: 50, filter: { action: "READ_PERSONAL" }) { edges { node { requestId } } } }` }),
    });
    const ids = ((await audit.json()) as { data: { auditLog: { edges: Array<{ node: { requestId: string } }> } } }).data.auditLog.edges.map((e) => e.node.requestId);
    expect(ids).toContain("req-2026-11-27.001");
  });

  it("makes up an id when the caller sends none or a strange one, and logs refusals as warnings", async () => {
    const res = await fetch(`${hub.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer nonsense", "x-request-id": "<script>" }, body: "{}" });
    const id = res.headers.get("x-request-id")!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => lines().find((line) => line.req?.id === id), { timeout: 60_000 }).toMatchObject({ level: "warn", res: { statusCode: 401 } });
  });
});
