/**
 * npm run bench:monitoring — online monitoring readings streamed in at a
 * steady rate, as a province's gateways push them.
 *
 * Starts the hub as its own process (embedded database and sample data, or a
 * scratch database on BENCH_DATABASE_URL), registers BENCH_POINTS monitoring
 * points over the sample's enterprises with major hazard sources, then for
 * BENCH_SECONDS pushes BENCH_RATE readings a second to POST
 * /ingest/monitoring, as BENCH_GATEWAYS gateways each sending one document a
 * second (every point reports every BENCH_POINTS / BENCH_RATE seconds).
 *
 * Reports the readings the hub wrote per second (sustained, over the whole
 * run), push latency, the hub's CPU per thousand readings, and its memory
 * before and after. Exits non-zero when readings are refused or lost, when
 * the hub falls behind the rate by more than 5%, or when its heap grew by
 * more than BENCH_HEAP_GROWTH_MB.
 *
 *   BENCH_RATE readings/s (5000)  BENCH_SECONDS (60)  BENCH_POINTS (20000)  BENCH_GATEWAYS (5)
 *   BENCH_DATABASE_URL  BENCH_HEAP_GROWTH_MB (64)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadOrCreateDevIssuer } from "../src/access/index.js";
import { startHubProcess } from "../test/helpers/hub-process.js";
import { cpuMs, exitOnFailures, heapMb, percentile, rssKb, scratchServerDatabase, settle, sleep } from "./hub-helpers.js";

const RATE = Number(process.env.BENCH_RATE ?? 5000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const POINTS = Number(process.env.BENCH_POINTS ?? 20_000);
const GATEWAYS = Number(process.env.BENCH_GATEWAYS ?? 5);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? null;
const HEAP_GROWTH_MB = Number(process.env.BENCH_HEAP_GROWTH_MB ?? 64);

/** Sample enterprises with major hazard sources, and one of their sources each. */
const OWNERS = [
  ["91410212MA3X7K2P1F", "WXY-410212-001"],
  ["91410212MA44RT0B6T", "WXY-410212-003"],
  ["91410212MA9GH5L030", "WXY-410212-004"],
  ["91410205MA3Y0D8Q2J", "WXY-410205-005"],
  ["91410221MA45PP2R9C", "WXY-410221-007"],
  ["91410505MA4EE3F05B", "WXY-410505-008"],
  ["91410505MA3X2L7J88", "WXY-410505-009"],
] as const;

