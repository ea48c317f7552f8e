/**
 * `npm run bench:graph`: typical read operations against a hub running as its
 * own process, on a generated dataset loaded through the real emergency
 * connector (10,000 enterprises, 50,000 risk points, 100,000 hazards, 2,000
 * shelters by default) plus every connector's samples.
 *
 * The hub runs as in production (NODE_ENV=production) and trusts the
 * benchmark's own issuer (a new ES256 key every run, EMHUB_ISSUERS). Each
 * operation gets a warm-up and a measured run with autocannon; every request
 * carries its own token (a distinct JWT, verified by the hub) and its own
 * variables. Reported per operation: req/s, p50/p99 latency, the hub's CPU
 * per request (from /proc), SQL statements per request (the hub's /metrics)
 * and errors (socket errors, non-2xx, or a body with `errors`). The load's
 * time and peak resident memory are reported too.
 *
 * Besides Q1 and Q2 of the side-by-side harness, the operations include
 * lists that harness does not name: filtered root lists of other datasets,
 * paged by cursor in their other orders, each row with its parent.
 *
 *   --scale N            N times the default data (--scale 10: 100,000 enterprises, 500,000 risk points, 1,000,000 hazards)
 *   BENCH_DATABASE_URL   a PostgreSQL server (a scratch database is made there); without it, the embedded database
 *   BENCH_ENTERPRISES (10000 × scale)  BENCH_DURATION s (15)  BENCH_WARMUP s (5)  BENCH_CONNECTIONS (20)  BENCH_OPS (all: q1,q2,…)
 *   BENCH_HUB_NODE_ARGS  extra node flags for the hub, e.g. "--cpu-prof --cpu-prof-dir=prof"
 */
import fs from "node:fs";
import autocannon from "autocannon";
import { emergencyConnector, generateEmergencyPages } from "../connectors/index.js";
import { toGlobalId } from "../src/data/global-id.js";
import { loadSamples } from "../src/sync/load-samples.js";
import { runSync } from "../src/sync/run-sync.js";
import { startHubProcess, type HubProcess } from "../test/helpers/hub-process.js";
import { benchIssuer, cpuMs, settle } from "./hub-helpers.js";
import { MemorySampler } from "./memory-sampler.js";
import { scratchDatabase } from "../test/helpers/test-database.js";

const SCALE = scaleArgument(process.argv.slice(2));
const ENTERPRISES = Number(process.env.BENCH_ENTERPRISES ?? 10_000 * SCALE);
const DURATION = Number(process.env.BENCH_DURATION ?? 15);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const TOKENS = 30_000;
/** Production serves /metrics only to this token. */
const METRICS_TOKEN = `bench-metrics-${process.pid}-${Date.now()}`;
const REGION = "4102";

interface Operation {
  name: string;
  query: string;
  /** Variables of the i-th request. */
  variables: (i: number) => Record<string, unknown>;
}

interface Measured {
  operation: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  cpuMsPerRequest: number;
  sqlPerRequest: number;
  errors: number;
  kbPerResponse: number;
}

