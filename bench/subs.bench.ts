/**
 * npm run bench:subs — N scoped subscribers, events at a steady rate.
 *
 * Starts the hub as its own process (embedded database, sample data), or
 * BENCH_INSTANCES processes sharing BENCH_DATABASE_URL and BENCH_REDIS_URL,
 * opens N graphql-ws connections spread over the instances, each with a token
 * of its own subject (1% province, 9% city and 90% county tokens across the
 * sample's counties; emergency supervisors, analysts and inspectors), each
 * subscribed to hazardChanged, then reports hazards over HTTP at a steady rate
 * through the instances in turn. Every delivery is checked against its
 * subscriber's territory.
 *
 * Reports latency (publish in the hub → receipt by the client), deliveries/s,
 * the hubs' CPU per thousand deliveries, the bytes the clients received, and
 * the hubs' memory before and after the events. Exits non-zero when a
 * subscription is refused, a delivery is out of scope, more than
 * BENCH_TOLERANCE of the expected deliveries are missing, or the hubs' heap
 * grew by more than BENCH_HEAP_GROWTH_MB over the run.
 *
 *   BENCH_SUBSCRIBERS (10000)  BENCH_RATE events/s (20)  BENCH_SECONDS (30)
 *   BENCH_INSTANCES (1)  BENCH_DATABASE_URL  BENCH_REDIS_URL (both needed for 2+ instances)
 *   BENCH_TOLERANCE fraction of deliveries that may be missing (0)  BENCH_HEAP_GROWTH_MB (64)
 *   BENCH_CLIENT: lean (graphql-transport-ws over ws, the default) or graphql-ws (the graphql-ws client)
 *   BENCH_QUERY: the subscription document (default: hazardChanged with the hazard's id, state, grade, region)
 *   BENCH_HUB_NODE_ARGS: extra node flags for the hubs, e.g. "--cpu-prof --cpu-prof-dir=prof"
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { loadOrCreateDevIssuer } from "../src/access/index.js";
import { isWithinDivision } from "../src/core/division.js";
import { startHubProcess, type HubProcess } from "../test/helpers/hub-process.js";
import { cpuMs, exitOnFailures, heapMb, percentile, rssKb, scratchServerDatabase, sleep, sum } from "./hub-helpers.js";

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000);
const RATE = Number(process.env.BENCH_RATE ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 1);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? null;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? null;
const TOLERANCE = Number(process.env.BENCH_TOLERANCE ?? 0);
const HEAP_GROWTH_MB = Number(process.env.BENCH_HEAP_GROWTH_MB ?? 64);
const CLIENT = process.env.BENCH_CLIENT === "graphql-ws" ? "graphql-ws" : "lean";
const COUNTIES = ["410106", "410202", "410203", "410204", "410205", "410212", "410221", "410222", "410223", "410225", "410505"];
const CITIES = ["4101", "4102", "4105"];
const ROLES: Array<Array<"SUPERVISOR" | "ANALYST" | "INSPECTOR">> = [["SUPERVISOR"], ["SUPERVISOR"], ["ANALYST"], ["INSPECTOR"]];
const QUERY = process.env.BENCH_QUERY ?? "subscription { hazardChanged { eventId action at hazard { id state grade regionCode } } }";
function territoryOf(i: number): string {
  if (i % 100 === 0) return "41";
  if (i % 10 === 0) return CITIES[i % CITIES.length]!;
  return COUNTIES[i % COUNTIES.length]!;
}

/**
 * A subscriber speaking graphql-transport-ws over `ws` directly: connection_init,
 * subscribe, and each message parsed once. A lean load generator, so that the
 * two cores go to the hub rather than to the clients' bookkeeping.
 */
