/**
 * PostgreSQL cut off from a running hub: a push and a query are answered 503
 * with Retry-After (GraphQL: UNAVAILABLE), never 500, /readyz says so, and
 * once the database is back both go through again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.js";
import { startHub, type Hub } from "../../src/server/create-hub.js";
import { loadOrCreateDevIssuer } from "../../src/access/index.js";
import { openDatabase } from "../../src/data/database.js";
import { scratchDatabase, type TestDatabase } from "../helpers/test-database.js";
import { skipReason, tcpRelay, TEST_DATABASE_URL } from "../helpers/services.js";
import { waitFor } from "../helpers/wait.js";

const skip = skipReason(["TEST_DATABASE_URL", TEST_DATABASE_URL]);

describe.skipIf(skip)("a database outage", () => {
  let scratch: TestDatabase;
  let relay: Awaited<ReturnType<typeof tcpRelay>>;
  let hub: Hub;
  let service: string;
  beforeAll(async () => {
    scratch = await scratchDatabase(TEST_DATABASE_URL, "emhub-outage");
    const server = new URL(scratch.db.url);
    relay = await tcpRelay({ host: server.hostname, port: Number(server.port || 5432) });
    const viaRelay = new URL(scratch.db.url);
    viaRelay.hostname = "127.0.0.1";
    viaRelay.port = String(relay.port);
    const config = { ...loadConfig({}), host: "127.0.0.1", port: 0, dataDir: scratch.dataDir, databaseUrl: viaRelay.toString(), rateLimitPerMinute: 0 };
    hub = await startHub(config, { db: await openDatabase(config) });
    service = await (await loadOrCreateDevIssuer(scratch.dataDir)).signToken({ department: "WATER", roles: ["SERVICE"], region: "410000" });
  });
  afterAll(async () => {
    relay?.release();
    await hub?.stop();
    await hub?.db.close();
    await relay?.close();
    await scratch?.drop();
  });

  const push = () =>
    fetch(`${hub.url}/ingest/water`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${service}` },
      body: JSON.stringify({ ST_STBPRP_B: [{ STCD: "40199001", STNM: "测试站", STTP: "ZZ", ADDVCD: "410202", LGTD: 114.35, LTTD: 34.8 }] }),
    });
  const query = () => fetch(`${hub.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${service}` }, body: JSON.stringify({ query: "{ hydroStations(first: 1) { totalCount } }" }) });

  it("answers 503 with Retry-After while it lasts, and serves again after", async () => {
    expect((await push()).status).toBe(200);
    relay.cut();
    const refused = await push();
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("30");
    expect(await refused.json()).toMatchObject({ errors: [{ extensions: { code: "UNAVAILABLE" } }] });
    const asked = await query();
    expect(asked.status).toBe(503);
    expect(asked.headers.get("retry-after")).toBe("30");
    expect(await asked.json()).toMatchObject({ errors: [{ extensions: { code: "UNAVAILABLE" } }] });
    expect((await fetch(`${hub.url}/readyz`)).status).toBe(503);

    relay.release();
    await waitFor(async () => (await fetch(`${hub.url}/readyz`)).status === 200, { what: "the hub to be ready again" });
    expect((await push()).status).toBe(200);
    const again = await query();
    expect(again.status).toBe(200);
  });
});
