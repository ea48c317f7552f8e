/** GET /metrics: Prometheus text with the process, HTTP, GraphQL, SQL and sync figures an operator scrapes. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
});
