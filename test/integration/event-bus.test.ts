/** The event bus: local delivery always; across instances through Redis; Redis going away and coming back. */
import crypto from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { createEventBus, type EventBus } from "../../src/events/event-bus.js";
import type { RecordChanged } from "../../src/events/hub-events.js";
import { waitFor } from "../helpers/wait.js";
import { freePort, hasRedisServer, skipReason, startRedis, stopProcess, TEST_REDIS_URL } from "../helpers/services.js";

const buses: EventBus[] = [];
const bus = (redisUrl: string | null, redisPrefix?: string) => {
  const created = createEventBus({ redisUrl, redisPrefix, log: () => {} });
  buses.push(created);
  return created;
};
afterEach(async () => {
  for (const b of buses.splice(0)) await b.close();
});

const change = (key: string): RecordChanged => ({ dataset: "Shelter", key, change: "UPDATED", at: new Date().toISOString() });

function received(target: EventBus) {
  const keys: string[] = [];
  target.subscribe("record.changed", (event) => keys.push(event.key));
  return keys;
}

describe("without Redis", () => {
  it("delivers to this instance's subscribers, once", () => {
    const local = bus(null);
    const keys = received(local);
    local.publish("record.changed", change("a"));
    expect(keys).toEqual(["a"]);
    expect(local.redisState()).toBe("disabled");
  });

  it("keeps delivering locally when REDIS_URL points nowhere", async () => {
    const lonely = bus("redis://127.0.0.1:1");
    const keys = received(lonely);
    lonely.publish("record.changed", change("b"));
    expect(keys).toEqual(["b"]);
    await waitFor(() => lonely.redisState() === "down");
    lonely.publish("record.changed", change("c"));
    expect(keys).toEqual(["b", "c"]);
  });
});

describe.skipIf(skipReason(["TEST_REDIS_URL", TEST_REDIS_URL]))("through Redis", () => {
  it("carries an event from one instance to another, without echoing it back", async () => {
    const a = bus(TEST_REDIS_URL);
    const b = bus(TEST_REDIS_URL);
    await waitFor(() => a.redisState() === "ready" && b.redisState() === "ready");
    const onA = received(a);
    const onB = received(b);
    const ids: Record<string, string[]> = { a: [], b: [] };
    a.subscribe("record.changed", (event) => ids.a!.push(event.eventId));
    b.subscribe("record.changed", (event) => ids.b!.push(event.eventId));
    a.publish("record.changed", change(`x-${Date.now()}`));
    await waitFor(() => onB.length === 1);
    expect(ids.b).toEqual(ids.a); // one event, one id, on every instance
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(onA).toHaveLength(1);
    expect(onB).toEqual(onA);
  });
});

describe.skipIf(skipReason(["TEST_REDIS_URL", TEST_REDIS_URL]))("two deployments on one Redis", () => {
  it("keep their events apart by their key prefix", async () => {
    const run = crypto.randomUUID();
    const [kaifeng, kaifengToo, zhengzhou, zhengzhouToo] = [bus(TEST_REDIS_URL, `kf-${run}:`), bus(TEST_REDIS_URL, `kf-${run}:`), bus(TEST_REDIS_URL, `zz-${run}:`), bus(TEST_REDIS_URL, `zz-${run}:`)];
    await waitFor(() => [kaifeng, kaifengToo, zhengzhou, zhengzhouToo].every((b) => b.redisState() === "ready"));
    const [onKaifengToo, onZhengzhouToo] = [received(kaifengToo), received(zhengzhouToo)];
    kaifeng.publish("record.changed", change("kaifeng"));
    await waitFor(() => onKaifengToo.includes("kaifeng"));
    zhengzhou.publish("record.changed", change("zhengzhou"));
    await waitFor(() => onZhengzhouToo.includes("zhengzhou"));
    // had they shared a stream, kaifeng's event would have reached zhengzhou's instance first
    expect(onZhengzhouToo).toEqual(["zhengzhou"]);
    expect(onKaifengToo).toEqual(["kaifeng"]);
  });
});

describe.skipIf(!hasRedisServer() && skipReason(["redis-server on PATH", null]))("when Redis stops and starts again", () => {
  it("goes on locally, reconnects by itself, and delivers what was published meanwhile, in order", async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    const url = `redis://127.0.0.1:${port}`;
    const a = bus(url);
    const b = bus(url);
    try {
      await waitFor(() => a.redisState() === "ready" && b.redisState() === "ready");
      const onA = received(a);
      const onB = received(b);
      a.publish("record.changed", change("before"));
      await waitFor(() => onB.includes("before"));

      await stopProcess(redis);
      await waitFor(() => a.redisState() === "down");
      a.publish("record.changed", change("during"));
      expect(onA).toContain("during");

      redis = await startRedis(port);
      await waitFor(() => a.redisState() === "ready" && b.redisState() === "ready");
      await new Promise((resolve) => setTimeout(resolve, 300)); // resubscribed
      a.publish("record.changed", change("after"));
      await waitFor(() => onB.includes("after"));
      expect(onB).toEqual(["before", "during", "after"]);
      expect(a.redisBacklog()).toMatchObject({ waiting: 0, dropped: 0 });
    } finally {
      await stopProcess(redis);
    }
  });
});