const Q1 = `query EnterprisePage($prefix: String!, $after: String) {
  enterprises(first: 20, after: $after, filter: { region: $prefix }) {
    edges { node { id creditCode name riskPoints { id name level } hazards(filter: { open: true }) { id description grade deadline } } }
  }
}`;
const ENTERPRISE_PAGES = `query EnterprisePages($prefix: String!, $after: String) {
  enterprises(first: 20, after: $after, filter: { region: $prefix }) { pageInfo { endCursor hasNextPage } }
}`;
const Q2 = `query SheltersNear($lat: Float!, $lon: Float!) {
  shelters(near: { lat: $lat, lon: $lon, radiusKm: 12 }, first: 10) { edges { distanceKm node { id name regionCode capacity lat lon } } }
}`;
const HAZARDS = `query OpenHazards($after: String) {
  hazards(first: 20, after: $after, filter: { open: true, region: "${REGION}" }, orderBy: DEADLINE_ASC) {
    edges { node { id description grade state deadline overdue enterprise { creditCode name sector } } }
    pageInfo { endCursor hasNextPage }
  }
}`;
const FILE = `query EnterpriseFile($code: String!) {
  enterprise(code: $code) {
    name sector sizeClass address region { name }
    riskPointCounts { level count }
    riskPoints(orderBy: LEVEL) { name level controlMeasures }
    majorHazardSources { name grade filed }
    hazards(orderBy: DEADLINE_ASC) { grade state deadline overdue events { action toState at } }
    nearbyShelters(radiusKm: 3) { distanceKm shelter { name capacity } }
    provenance { sourceSystem fetchedAt version }
  }
}`;
const NODE = `query Node($id: ID!) {
  node(id: $id) { id ... on Hazard { description grade state deadline enterprise { name } } }
}`;
const MAJOR_RISK_POINTS = `query MajorRiskPoints($after: String) {
  riskPoints(first: 50, after: $after, filter: { region: "${REGION}", levels: [RED, ORANGE] }, orderBy: NAME) {
    edges { node { id name level accidentTypes enterprise { creditCode name } } }
    pageInfo { endCursor hasNextPage }
  }
}`;
const MAJOR_HAZARDS = `query MajorHazards($after: String) {
  hazards(first: 50, after: $after, filter: { region: "${REGION}", grades: [MAJOR] }) {
    edges { node { id description state foundAt enterprise { creditCode name } } }
    pageInfo { endCursor hasNextPage }
  }
}`;
const SECTOR_HAZARDS = `query SectorHazards($after: String) {
  hazards(first: 50, after: $after, filter: { sector: "危险化学品", states: [REPORTED, RECTIFYING] }, orderBy: DEADLINE_ASC) {
    edges { node { id description grade deadline enterprise { creditCode name } } }
    pageInfo { endCursor hasNextPage }
  }
}`;
const WARNINGS = `query Warnings {
  warnings(first: 20) { totalCount edges { node { headline level type sent expires status areas { areaDesc } } } }
}`;

