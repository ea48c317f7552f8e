/**
 * `emhub serve` with NODE_ENV=production, as its own process on a new
 * database: no sample data unless asked, no development issuer, a loud
 * warning when no issuer is configured, no explorer, closed metrics; and
 * SIGTERM drains and frees the port.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOrCreateDevIssuer } from "../../src/access/index.js";
import { startHubProcess, type HubProcess } from "../helpers/hub-process.js";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "emhub-production-"));
let hub: HubProcess;
beforeAll(async () => {
  hub = await startHubProcess({ NODE_ENV: "production", EMHUB_DATA_DIR: dataDir, EMHUB_ISSUERS: "", EMHUB_ISSUERS_FILE: "" });
});
afterAll(async () => {
  await hub?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const post = (query: string, token?: string) =>
  fetch(`${hub.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query }) });

describe("in production", () => {
  it("starts empty, says loudly that no issuer is configured, and trusts no development token", async () => {
    expect(hub.output()).toMatch(/NO TOKEN ISSUER IS CONFIGURED/);
    expect(hub.output()).not.toMatch(/sample \w+ loaded/);
    const status = await (await fetch(`${hub.url}/readyz`)).json();
    expect(status).toMatchObject({ status: "ready" });
    // a token the development issuer would sign (its key made here, as `emhub token` would) is refused
    const devToken = await (await loadOrCreateDevIssuer(fs.mkdtempSync(path.join(os.tmpdir(), "emhub-dev-")))).signToken({ department: null, roles: ["ADMIN"], region: "410000" });
    const refused = await post("{ __typename }", devToken);
    expect(refused.status).toBe(401);
  });

  it("holds no shared records, serves no explorer and closes the metrics", async () => {
    // anonymous callers run only the trusted operations in production: Shelters is one
    const operations = fs.readFileSync(path.join(import.meta.dirname, "../../schema/operations/resources.graphql"), "utf8");
    const res = await fetch(`${hub.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: operations, operationName: "Shelters", variables: { first: 5 } }) });
    const body = (await res.json()) as { data: { shelters: { totalCount: number } } };
    expect(body.data.shelters.totalCount).toBe(0);
    expect((await fetch(`${hub.url}/explorer/`)).status).toBe(404);
    // a browser opening /graphql is told the explorer is off, not given a CSRF error
    const page = await fetch(`${hub.url}/graphql`, { headers: { accept: "text/html,application/xhtml+xml" } });
    expect(page.status).toBe(404);
    expect(await page.text()).toMatch(/^The GraphQL explorer is off on this deployment/);
    const icon = await fetch(`${hub.url}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(await icon.text()).toMatch(/^<svg /);
    expect(hub.output()).toMatch(/the command-centre page on http:\/\/localhost:\d+\/dashboard\/; the explorer off/);
    expect((await fetch(`${hub.url}/metrics`)).status).toBe(403);
  });

  it("drains and exits on SIGTERM, freeing its port", async () => {
    await hub.stop();
    expect(hub.child.exitCode).toBe(0);
    await expect(fetch(`${hub.url}/healthz`)).rejects.toThrow();
  });
});
