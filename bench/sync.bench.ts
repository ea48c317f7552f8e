/**
 * `npm run bench:sync`: a synthetic emergency-bureau feed through the real
 * connector into PostgreSQL, at two sizes and two shapes, each in its own
 * process (and database) so that memory peaks do not carry over:
 *   whole  — one document (generateEmergencyFeed), parsed at once: a full snapshot;
 *   paged  — the same rows as the bureau's API pages them (generateEmergencyPages),
 *            generated, parsed and written one page at a time: incremental.
 * Reports records/s and peak memory for the first load (every record created)
 * and for a second run of the same feed (every record unchanged).
 *
 *   BENCH_SIZES="2000x10,10000x10"  enterprises x hazards per enterprise
 *   BENCH_PAGE=500                  enterprises per page in the paged shape
 *   BENCH_DATABASE_URL / DATABASE_URL  a PostgreSQL server (a scratch database is created there)
 */
import { fork } from "node:child_process";
import { emergencyConnector, generateEmergencyFeed, generateEmergencyPages } from "../connectors/index.js";
import type { SourceDocument } from "../connectors/types.js";
import { runSync } from "../src/sync/run-sync.js";
import { scratchDatabase } from "../test/helpers/test-database.js";
import { MemorySampler, type MemoryPeaks } from "./memory-sampler.js";

interface Pass {
  seconds: number;
  recordsPerSecond: number;
  counts: Record<string, number>;
  peaks: MemoryPeaks;
}

type Shape = "whole" | "paged";

interface SizeResult {
  size: string;
  shape: Shape;
  records: number;
  feedMb: number;
  database: string;
  first: Pass;
  second: Pass;
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

const PAGE = Number(process.env.BENCH_PAGE ?? 500);

/** The documents of one pass: built up front (whole) or lazily, page by page (paged); `bytes` counts what a pass read. */
function documentsFor(size: string, shape: Shape): { documents: () => Iterable<SourceDocument>; bytes: () => number } {
  const [enterprises, hazardsPerEnterprise] = size.split("x").map(Number) as [number, number];
  let bytes = 0;
  if (shape === "whole") {
    const body = Buffer.from(generateEmergencyFeed({ enterprises, hazardsPerEnterprise, seed: 7 }));
    return { documents: () => [{ name: `bench-${size}.json`, body }], bytes: () => body.length };
  }
  return {
    *documents() {
      bytes = 0;
      let page = 0;
      for (const text of generateEmergencyPages({ enterprises, hazardsPerEnterprise, seed: 7, enterprisesPerPage: PAGE })) {
        const body = Buffer.from(text);
        bytes += body.length;
        yield { name: `bench-${size}-page-${++page}.json`, body };
      }
    },
    bytes: () => bytes,
  };
}

async function measureSize(size: string, shape: Shape): Promise<SizeResult> {
  const [enterprises, hazardsPerEnterprise] = size.split("x").map(Number) as [number, number];
  const bench = await scratchDatabase(process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL, "emhub-bench");
  try {
    const sampler = new MemorySampler(100);
    const { documents, bytes } = documentsFor(size, shape);
    const records = enterprises * (1 + hazardsPerEnterprise);
    const pass = async (): Promise<Pass> => {
      gc();
      await sampler.takePeaks();
      const started = performance.now();
      const summary = await runSync(bench.db.prisma, emergencyConnector, documents(), { trigger: "cli" });
      const seconds = (performance.now() - started) / 1000;
      if (!summary.ok) throw new Error(`sync failed: ${summary.errors.join("; ")}`);
      return { seconds: round(seconds), recordsPerSecond: Math.round(records / seconds), counts: { ...summary.counts }, peaks: await sampler.takePeaks() };
    };
    const first = await pass();
    const second = await pass();
    await sampler.stop();
    const feedMb = round(bytes() / 1024 / 1024);
    return { size, shape, records, feedMb, database: bench.label, first, second };
  } finally {
    await bench.drop();
  }
}

function runChild(size: string, shape: Shape): Promise<SizeResult> {
  return new Promise((resolve, reject) => {
    const child = fork(process.argv[1]!, ["--size", size, "--shape", shape], { execArgv: ["--expose-gc"], stdio: ["inherit", "inherit", "inherit", "ipc"] });
    let result: SizeResult | undefined;
    child.on("message", (message) => (result = message as SizeResult));
    child.on("exit", (code) => (result && code === 0 ? resolve(result) : reject(new Error(`${shape} ${size}: exit code ${code}`))));
  });
}

function report(results: SizeResult[]): void {
  console.log(`\nemergency feed → ${results[0]?.database}, ${new Date().toISOString()}, node ${process.version}`);
  console.table(
    results.flatMap((r) =>
      (["first", "second"] as const).map((which) => ({
        feed: `${r.size} (${r.records} records, ${r.feedMb} MB)`,
        shape: r.shape === "whole" ? "one document" : `pages of ${PAGE} enterprises`,
        run: which === "first" ? "first load (created)" : "again (unchanged)",
        seconds: r[which].seconds,
        "records/s": r[which].recordsPerSecond,
        "peak RSS MB": r[which].peaks.rssMb,
        "peak heap MB": r[which].peaks.heapUsedMb,
        counts: Object.entries(r[which].counts).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(", "),
      })),
    ),
  );
}

const round = (n: number) => Math.round(n * 100) / 100;

async function main(): Promise<void> {
  const sizeIndex = process.argv.indexOf("--size");
  if (sizeIndex >= 0) {
    const result = await measureSize(process.argv[sizeIndex + 1]!, process.argv[process.argv.indexOf("--shape") + 1] as Shape);
    process.send!(result);
    return;
  }
  const sizes = (process.env.BENCH_SIZES ?? "2000x10,10000x10").split(",").map((s) => s.trim());
  const malformed = sizes.filter((size) => !/^\d+x\d+$/.test(size));
  if (malformed.length > 0) throw new Error(`BENCH_SIZES: expected <enterprises>x<hazards per enterprise>, e.g. 2000x10, got ${malformed.join(", ")}`);
  const results: SizeResult[] = [];
  for (const shape of ["whole", "paged"] as const) {
    for (const size of sizes) {
      console.log(`running ${size}, ${shape}…`);
      results.push(await runChild(size, shape));
    }
  }
  report(results);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
