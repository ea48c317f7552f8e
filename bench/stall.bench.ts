/**
 * `npm run bench:stall`: does one client's heaviest allowed request stall the
 * others? A hub process in production mode, on a generated dataset loaded
 * through the emergency connector (BENCH_ENTERPRISES × 10 hazards), answers
 * BENCH_CLIENTS clients that each send, one after another, the most
 * aggregates an operation may compute (EMHUB_MAX_AGGREGATES hazardStats over
 * the whole province), while a probe asks GET /healthz every 50 ms. Reported:
 * the probe's p50, p99 and max latency with and without the load, the heavy
 * requests' own latency, and the refusal of 30 aliased hazardStats.
 *
 *   BENCH_DATABASE_URL   a PostgreSQL server (a scratch database is made there); without it, the embedded database
 *   BENCH_ENTERPRISES (2000)  BENCH_CLIENTS (4)  BENCH_SECONDS (20)
 */
import { emergencyConnector, generateEmergencyPages } from "../connectors/index.js";
import { loadConfig } from "../src/config/config.js";
import { runSync } from "../src/sync/run-sync.js";
import { startHubProcess, type HubProcess } from "../test/helpers/hub-process.js";
import { scratchDatabase } from "../test/helpers/test-database.js";
import { benchIssuer, settle } from "./hub-helpers.js";

const ENTERPRISES = Number(process.env.BENCH_ENTERPRISES ?? 2000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const AGGREGATES = loadConfig({}).limits.maxAggregates;

const heavy = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `s${i}: hazardStats(region: "41") { total open overdue rectificationRate medianDaysToClose byRegion { region total } }`).join(" ")} }`;

async function post(url: string, token: string, query: string) {
  const res = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
  return (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** /healthz every 50 ms for `seconds`; the latencies in ms. */
async function probe(url: string, seconds: number): Promise<number[]> {
  const latencies: number[] = [];
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    const started = performance.now();
    await fetch(`${url}/healthz`);
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return latencies;
}

const summary = (values: number[]) => `p50 ${percentile(values, 50).toFixed(1)} ms, p99 ${percentile(values, 99).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms (${values.length} requests)`;

async function main() {
  const scratch = await scratchDatabase(process.env.BENCH_DATABASE_URL ?? null, "emhub-bench-stall");
  let hub: HubProcess | null = null;
  try {
    const pages = generateEmergencyPages({ enterprises: ENTERPRISES, hazardsPerEnterprise: 10, seed: 5, enterprisesPerPage: 500 });
    const documents = (function* () {
      let n = 0;
      for (const body of pages) yield { name: `page-${++n}.json`, body: Buffer.from(body) };
    })();
    const loaded = await runSync(scratch.db.prisma, emergencyConnector, documents, { trigger: "cli" });
    console.log(`${scratch.label}: ${loaded.counts.created} records loaded`);
    await scratch.db.close();

    const issuer = await benchIssuer();
    const off = Object.fromEntries(["EMERGENCY", "WATER", "METEOROLOGY", "NATURAL_RESOURCES", "TRANSPORT"].map((c) => [`EMHUB_SYNC_INTERVAL_${c}`, "0"]));
    const env: Record<string, string> = { NODE_ENV: "production", EMHUB_DATA_DIR: scratch.dataDir, EMHUB_ISSUERS: JSON.stringify({ issuers: [issuer.config] }), EMHUB_LOAD_SAMPLES: "never", ...off };
    if (scratch.db.mode === "postgres") env.DATABASE_URL = scratch.db.url;
    hub = await startHubProcess(env);
    await settle(hub.child.pid!);
    const tokens = await Promise.all(Array.from({ length: CLIENTS + 1 }, (_, i) => issuer.sign(`stall-${i}`)));

    const refused = await post(hub.url, tokens[0]!, heavy(30));
    console.log(`30 aliased hazardStats: ${refused.errors?.[0]?.extensions?.code ?? "not refused"}`);

    const idle = await probe(hub.url, 5);
    let stop = false;
    const heavyLatencies: number[] = [];
    const clients = tokens.slice(1).map(async (token) => {
      while (!stop) {
        const started = performance.now();
        const answer = await post(hub!.url, token, heavy(AGGREGATES));
        if (answer.errors) throw new Error(`heavy request failed: ${JSON.stringify(answer.errors[0])}`);
        heavyLatencies.push(performance.now() - started);
      }
    });
    const loaded_ = await probe(hub.url, SECONDS);
    stop = true;
    await Promise.all(clients);
    console.log(`\n${scratch.label}, ${ENTERPRISES * 10} hazards, Node ${process.version}`);
    console.log(`/healthz idle:  ${summary(idle)}`);
    console.log(`/healthz while ${CLIENTS} clients each send ${AGGREGATES} × hazardStats(region: "41") back to back: ${summary(loaded_)}`);
    console.log(`the heavy requests: ${summary(heavyLatencies)}`);
  } finally {
    await hub?.stop();
    await scratch.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
