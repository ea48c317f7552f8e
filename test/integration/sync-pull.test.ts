/**
 * Pulling over real HTTP from a local department system: sample feeds, an
 * unchanged re-run, a changed and a missing record, and every way a fetch
 * fails — each failure recorded as a failed run with its reason while the
 * data already held stays as it was.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_CONNECTORS, emergencyConnector, waterConnector } from "../../connectors/index.js";
import { syncOnce } from "../../src/cli/sync-command.js";
import { CONNECTORS_DIR } from "../../src/config/paths.js";
import type { SyncConfig } from "../../src/config/sync-config.js";
import { runSync } from "../../src/sync/run-sync.js";
import { formatSummaryTable } from "../../src/sync/summary-table.js";
import { syncConnector } from "../../src/sync/sync-connector.js";
import { FAILING_ROUTES, startFeedServer, type FeedServer } from "../helpers/feed-server.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";

let database: TestDatabase;
let feeds: FeedServer;
const FETCH = { timeoutMs: 500, tries: 3, backoffMs: 20, maxBytes: 1024 * 1024 };
const EMERGENCY_PAGE = "/emergency/page-1-of-1.json";
const samplePage = () => JSON.parse(fs.readFileSync(path.join(CONNECTORS_DIR, "emergency/samples/page-1-of-1.json"), "utf8"));
/** The records of the emergency sample, however many it holds. */
const sampleRecords = () => emergencyConnector.parse({ name: "page-1-of-1.json", body: Buffer.from(JSON.stringify(samplePage())) }).records.length;

function configFor(connector: string, sources: string[]): SyncConfig {
  return { connectors: { [connector]: { sources, intervalSeconds: 0, territory: "41" } }, fetch: FETCH, province: "41" };
}

const prisma = () => database.db.prisma;
const pullEmergency = (...paths: string[]) =>
  syncConnector(prisma(), emergencyConnector, configFor("emergency", paths.map((p) => feeds.url(p))), { trigger: "cli" });
const liveShelters = () => prisma().shelter.count({ where: { retiredAt: null } });
const versions = async () => (await prisma().shelter.findMany({ select: { sourceId: true, version: true, fetchedAt: true }, orderBy: { sourceId: "asc" } }));

beforeAll(async () => {
  database = await createTestDatabase();
  feeds = await startFeedServer();
  for (const connector of ALL_CONNECTORS) {
    for (const file of connector.sampleDocuments) feeds.serve(`/${connector.name}/${path.basename(file)}`, fs.readFileSync(path.join(CONNECTORS_DIR, connector.name, file)));
  }
});
afterAll(async () => {
  await feeds?.close();
  await database?.drop();
});

describe("pull over HTTP", () => {
  it("loads every connector's sample feeds from URLs", async () => {
    for (const connector of ALL_CONNECTORS) {
      const urls = connector.sampleDocuments.map((file) => feeds.url(`/${connector.name}/${path.basename(file)}`));
      const summary = await syncConnector(prisma(), connector, configFor(connector.name, urls), { trigger: "cli" });
      expect(summary.errors, connector.name).toEqual([]);
      expect(summary.counts.created, connector.name).toBeGreaterThan(0);
      expect(summary.counts.created + summary.counts.rejected).toBe(summary.counts.fetched);
    }
    expect(await liveShelters()).toBe(13);
    const runs = await prisma().syncRun.findMany({ where: { trigger: "cli" } });
    expect(runs).toHaveLength(ALL_CONNECTORS.length);
    expect(runs.every((run) => run.ok === true && run.finishedAt !== null)).toBe(true);
  });

  it("writes nothing when the feeds have not changed", async () => {
    const before = await versions();
    const rows = await syncOnce(
      prisma(),
      ALL_CONNECTORS,
      {
        connectors: Object.fromEntries(
          ALL_CONNECTORS.map((c) => [c.name, { sources: c.sampleDocuments.map((f) => feeds.url(`/${c.name}/${path.basename(f)}`)), intervalSeconds: 0, territory: "41" }]),
        ),
        fetch: FETCH,
        province: "41",
      },
    );
    for (const row of rows) {
      expect(row.ok, row.connector).toBe(true);
      expect({ created: row.counts.created, updated: row.counts.updated, retired: row.counts.retired }, row.connector).toEqual({ created: 0, updated: 0, retired: 0 });
      expect(row.counts.unchanged, row.connector).toBe(row.counts.fetched - row.counts.rejected);
    }
    expect(await versions()).toEqual(before);
  });

  it("gives a changed record version + 1 and leaves the others alone", async () => {
    const page = samplePage();
    page.data.shelters[0].capacity = 40_000;
    feeds.serve("/emergency/changed.json", JSON.stringify(page));
    const summary = await pullEmergency("/emergency/changed.json");
    expect(summary.counts).toMatchObject({ updated: 1, created: 0, retired: 0, unchanged: sampleRecords() - 1 });
    const changed = await prisma().shelter.findFirstOrThrow({ where: { sourceId: page.data.shelters[0].shelterCode } });
    expect(changed).toMatchObject({ version: 2, capacity: 40_000 });
    const other = await prisma().shelter.findFirstOrThrow({ where: { sourceId: page.data.shelters[1].shelterCode } });
    expect(other.version).toBe(1);
  });

  it("retires a record missing from a full snapshot without deleting it, and revives it when it returns", async () => {
    const page = samplePage();
    const [gone] = page.data.shelters.splice(2, 1);
    page.total -= 1;
    feeds.serve("/emergency/without-one.json", JSON.stringify(page));
    const summary = await pullEmergency("/emergency/without-one.json");
    expect(summary.counts.retired).toBe(1);
    const retired = await prisma().shelter.findFirstOrThrow({ where: { sourceId: gone.shelterCode } });
    expect(retired.retiredAt).toBeInstanceOf(Date);
    expect(retired.version).toBe(2);
    expect(await liveShelters()).toBe(12);

    const back = await pullEmergency(EMERGENCY_PAGE);
    expect(back.counts).toMatchObject({ updated: 1, created: 0, retired: 0 });
    expect(await prisma().shelter.findFirstOrThrow({ where: { sourceId: gone.shelterCode } })).toMatchObject({ retiredAt: null, version: 3 });
  });

  it("reads a folder of documents in name order", async () => {
    const summary = await syncConnector(prisma(), waterConnector, configFor("water", [path.join(CONNECTORS_DIR, "water/samples")]), { trigger: "cli" });
    expect(summary.errors).toEqual([]);
    expect(summary.counts.fetched).toBeGreaterThan(0);
    expect(summary.counts.unchanged).toBe(summary.counts.fetched - summary.counts.rejected);
  });
});