async function main() {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? null;
  const scratch = await scratchDatabase(serverUrl, "emhub-bench-graph");
  let hub: HubProcess | null = null;
  try {
    console.log(`database: ${scratch.label}; loading ${ENTERPRISES} enterprises through the emergency connector …`);
    const started = Date.now();
    const memory = new MemorySampler();
    const pages = generateEmergencyPages({ enterprises: ENTERPRISES, hazardsPerEnterprise: 10, riskPointsPerEnterprise: 5, shelters: Math.round(ENTERPRISES / 5), seed: 11, enterprisesPerPage: 500 });
    const documents = (function* () {
      let n = 0;
      for (const body of pages) yield { name: `page-${++n}.json`, body: Buffer.from(body) };
    })();
    // the samples first: the emergency sample is a full snapshot, which retires what it does not hold
    await loadSamples(scratch.db.prisma, { trigger: "cli", placement: { at: null } });
    const summary = await runSync(scratch.db.prisma, emergencyConnector, documents, { trigger: "cli" });
    const loaded = { records: summary.counts.created, seconds: (Date.now() - started) / 1000, peak: await memory.takePeaks() };
    await memory.stop();
    console.log(`loaded ${loaded.records} records in ${loaded.seconds.toFixed(1)} s; peak RSS ${loaded.peak.rssMb} MB, heap ${loaded.peak.heapUsedMb} MB`);
    const enterprises = (await scratch.db.sql(`SELECT "creditCode" FROM "Enterprise" WHERE "regionCode" LIKE '${REGION}%' ORDER BY 1`, [])).map((r) => r.creditCode as string);
    const hazardIds = (await scratch.db.sql(`SELECT "id" FROM "Hazard" ORDER BY "id" LIMIT 5000`, [])).map((r) => toGlobalId("Hazard", r.id as string));
    await scratch.db.close();

    const issuer = await benchIssuer();
    const off = Object.fromEntries(["EMERGENCY", "WATER", "METEOROLOGY", "NATURAL_RESOURCES", "TRANSPORT"].map((c) => [`EMHUB_SYNC_INTERVAL_${c}`, "0"]));
    const env: Record<string, string> = {
      NODE_ENV: "production",
      EMHUB_DATA_DIR: scratch.dataDir,
      EMHUB_ISSUERS: JSON.stringify({ issuers: [issuer.config] }),
      EMHUB_LOAD_SAMPLES: "never",
      EMHUB_MAX_COST: "10000000",
      EMHUB_METRICS_TOKEN: METRICS_TOKEN,
      ...off,
    };
    if (scratch.db.mode === "postgres") env.DATABASE_URL = scratch.db.url;
    const hubStart = Date.now();
    hub = await startHubProcess(env, process.env.BENCH_HUB_NODE_ARGS?.split(" ").filter(Boolean) ?? []);
    console.log(`hub serving after ${((Date.now() - hubStart) / 1000).toFixed(1)} s; waiting for its start-up work …`);
    await settle(hub.child.pid!);
    console.log(`hub idle after ${((Date.now() - hubStart) / 1000).toFixed(1)} s`);

    const tokens: string[] = [];
    for (let i = 0; i < TOKENS; i++) tokens.push(await issuer.sign(`bench-user-${i}`));

    const cursors = await pageCursors(hub.url, tokens[0]!, ENTERPRISE_PAGES, (data) => data.enterprises, { prefix: REGION }, 100);
    const hazardCursors = await pageCursors(hub.url, tokens[0]!, HAZARDS, (data) => data.hazards, {}, 50);
    const riskPointCursors = await pageCursors(hub.url, tokens[0]!, MAJOR_RISK_POINTS, (data) => data.riskPoints, {}, 50);
    const majorCursors = await pageCursors(hub.url, tokens[0]!, MAJOR_HAZARDS, (data) => data.hazards, {}, 50);
    const sectorCursors = await pageCursors(hub.url, tokens[0]!, SECTOR_HAZARDS, (data) => data.hazards, {}, 50);
    const operations: Operation[] = [
      { name: "Q1 enterprise page (20, risk points, open hazards)", query: Q1, variables: (i) => ({ prefix: REGION, after: cursors[i % cursors.length] }) },
      { name: "Q2 10 shelters nearest a point", query: Q2, variables: (i) => ({ lat: 34.7 + ((i * 7919) % 200) / 1000, lon: 114.2 + ((i * 104729) % 300) / 1000 }) },
      { name: "open hazards by deadline, with enterprise", query: HAZARDS, variables: (i) => ({ after: hazardCursors[i % hazardCursors.length] }) },
      { name: "red and orange risk points by name (50, with enterprise)", query: MAJOR_RISK_POINTS, variables: (i) => ({ after: riskPointCursors[i % riskPointCursors.length] }) },
      { name: "major hazards newest first (50, with enterprise)", query: MAJOR_HAZARDS, variables: (i) => ({ after: majorCursors[i % majorCursors.length] }) },
      { name: "a sector's open hazards by deadline (50, with enterprise)", query: SECTOR_HAZARDS, variables: (i) => ({ after: sectorCursors[i % sectorCursors.length] }) },
      { name: "enterprise file", query: FILE, variables: (i) => ({ code: enterprises[(i * 7919) % enterprises.length] }) },
      { name: "node(id) of a hazard", query: NODE, variables: (i) => ({ id: hazardIds[(i * 7919) % hazardIds.length] }) },
      { name: "warnings list", query: WARNINGS, variables: () => ({}) },
    ];
    const wanted = process.env.BENCH_OPS?.split(",").map((s) => s.trim().toLowerCase());
    const results: Measured[] = [];
    for (const [index, op] of operations.entries()) {
      if (wanted && !wanted.some((w) => op.name.toLowerCase().startsWith(w))) continue;
      await check(hub.url, op, tokens[1]!, index);
      await load(hub.url, op, tokens, WARMUP);
      results.push(await measure(hub, op, tokens));
      const r = results.at(-1)!;
      console.log(`${op.name}: ${r.requestsPerSecond.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.cpuMsPerRequest.toFixed(2)} ms CPU, ${r.sqlPerRequest.toFixed(1)} SQL, ${r.errors} errors`);
    }
    printTable(scratch.label, results);
    const file = process.env.BENCH_RESULTS ?? "bench-graph-results.jsonl";
    fs.appendFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), database: scratch.label, node: process.version, scale: SCALE, enterprises: ENTERPRISES, load: loaded, connections: CONNECTIONS, duration: DURATION, results })}\n`);
  } finally {
    await hub?.stop();
    await scratch.drop();
  }
}

/** `--scale N` (default 1). */
function scaleArgument(args: string[]): number {
  const at = args.indexOf("--scale");
  if (at === -1) return 1;
  const scale = Number(args[at + 1]);
  if (!(scale > 0)) throw new Error(`--scale takes a positive number, not ${JSON.stringify(args[at + 1])}`);
  return scale;
}

/** The benchmark's token issuer: a new ES256 key, and the hub's configuration that trusts it. */
/** Walks a connection once (the query selects pageInfo) and keeps the `after` cursor of each page (null for the first). */
async function pageCursors(url: string, token: string, query: string, pick: (data: any) => any, variables: Record<string, unknown>, pages: number): Promise<Array<string | null>> {
  const cursors: Array<string | null> = [null];
  while (cursors.length <= pages) {
    const { pageInfo } = pick((await post(url, token, query, { ...variables, after: cursors.at(-1) })).data);
    if (!pageInfo.hasNextPage) break;
    cursors.push(pageInfo.endCursor);
  }
  return cursors;
}

async function post(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<any> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`${query.slice(0, 40)}…: ${JSON.stringify(body.errors)}`);
  return body;
}

/** One request before measuring: the operation answers without errors and with data. */
async function check(url: string, op: Operation, token: string, index: number): Promise<void> {
  const body = await post(url, token, op.query, op.variables(index));
  if (JSON.stringify(body.data).length < 30) throw new Error(`${op.name} answered almost nothing: ${JSON.stringify(body.data)}`);
}

function load(url: string, op: Operation, tokens: string[], seconds: number): Promise<autocannon.Result & { bodyErrors: number; bytes: number }> {
  let n = 0;
  let bodyErrors = 0;
  let bytes = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/graphql`,
        connections: CONNECTIONS,
        duration: seconds,
        requests: [
          {
            method: "POST",
            setupRequest: (request) => {
              const i = n++;
              return {
                ...request,
                headers: { "content-type": "application/json", authorization: `Bearer ${tokens[i % tokens.length]}` },
                body: JSON.stringify({ query: op.query, variables: op.variables(i) }),
              };
            },
            onResponse: (_status, body) => {
              bytes += Buffer.byteLength(body);
              if (!body.startsWith('{"data"') || body.includes('"errors"')) bodyErrors++;
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve({ ...result, bodyErrors, bytes })),
    );
    instance.on("error", reject);
  });
}

