/** GET /metrics: Prometheus text with the process, HTTP, GraphQL, SQL and sync figures an operator scrapes. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capAlert } from "../helpers/cap-alert.js";
import { subscribe, wsClient } from "../helpers/ws-client.js";
import { waitFor } from "../helpers/wait.js";
import { startTestHub, type TestHub } from "../helpers/start-server.js";

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => {
  await t?.stop();
});

const scrape = async () => {
  const res = await fetch(`${t.hub.url}/metrics`);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
};
const value = (text: string, series: string) => Number(new RegExp(`^${series.replace(/[{}"+]/g, (c) => `\\${c}`)} (\\S+)$`, "m").exec(text)?.[1] ?? Number.NaN);

describe("GET /metrics", () => {
  it("counts operations by name and outcome, HTTP requests by route, and SQL statements", async () => {
    const token = await t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "4102" });
    const before = await scrape();
    await t.request(`query Regions { regions(first: 2) { totalCount } }`, undefined, token);
    await t.request(`query Broken { nothing }`, undefined, token);
    const after = await scrape();
    expect(value(after, 'emhub_graphql_operation_duration_seconds_count{operation="Regions",type="query",outcome="ok"}')).toBe(1);
    expect(value(after, 'emhub_http_request_duration_seconds_count{route="/graphql",method="POST",status="200"}')).toBeGreaterThanOrEqual(1);
    expect(value(after, 'emhub_http_request_duration_seconds_count{route="/graphql",method="POST",status="400"}')).toBeGreaterThanOrEqual(1);
    expect(value(after, "emhub_sql_statements_total")).toBeGreaterThan(value(before, "emhub_sql_statements_total"));
    expect(after).toMatch(/^process_cpu_user_seconds_total /m);
    expect(after).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(value(after, "emhub_redis_up")).toBe(-1);
  });

  it("counts connector runs and their records", async () => {
    const met = await t.signToken({ department: "METEOROLOGY", roles: ["SERVICE"], region: "410000" });
    const res = await fetch(`${t.hub.url}/ingest/meteorology`, { method: "POST", headers: { "content-type": "application/cap+xml", authorization: `Bearer ${met}` }, body: "<rss/>" });
    expect(res.status).toBe(422);
    expect(value(await scrape(), 'emhub_sync_runs_total{connector="meteorology",outcome="failed"}')).toBe(1);
  });

  it("counts quarantined records by a bounded reason, the pool, subscribers and the results sent to them", async () => {
    const before = await scrape();
    const reader = await t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410000" });
    const client = wsClient(t.wsUrl, { authorization: `Bearer ${reader}` });
    const watching = subscribe(client, "subscription { warningIssued { warning { identifier } } }");
    await waitFor(async () => value(await scrape(), "emhub_subscribers") === 1);
    // a county's service account pushes an alert of its own county and one of another city: the second is quarantined
    const county = await t.signToken({ department: "METEOROLOGY", roles: ["SERVICE"], region: "410106" });
    for (const [identifier, geocode] of [[`m-in-${Date.now()}`, "410106000000"], [`m-out-${Date.now()}`, "410300000000"]]) {
      const pushed = await fetch(`${t.hub.url}/ingest/meteorology`, { method: "POST", headers: { "content-type": "application/cap+xml", authorization: `Bearer ${county}` }, body: capAlert({ identifier, sender: "41010641600000", geocodes: [geocode] }) });
      expect(pushed.status).toBe(200);
    }
    await watching.next();
    const after = await scrape();
    expect(value(after, 'emhub_quarantined_records_total{connector="meteorology",reason="OUT_OF_SCOPE"}')).toBe(1);
    expect(value(after, "emhub_subscription_events_delivered_total")).toBeGreaterThan(value(before, "emhub_subscription_events_delivered_total") || 0);
    expect(value(after, 'emhub_database_pool_connections{state="max"}')).toBeGreaterThanOrEqual(1);
    watching.stop();
    await client.dispose();
  });
});

describe("who may scrape", () => {
  it("asks for EMHUB_METRICS_TOKEN when it is set, and is closed in production without it", async () => {
    const guarded = await startTestHub({ metricsToken: "scrape-secret-0123456789" }, { samples: false });
    try {
      expect((await fetch(`${guarded.hub.url}/metrics`)).status).toBe(401);
      expect((await fetch(`${guarded.hub.url}/metrics`, { headers: { authorization: "Bearer wrong-secret-0123456789" } })).status).toBe(401);
      const ok = await fetch(`${guarded.hub.url}/metrics`, { headers: { authorization: "Bearer scrape-secret-0123456789" } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toMatch(/^# TYPE emhub_graphql_operation_duration_seconds histogram$/m);
    } finally {
      await guarded.stop();
    }
    const production = await startTestHub({ production: true, metricsToken: null }, { samples: false });
    try {
      const closed = await fetch(`${production.hub.url}/metrics`);
      expect(closed.status).toBe(403);
      expect(((await closed.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe("FORBIDDEN");
    } finally {
      await production.stop();
    }
  });
});
