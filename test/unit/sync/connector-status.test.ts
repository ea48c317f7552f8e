import { describe, expect, it } from "vitest";
import { meteorologyConnector } from "../../../connectors/index.js";
import type { SyncRunRow } from "../../../src/data/sync-runs.js";
import { connectorStatus } from "../../../src/graph/sync/connector-status.js";

const now = new Date("2026-07-20T10:00:00Z");
const run = (minutesAgo: number, ok: boolean | null, error: string | null = null): SyncRunRow => ({
  id: `run-${minutesAgo}`,
  connector: "meteorology",
  trigger: "schedule",
  startedAt: new Date(now.getTime() - minutesAgo * 60_000 - 5000),
  finishedAt: ok === null ? null : new Date(now.getTime() - minutesAgo * 60_000),
  ok,
  fetched: 7,
  created: 1,
  updated: 2,
  unchanged: 4,
  retired: 0,
  rejected: 0,
  error,
});

describe("connectorStatus", () => {
  it("has no freshness and is stale before any successful run", () => {
    const status = connectorStatus(meteorologyConnector, 300, { last: null, lastFinished: null, lastSuccess: null }, now);
    expect(status).toMatchObject({ name: "meteorology", department: "METEOROLOGY", schedule: 300, lastRun: null, lastSuccessAt: null, dataAgeSeconds: null, ok: null, stale: true });
  });

  it("measures the data's age from the last success, stale after two intervals", () => {
    const fresh = connectorStatus(meteorologyConnector, 300, { last: run(9, true), lastFinished: run(9, true), lastSuccess: run(9, true) }, now);
    expect(fresh).toMatchObject({ dataAgeSeconds: 540, stale: false, ok: true, lastError: null });
    expect(fresh.lastCounts).toEqual({ fetched: 7, created: 1, updated: 2, unchanged: 4, retired: 0, rejected: 0 });
    const old = connectorStatus(meteorologyConnector, 300, { last: run(11, true), lastFinished: run(11, true), lastSuccess: run(11, true) }, now);
    expect(old.stale).toBe(true);
    const unscheduled = connectorStatus(meteorologyConnector, 0, { last: run(600, true), lastFinished: run(600, true), lastSuccess: run(600, true) }, now);
    expect(unscheduled.stale).toBe(false);
  });

  it("shows the latest failure and the run under way", () => {
    const status = connectorStatus(meteorologyConnector, 300, { last: run(0, null), lastFinished: run(2, false, "HTTP 500"), lastSuccess: run(7, true) }, now);
    expect(status).toMatchObject({ ok: false, lastError: "HTTP 500", dataAgeSeconds: 420, lastRun: { ok: null, finishedAt: null } });
  });
});