async function measure(hub: HubProcess, op: Operation, tokens: string[]): Promise<Measured> {
  const pid = hub.child.pid!;
  const sqlBefore = await sqlStatements(hub.url);
  const cpuBefore = cpuMs(pid);
  const result = await load(hub.url, op, tokens, DURATION);
  const cpu = cpuMs(pid) - cpuBefore;
  const sql = (await sqlStatements(hub.url)) - sqlBefore;
  const requests = result.requests.total;
  return {
    operation: op.name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMsPerRequest: cpu / requests,
    sqlPerRequest: sql / requests,
    errors: result.errors + result.timeouts + result.non2xx + result.bodyErrors,
    kbPerResponse: result.bytes / Math.max(1, requests) / 1024,
  };
}

async function sqlStatements(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  return Number(/^emhub_sql_statements_total (\S+)$/m.exec(text)?.[1] ?? Number.NaN);
}

function printTable(database: string, results: Measured[]): void {
  console.log(`\n${database}, ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s, a new token per request, Node ${process.version}\n`);
  console.log("| operation | req/s | p50 ms | p99 ms | server CPU ms/request | SQL/request | KB/response | errors |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const r of results) {
    console.log(`| ${r.operation} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.cpuMsPerRequest.toFixed(2)} | ${r.sqlPerRequest.toFixed(2)} | ${r.kbPerResponse.toFixed(1)} | ${r.errors} |`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
