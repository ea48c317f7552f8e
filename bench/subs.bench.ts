/**
 * npm run bench:subs — N scoped subscribers on one hub instance.
 *
 * Starts the hub as its own process (embedded database, sample data), opens N
 * graphql-ws connections, each subscribed to hazardChanged with its own token
 * (1% province, 9% city and 90% county supervisors across the sample's
 * counties), then reports hazards over HTTP at a steady rate. Measures the
 * delivery latency (publish in the hub → receipt by the client) and the hub's
 * resident memory per subscriber.
 *
 *   BENCH_SUBSCRIBERS (10000)  BENCH_RATE events/s (5)  BENCH_SECONDS (30)
 *   BENCH_HUB_NODE_ARGS: extra node flags for the hub, e.g. "--cpu-prof --cpu-prof-dir=prof"
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { loadOrCreateDevIssuer } from "../src/access/index.js";
import { isWithinDivision } from "../src/core/division.js";
import { startHubProcess } from "../test/helpers/hub-process.js";

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000);
const RATE = Number(process.env.BENCH_RATE ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const COUNTIES = ["410106", "410202", "410203", "410204", "410205", "410212", "410221", "410222", "410223", "410225", "410505"];
const CITIES = ["4101", "4102", "4105"];

const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]);
/**
 * The hub's JavaScript heap after a full collection (the hub runs with
 * --expose-gc). `external` is left out: it holds the embedded database's
 * WebAssembly memory, which moves by megabytes on its own.
 */
async function heapKb(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics?gc=1`)).text();
  return Number(/^nodejs_heap_size_used_bytes (\S+)$/m.exec(text)?.[1] ?? Number.NaN) / 1024;
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function territoryOf(i: number): string {
  if (i % 100 === 0) return "41";
  if (i % 10 === 0) return CITIES[i % CITIES.length]!;
  return COUNTIES[i % COUNTIES.length]!;
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "emhub-bench-subs-"));
  const off = Object.fromEntries(["EMERGENCY", "WATER", "METEOROLOGY", "NATURAL_RESOURCES", "TRANSPORT"].map((c) => [`EMHUB_SYNC_INTERVAL_${c}`, "0"]));
  const nodeArgs = ["--expose-gc", ...(process.env.BENCH_HUB_NODE_ARGS?.split(" ").filter(Boolean) ?? [])];
  const hub = await startHubProcess({ EMHUB_DATA_DIR: dataDir, EMHUB_MAX_COST: "10000000", ...off }, nodeArgs);
  const pid = hub.child.pid!;
  const issuer = await loadOrCreateDevIssuer(dataDir);
  const admin = await issuer.signToken({ department: "EMERGENCY", roles: ["ADMIN"] });
  const gql = async (query: string, variables: unknown, token: string) => {
    const res = await fetch(`${hub.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as { data?: any; errors?: unknown };
  };
  const enterprises: Array<{ creditCode: string; regionCode: string }> = (await gql("{ enterprises(first: 200) { edges { node { creditCode regionCode } } } }", {}, admin)).data.enterprises.edges.map((e: any) => e.node);

  await sleep(1000);
  const baseline = rssKb(pid);
  const baselineHeap = await heapKb(hub.url);
  const wsUrl = `${hub.url.replace(/^http/, "ws")}/graphql`;
  const latencies: number[] = [];
  let expected = 0;
  let errors = 0;
  const territories: string[] = [];
  const clients: Client[] = [];
  const started = Date.now();
  for (let i = 0; i < SUBSCRIBERS; i += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, SUBSCRIBERS - i) }, async (_, j) => {
        const territory = territoryOf(i + j);
        territories.push(territory);
        const token = await issuer.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: territory });
        const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0, lazy: false });
        clients.push(client);
        await new Promise<void>((resolve, reject) => {
          client.on("connected", () => resolve());
          client.on("closed", () => reject(new Error("closed before connecting")));
        });
        client.subscribe(
          { query: "subscription { hazardChanged { action at hazard { id state regionCode } } }" },
          { next: (result: any) => latencies.push(Date.now() - Date.parse(result.data.hazardChanged.at)), error: () => errors++, complete: () => {} },
        );
      }),
    );
  }
  await sleep(2000);
  const subscribed = rssKb(pid);
  const subscribedHeap = await heapKb(hub.url);
  const connectSeconds = (Date.now() - started) / 1000;

  const total = RATE * SECONDS;
  const tick = 1000 / RATE;
  const inspector = await issuer.signToken({ department: "EMERGENCY", roles: ["INSPECTOR"], region: "41" });
  const begin = Date.now();
  for (let n = 0; n < total; n++) {
    const enterprise = enterprises[n % enterprises.length]!;
    expected += territories.filter((t) => isWithinDivision(enterprise.regionCode, t)).length;
    void gql("mutation ($input: ReportHazardInput!) { reportHazard(input: $input) { id } }", { input: { enterpriseCode: enterprise.creditCode, grade: "GENERAL", description: `bench ${n}` } }, inspector);
    const wait = begin + (n + 1) * tick - Date.now();
    if (wait > 0) await sleep(wait);
  }
  const deadline = Date.now() + 30_000;
  while (latencies.length < expected && Date.now() < deadline) await sleep(200);
  const peak = rssKb(pid);

  const sorted = [...latencies].sort((a, b) => a - b);
  const result = {
    subscribers: SUBSCRIBERS,
    connectSeconds: Number(connectSeconds.toFixed(1)),
    events: total,
    ratePerSecond: RATE,
    deliveriesExpected: expected,
    deliveries: latencies.length,
    subscriptionErrors: errors,
    latencyMs: { p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), max: sorted.at(-1) },
    hubRssMb: { baseline: Math.round(baseline / 1024), subscribed: Math.round(subscribed / 1024), peak: Math.round(peak / 1024) },
    /** Heap (JS objects and buffers) held by the subscribers, after a full collection. */
    heapKbPerSubscriber: Number(((subscribedHeap - baselineHeap) / SUBSCRIBERS).toFixed(1)),
    /** Resident memory: noisier (WASM database, allocator), shown for completeness. */
    rssKbPerSubscriber: Number(((subscribed - baseline) / SUBSCRIBERS).toFixed(1)),
    cpus: os.cpus().length,
  };
  console.table([result.latencyMs]);
  console.log(JSON.stringify(result, null, 2));
  await Promise.all(clients.map((client) => client.dispose()));
  await hub.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