describe("a failed fetch is a failed run with its reason, and the data stays", () => {
  const cases = [
    { route: FAILING_ROUTES.error, reason: /HTTP 500 Internal Server Error \(3 tries\)/, hits: 3 },
    { route: FAILING_ROUTES.missing, reason: /HTTP 404 Not Found$/, hits: 1 },
    { route: FAILING_ROUTES.hang, reason: /within 500 ms \(timeout\) \(3 tries\)/, hits: 3 },
    { route: FAILING_ROUTES.truncated, reason: /truncated body/, hits: 3 },
    { route: FAILING_ROUTES.cutJson, reason: /not JSON/, hits: 1 },
    { route: FAILING_ROUTES.huge, reason: /Content-Length 314572800, more than the 1048576 bytes a document may have/, hits: 1 },
    { route: FAILING_ROUTES.endless, reason: /more than the 1048576 bytes a document may have/, hits: 1 },
  ];

  it.each(cases)("$route", async ({ route, reason, hits }) => {
    const before = await versions();
    const hitsBefore = feeds.hits(route);
    const summary = await pullEmergency(route);
    expect(summary.ok).toBe(false);
    expect(summary.errors.join("; ")).toMatch(reason);
    expect(summary.counts).toMatchObject({ created: 0, updated: 0, retired: 0 });
    expect(feeds.hits(route) - hitsBefore).toBe(hits);
    const run = await prisma().syncRun.findUniqueOrThrow({ where: { id: summary.runId } });
    expect(run.ok).toBe(false);
    expect(run.finishedAt).toBeInstanceOf(Date);
    expect(run.error).toMatch(reason);
    expect(await versions()).toEqual(before);
    expect(await liveShelters()).toBe(13);
  });

  it("still applies the documents that arrived, without retiring anything", async () => {
    const summary = await pullEmergency(FAILING_ROUTES.error, EMERGENCY_PAGE);
    expect(summary.ok).toBe(false);
    expect(summary.counts).toMatchObject({ unchanged: sampleRecords(), retired: 0 });
  });

  it("shows the failure in the command's summary", async () => {
    const rows = await syncOnce(prisma(), [emergencyConnector], configFor("emergency", [feeds.url(FAILING_ROUTES.missing)]));
    expect(rows[0]!.ok).toBe(false);
    const table = formatSummaryTable(rows);
    expect(table).toMatch(/^emergency\s+FAILED/m);
    expect(table).toContain("HTTP 404");
  });
});

describe("one run of a connector at a time", () => {
  it("makes a second run wait until the first has finished", async () => {
    const slow = (async function* () {
      await new Promise((resolve) => setTimeout(resolve, 300));
      yield { name: "slow", failure: "gave up" };
    })();
    const [first, second] = await Promise.all([
      runSync(prisma(), emergencyConnector, slow, { trigger: "cli" }),
      runSync(prisma(), emergencyConnector, [], { trigger: "cli" }),
    ]);
    const runs = await prisma().syncRun.findMany({ where: { id: { in: [first.runId, second.runId] } }, orderBy: { startedAt: "asc" } });
    expect(runs.map((r) => r.id)).toEqual([first.runId, second.runId]);
    expect(runs[1]!.startedAt.getTime()).toBeGreaterThanOrEqual(runs[0]!.finishedAt!.getTime());
  });
});