const chinaTime = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 23).replace("T", " ");
const pointCode = (i: number) => `BENCH-${String(i).padStart(6, "0")}`;

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "emhub-bench-monitoring-"));
  const database = DATABASE_URL ? await scratchServerDatabase(DATABASE_URL, "emhub_bench_monitoring") : null;
  const off = Object.fromEntries(["EMERGENCY", "WATER", "METEOROLOGY", "NATURAL_RESOURCES", "TRANSPORT", "MONITORING"].map((c) => [`EMHUB_SYNC_INTERVAL_${c}`, "0"]));
  const hub = await startHubProcess({ EMHUB_DATA_DIR: dataDir, EMHUB_RATE_LIMIT: "0", ...off, ...(database ? { DATABASE_URL: database.url } : {}) }, ["--expose-gc"]);
  const pid = hub.child.pid!;
  const issuer = await loadOrCreateDevIssuer(dataDir);
  const token = await issuer.signToken({ department: "EMERGENCY", roles: ["SERVICE"], region: "41", subject: "bench-monitoring-gateway" });
  const push = async (document: unknown) => {
    const res = await fetch(`${hub.url}/ingest/monitoring`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(document) });
    const body = (await res.json()) as { counts?: { created: number; rejected: number }; rejected?: Array<{ reason: string }>; error?: unknown };
    if (res.status !== 200) throw new Error(`push answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    return body;
  };

  // the points, in documents of 5,000
  for (let i = 0; i < POINTS; i += 5000) {
    const points = Array.from({ length: Math.min(5000, POINTS - i) }, (_, j) => {
      const [creditCode, hazardCode] = OWNERS[(i + j) % OWNERS.length]!;
      return { pointCode: pointCode(i + j), pointName: `压力变送器 ${i + j}`, creditCode, hazardCode, quotaType: "压力", unit: "MPa", rangeLow: 0, rangeHigh: 4, thresholdH: 3, thresholdHH: 3.5 };
    });
    const result = await push({ points });
    if (result.counts!.rejected > 0) throw new Error(`points refused: ${JSON.stringify(result.rejected!.slice(0, 3))}`);
  }
  await settle(pid);

  const heapBefore = await heapMb(hub.url);
  const rssBefore = rssKb(pid);
  const cpuBefore = cpuMs(pid);
  let rssPeak = rssBefore;
  const perDocument = Math.ceil(RATE / GATEWAYS);
  const latencies: number[] = [];
  let written = 0;
  let refused = 0;
  const firstRefusals: string[] = [];
  let next = 0;
  const pending: Array<Promise<void>> = [];
  const begin = Date.now();
  for (let second = 0; second < SECONDS; second++) {
    for (let g = 0; g < GATEWAYS; g++) {
      const at = new Date(begin + second * 1000 + g); // one stamp per document: a point reports once in it
      const readings = Array.from({ length: perDocument }, () => {
        const code = pointCode(next++ % POINTS);
        return { pointCode: code, collectTime: chinaTime(at), value: 1 + ((next * 7919) % 1000) / 1000 };
      });
      const sent = Date.now();
      pending.push(
        push({ readings }).then((result) => {
          latencies.push(Date.now() - sent);
          written += result.counts!.created;
          refused += result.counts!.rejected;
          if (firstRefusals.length < 3) firstRefusals.push(...(result.rejected ?? []).slice(0, 3 - firstRefusals.length).map((r) => r.reason));
        }),
      );
    }
    rssPeak = Math.max(rssPeak, rssKb(pid));
    const wait = begin + (second + 1) * 1000 - Date.now();
    if (wait > 0) await sleep(wait);
  }
  await Promise.all(pending);
  const elapsed = (Date.now() - begin) / 1000;
  const cpu = cpuMs(pid) - cpuBefore;
  rssPeak = Math.max(rssPeak, rssKb(pid));
  const heapAfter = await heapMb(hub.url);
  const sorted = [...latencies].sort((a, b) => a - b);
  const expected = perDocument * GATEWAYS * SECONDS;
  const result = {
    database: database ? "postgresql" : "embedded",
    points: POINTS,
    offeredPerSecond: perDocument * GATEWAYS,
    seconds: SECONDS,
    readingsExpected: expected,
    readingsWritten: written,
    refused,
    firstRefusals,
    sustainedPerSecond: Math.round(written / elapsed),
    pushLatencyMs: { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) },
    hubCpuShare: Number((cpu / 1000 / elapsed).toFixed(2)),
    hubCpuMsPerThousandReadings: Number(((cpu / Math.max(1, written)) * 1000).toFixed(1)),
    hubHeapMb: { before: Math.round(heapBefore), after: Math.round(heapAfter), growth: Number((heapAfter - heapBefore).toFixed(1)) },
    hubRssMb: { before: Math.round(rssBefore / 1024), peak: Math.round(rssPeak / 1024) },
    cpus: os.cpus().length,
    loadGeneratorOnSameMachine: true,
  };
  console.log(JSON.stringify(result, null, 2));
  await hub.stop();
  await database?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });

  exitOnFailures([
    refused > 0 && `${refused} readings refused`,
    written < expected && `${expected - written} of ${expected} readings not written`,
    result.sustainedPerSecond < result.offeredPerSecond * 0.95 && `the hub wrote ${result.sustainedPerSecond}/s of ${result.offeredPerSecond}/s offered`,
    result.hubHeapMb.growth > HEAP_GROWTH_MB && `the hub's heap grew by ${result.hubHeapMb.growth} MB (limit ${HEAP_GROWTH_MB})`,
  ]);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
