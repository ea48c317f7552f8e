import { afterEach, describe, expect, it } from "vitest";
import type { Connector } from "../../../connectors/types.js";
import type { SyncConfig } from "../../../src/config/sync-config.js";
import type { SyncSummary } from "../../../src/sync/run-sync.js";
import { startScheduler, type Scheduler } from "../../../src/sync/scheduler.js";

const connector = (name: string) => ({ name }) as Connector;
const summary = (name: string) => ({ connector: name, ok: true }) as SyncSummary;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const config = (intervals: Record<string, number>): SyncConfig => ({
  connectors: Object.fromEntries(Object.entries(intervals).map(([name, seconds]) => [name, { sources: null, intervalSeconds: seconds }])),
  fetch: { timeoutMs: 100, tries: 1, backoffMs: 1, maxBytes: 1024 },
  province: "41",
});

let scheduler: Scheduler | undefined;
afterEach(async () => {
  await scheduler?.stop();
  scheduler = undefined;
});

describe("scheduler", () => {
  it("runs each connector again after its interval, never two runs of one connector at once", async () => {
    let running = 0;
    let overlap = false;
    let runs = 0;
    scheduler = startScheduler({
      connectors: [connector("fast")],
      config: config({ fast: 0.02 }),
      startDelayMs: 1,
      run: async (c) => {
        running++;
        if (running > 1) overlap = true;
        runs++;
        await sleep(60); // longer than the interval
        running--;
        return summary(c.name);
      },
    });
    await sleep(400);
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(overlap).toBe(false);
  });

  it("does not schedule a connector whose interval is 0", async () => {
    const started: string[] = [];
    scheduler = startScheduler({
      connectors: [connector("off"), connector("now")],
      config: config({ off: 0, now: 10 }),
      startDelayMs: 1,
      run: async (c) => {
        started.push(c.name);
        return summary(c.name);
      },
    });
    await sleep(100);
    expect(started).toEqual(["now"]);
  });

  it("stop() aborts the run under way, waits for it, and plans nothing more", async () => {
    let aborted = false;
    let finished = false;
    let runs = 0;
    scheduler = startScheduler({
      connectors: [connector("slow")],
      config: config({ slow: 0.01 }),
      startDelayMs: 1,
      run: async (c, signal) => {
        runs++;
        await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
        aborted = signal.aborted;
        await sleep(20);
        finished = true;
        return summary(c.name);
      },
    });
    await sleep(30);
    expect(scheduler.running()).toEqual(["slow"]);
    await scheduler.stop();
    expect({ aborted, finished }).toEqual({ aborted: true, finished: true });
    expect(scheduler.running()).toEqual([]);
    await sleep(50);
    expect(runs).toBe(1);
  });

  it("reports a run that throws and goes on with the schedule", async () => {
    const errors: string[] = [];
    let runs = 0;
    scheduler = startScheduler({
      connectors: [connector("flaky")],
      config: config({ flaky: 0.01 }),
      startDelayMs: 1,
      run: async () => {
        runs++;
        throw new Error(`boom ${runs}`);
      },
      onError: (_c, error) => errors.push((error as Error).message),
    });
    await sleep(120);
    expect(errors.slice(0, 2)).toEqual(["boom 1", "boom 2"]);
  });
});
