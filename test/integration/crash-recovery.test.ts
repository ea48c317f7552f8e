/**
 * A hub process killed with SIGKILL during a push, on the embedded database:
 * an immediate restart on the same data folder starts (the lock of a dead
 * holder does not block), the killed run is marked failed with the reason,
 * and the document it was applying is absent, never half there; pushed
 * again, it lands whole.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateEmergencyFeed } from "../../connectors/index.js";
import { loadOrCreateDevIssuer } from "../../src/access/index.js";
import { INTERRUPTED } from "../../src/sync/recover.js";
import { startHubProcess, type HubProcess } from "../helpers/hub-process.js";
import { waitFor } from "../helpers/wait.js";

const ENTERPRISES = 3000;
const HAZARDS = 4;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "emhub-crash-"));
const env = { EMHUB_DATA_DIR: dataDir, EMHUB_LOAD_SAMPLES: "never", EMHUB_LOG_LEVEL: "debug" };
const running: HubProcess[] = [];

afterAll(async () => {
  for (const hub of running) await hub.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function graphql<T>(hub: HubProcess, token: string, query: string): Promise<T> {
  const res = await fetch(`${hub.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as { data: T; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

const COUNTS = "{ enterprises { totalCount } hazards { totalCount } connectors { name lastRun { ok error finishedAt } } }";
type Counts = { enterprises: { totalCount: number }; hazards: { totalCount: number }; connectors: Array<{ name: string; lastRun: { ok: boolean | null; error: string | null; finishedAt: string | null } | null }> };

describe("a hub killed during a push", () => {
  it("restarts at once, marks the run failed, and holds the document whole or not at all", async () => {
    const first = await startHubProcess(env);
    running.push(first);
    const issuer = await loadOrCreateDevIssuer(dataDir);
    const service = await issuer.signToken({ department: "EMERGENCY", roles: ["SERVICE"], region: "410000" });
    const admin = await issuer.signToken({ department: "EMERGENCY", roles: ["ADMIN"], region: "410000" });
    const feed = generateEmergencyFeed({ enterprises: ENTERPRISES, hazardsPerEnterprise: HAZARDS, seed: 7 });
    const push = () => fetch(`${first.url}/ingest/emergency`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${service}` }, body: feed });
    void push().catch(() => {}); // the connection dies with the process
    await waitFor(() => /sync run started/.test(first.output()), { timeoutMs: 120_000, what: "the push's run to start" });
    await new Promise((resolve) => setTimeout(resolve, 300)); // inside the document's transaction
    const exited = new Promise((resolve) => first.child.once("exit", resolve));
    first.child.kill("SIGKILL");
    await exited;

    const second = await startHubProcess(env); // at once: no waiting out a stale lock
    running.push(second);
    const after = await graphql<Counts>(second, admin, COUNTS);
    expect([0, ENTERPRISES]).toContain(after.enterprises.totalCount);
    expect([0, ENTERPRISES * HAZARDS]).toContain(after.hazards.totalCount);
    expect(after.hazards.totalCount === 0).toBe(after.enterprises.totalCount === 0);
    const killed = after.connectors.find((c) => c.name === "emergency")!.lastRun!;
    if (after.enterprises.totalCount === 0) expect(killed).toMatchObject({ ok: false, error: INTERRUPTED });
    expect(killed.finishedAt).not.toBeNull();

    const again = await fetch(`${second.url}/ingest/emergency`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${service}` }, body: feed });
    expect(again.status).toBe(200);
    const whole = await graphql<Counts>(second, admin, COUNTS);
    expect(whole.enterprises.totalCount).toBe(ENTERPRISES);
    expect(whole.hazards.totalCount).toBe(ENTERPRISES * HAZARDS);
  }, 600_000);
});
