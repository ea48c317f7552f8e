/**
 * The embedded database's disk below the floor the hub keeps free: pushes are
 * refused with 507 and the reason, mutations with UNAVAILABLE, reads go on,
 * and /readyz says why. (The floor is set above the disk's free space, which
 * is what a nearly full disk looks like to the hub.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emergencyConnector, generateEmergencyFeed } from "../../connectors/index.js";
import { runSync } from "../../src/sync/run-sync.js";
import { startTestHub, type TestHub } from "../helpers/start-server.js";

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub({ minFreeMegabytes: 1_000_000_000 });
});
afterAll(async () => t?.stop());

describe("a disk that fills during a document", () => {
  it("rolls the document back and stops the run with the reason, when the disk falls below the floor between chunks", async () => {
    const feed = generateEmergencyFeed({ enterprises: 1500, hazardsPerEnterprise: 1, seed: 42 });
    let asked = 0;
    const summary = await runSync(t.database.db.prisma, emergencyConnector, [{ name: "big.json", body: Buffer.from(feed), contentType: "application/json" }], {
      trigger: "push",
      incremental: true,
      // room for the first chunks, then none
      writeRefusal: () => (++asked > 2 ? "the data folder's disk has 10 MB free" : null),
    });
    expect(asked).toBeGreaterThan(2);
    expect(summary.ok).toBe(false);
    expect(summary.writeRefused).toMatch(/10 MB free/);
    const codes = (JSON.parse(feed) as { data: { enterprises: Array<{ creditCode: string }> } }).data.enterprises.map((e) => e.creditCode);
    expect(codes.length).toBe(1500);
    const stored = await t.database.db.sql(`SELECT count(*)::int AS n FROM "Enterprise" WHERE "creditCode" = ANY($1::text[])`, [codes]);
    expect(stored[0]!.n).toBe(0);
    expect(summary.counts.created).toBe(0);
  });
});

describe.skipIf(process.env.TEST_DATABASE_URL)("a nearly full disk under the embedded database", () => {
  it("refuses writes with the reason and keeps serving reads", async () => {
    const service = await t.signToken({ department: "WATER", roles: ["SERVICE"], region: "410000" });
    const push = await fetch(`${t.hub.url}/ingest/water`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${service}` },
      body: JSON.stringify({ ST_RIVER_R: [{ STCD: "40105100", TM: "2026-07-20 14:00:00", Z: 80.1, Q: null }] }),
    });
    expect(push.status).toBe(507);
    expect(await push.json()).toMatchObject({ errors: [{ extensions: { code: "INSUFFICIENT_STORAGE" }, message: expect.stringMatching(/MB free, below the 1000000000 MB/) }] });

    const supervisor = await t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410106" });
    const mutation = await t.request('mutation { reportHazard(input: { enterpriseCode: "91410106MA3XU9D44B", grade: GENERAL, description: "x" }) { id } }', undefined, supervisor);
    expect(mutation.errors?.[0]?.extensions?.code).toBe("UNAVAILABLE");
    expect(mutation.errors?.[0]?.message).toMatch(/writes are refused/);

    const read = await t.request<{ shelters: { totalCount: number } }, never>("{ shelters { totalCount } }", undefined, supervisor);
    expect(read.errors).toBeUndefined();
    expect(read.data!.shelters.totalCount).toBeGreaterThan(0);
    const ready = await fetch(`${t.hub.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "degraded", writes: expect.stringMatching(/EMHUB_MIN_FREE_MB/) });
  });
});