async function leanSubscriber(url: string, token: string, query: string, onResult: (result: unknown) => void, onError: (error: unknown) => void): Promise<() => void> {
  const socket = new CountingWebSocket(url, "graphql-transport-ws");
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${token}` } })));
    socket.once("close", (code) => reject(new Error(`closed before connecting (${code})`)));
    socket.on("message", (data: Buffer) => {
      const message = JSON.parse(data.toString());
      if (message.type === "connection_ack") {
        socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query } }));
        resolve();
      } else if (message.type === "next") onResult(message.payload);
      else if (message.type === "error") onError(message.payload);
      else if (message.type === "ping") socket.send(JSON.stringify({ type: "pong" }));
    });
  });
  return () => socket.close();
}

/** The same subscriber through the graphql-ws client (BENCH_CLIENT=graphql-ws), as a dashboard would connect. */
async function graphqlWsSubscriber(url: string, token: string, query: string, onResult: (result: unknown) => void, onError: (error: unknown) => void): Promise<() => void> {
  const client: Client = createClient({ url, webSocketImpl: CountingWebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0, lazy: false });
  await new Promise<void>((resolve, reject) => {
    client.on("connected", () => resolve());
    client.on("closed", () => reject(new Error("closed before connecting")));
  });
  client.subscribe({ query }, { next: onResult, error: onError, complete: () => {} });
  return () => void client.dispose();
}

/** Counts the bytes of every message the clients receive. */
let bytesReceived = 0;
class CountingWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on("message", (data: Buffer) => (bytesReceived += data.length));
  }
}

async function main() {
  if (INSTANCES > 1 && !(DATABASE_URL && REDIS_URL)) throw new Error("BENCH_INSTANCES > 1 needs BENCH_DATABASE_URL and BENCH_REDIS_URL");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "emhub-bench-subs-"));
  const database = DATABASE_URL ? await scratchServerDatabase(DATABASE_URL, "emhub_bench_subs") : null;
  const off = Object.fromEntries(["EMERGENCY", "WATER", "METEOROLOGY", "NATURAL_RESOURCES", "TRANSPORT"].map((c) => [`EMHUB_SYNC_INTERVAL_${c}`, "0"]));
  const nodeArgs = ["--expose-gc", ...(process.env.BENCH_HUB_NODE_ARGS?.split(" ").filter(Boolean) ?? [])];
  const env = { EMHUB_DATA_DIR: dataDir, EMHUB_MAX_COST: "10000000", ...off, ...(database ? { DATABASE_URL: database.url } : {}), ...(REDIS_URL ? { REDIS_URL, EMHUB_REDIS_PREFIX: `bench${process.pid}:` } : {}) };
  const hubs: HubProcess[] = [];
  // the first instance loads the samples; the others start on the loaded database
  hubs.push(await startHubProcess(env, nodeArgs));
  for (let i = 1; i < INSTANCES; i++) hubs.push(await startHubProcess({ ...env, EMHUB_LOAD_SAMPLES: "never" }, nodeArgs));
  const pids = hubs.map((hub) => hub.child.pid!);
  const issuer = await loadOrCreateDevIssuer(dataDir);
  const admin = await issuer.signToken({ department: "EMERGENCY", roles: ["ADMIN"], subject: "bench-admin" });
  const gql = async (url: string, query: string, variables: unknown, token: string) => {
    const res = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as { data?: any; errors?: unknown };
  };
  const enterprises: Array<{ creditCode: string; regionCode: string }> = (await gql(hubs[0]!.url, "{ enterprises(first: 200) { edges { node { creditCode regionCode } } } }", {}, admin)).data.enterprises.edges.map(
    (e: any) => e.node,
  );

  await sleep(1000);
  const latencies: number[] = [];
  let refused = 0;
  const refusals = new Map<string, number>();
  const refuse = (reason: string) => {
    refused++;
    refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
  };
  let outOfScope = 0;
  const territories: string[] = [];
  const closers: Array<() => void> = [];
  const started = Date.now();
  for (let i = 0; i < SUBSCRIBERS; i += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, SUBSCRIBERS - i) }, async (_, j) => {
        const n = i + j;
        const territory = territoryOf(n);
        territories.push(territory);
        const token = await issuer.signToken({ department: "EMERGENCY", roles: ROLES[n % ROLES.length]!, region: territory, subject: `screen-${n}` });
        const url = `${hubs[n % hubs.length]!.url.replace(/^http/, "ws")}/graphql`;
        const onResult = (result: any) => {
          const change = result.data?.hazardChanged;
          if (!change) return refuse(JSON.stringify(result.errors ?? result).slice(0, 200));
          latencies.push(Date.now() - Date.parse(change.at));
          if (!isWithinDivision(change.hazard.regionCode, territory)) outOfScope++;
        };
        const onError = (error: unknown) => refuse(String((Array.isArray(error) ? error[0]?.message : (error as Error)?.message) ?? error).slice(0, 200));
        closers.push(await (CLIENT === "graphql-ws" ? graphqlWsSubscriber : leanSubscriber)(url, token, QUERY, onResult, onError));
      }),
    );
  }
  // every subscription registered in the hubs (emhub_subscribers), then a moment of quiet
  const registered = async () => sum(await Promise.all(hubs.map(async (hub) => Number(/^emhub_subscribers (\S+)$/m.exec(await (await fetch(`${hub.url}/metrics`)).text())?.[1] ?? 0))));
  for (const until = Date.now() + 120_000; (await registered()) < SUBSCRIBERS - refused && Date.now() < until; ) await sleep(500);
  if ((await registered()) < SUBSCRIBERS - refused) console.error(`only ${await registered()} of ${SUBSCRIBERS} subscriptions registered after two minutes`);
  await sleep(2000);
  const connectSeconds = (Date.now() - started) / 1000;
  const heapBefore = await Promise.all(hubs.map((hub) => heapMb(hub.url)));
  const rssBefore = pids.map(rssKb);
  const cpuBefore = pids.map(cpuMs);
  const benchCpuBefore = process.cpuUsage();
  bytesReceived = 0;

  const total = RATE * SECONDS;
  const tick = 1000 / RATE;
  // reporters of every county, each well under the per-client rate limit
  const reporters = await Promise.all(Array.from({ length: Math.ceil(RATE / 10) }, (_, i) => issuer.signToken({ department: "EMERGENCY", roles: ["INSPECTOR"], region: "41", subject: `reporter-${i}` })));
  let expected = 0;
  let rssPeak = 0;
  const begin = Date.now();
  for (let n = 0; n < total; n++) {
    const enterprise = enterprises[n % enterprises.length]!;
    expected += territories.filter((t) => isWithinDivision(enterprise.regionCode, t)).length;
    void gql(
      hubs[n % hubs.length]!.url,
      "mutation ($input: ReportHazardInput!) { reportHazard(input: $input) { id } }",
      { input: { enterpriseCode: enterprise.creditCode, grade: "GENERAL", description: `bench ${n}` } },
      reporters[n % reporters.length]!,
    );
    if (n % RATE === 0) rssPeak = Math.max(rssPeak, sum(pids.map(rssKb)));
    const wait = begin + (n + 1) * tick - Date.now();
    if (wait > 0) await sleep(wait);
  }
  const publishSeconds = (Date.now() - begin) / 1000;
  const deadline = Date.now() + 30_000;
  while (latencies.length < expected && Date.now() < deadline) await sleep(200);
  const drainedSeconds = (Date.now() - begin) / 1000;
  const cpuAfter = pids.map(cpuMs);
  const benchCpu = process.cpuUsage(benchCpuBefore);
  rssPeak = Math.max(rssPeak, sum(pids.map(rssKb)));
  const heapAfter = await Promise.all(hubs.map((hub) => heapMb(hub.url)));

  const sorted = [...latencies].sort((a, b) => a - b);
  const hubCpuMs = sum(cpuAfter) - sum(cpuBefore);
  const missing = expected - latencies.length;
  const heapGrowthMb = sum(heapAfter) - sum(heapBefore);
  const result = {
    subscribers: SUBSCRIBERS,
    instances: INSTANCES,
    database: database ? "postgresql" : "embedded",
    connectSeconds: Number(connectSeconds.toFixed(1)),
    events: total,
    ratePerSecond: RATE,
    deliveriesExpected: expected,
    deliveries: latencies.length,
    missing,
    refused,
    refusals: Object.fromEntries(refusals),
    outOfScope,
    deliveriesPerSecond: Math.round(latencies.length / drainedSeconds),
    latencyMs: { p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), max: sorted.at(-1) },
    hubCpuMsPerThousandDeliveries: Number(((hubCpuMs / Math.max(1, latencies.length)) * 1000).toFixed(1)),
    hubCpuShare: Number((hubCpuMs / 1000 / publishSeconds).toFixed(2)),
    benchCpuShare: Number(((benchCpu.user + benchCpu.system) / 1e6 / publishSeconds).toFixed(2)),
    bytesReceived,
    bytesPerDelivery: Math.round(bytesReceived / Math.max(1, latencies.length)),
    hubHeapMb: { before: Math.round(sum(heapBefore)), after: Math.round(sum(heapAfter)), growth: Number(heapGrowthMb.toFixed(1)) },
    hubRssMb: { before: Math.round(sum(rssBefore) / 1024), peak: Math.round(rssPeak / 1024) },
    cpus: os.cpus().length,
    client: CLIENT,
    loadGeneratorOnSameMachine: true,
  };
  console.table([result.latencyMs]);
  console.log(JSON.stringify(result, null, 2));
  for (const close of closers) close();
  for (const hub of hubs) await hub.stop();
  await database?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });

  exitOnFailures([
    refused > 0 && `${refused} subscriptions refused or ended with an error`,
    outOfScope > 0 && `${outOfScope} deliveries outside the subscriber's territory`,
    missing > expected * TOLERANCE && `${missing} of ${expected} expected deliveries missing (tolerance ${TOLERANCE})`,
    latencies.length > expected && `${latencies.length - expected} deliveries more than expected`,
    heapGrowthMb > HEAP_GROWTH_MB && `the hubs' heap grew by ${heapGrowthMb.toFixed(1)} MB over the run (limit ${HEAP_GROWTH_MB})`,
  ]);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
