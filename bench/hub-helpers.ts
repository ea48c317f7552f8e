/** What the benchmarks that run a hub process share: their own token issuer, the hub's CPU time and memory, waiting for it to go idle, a scratch database. */
import fs from "node:fs";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import pg from "pg";

/** A new ES256 issuer for this run: its config for EMHUB_ISSUERS, and tokens of a province emergency supervisor. */
export async function benchIssuer() {
  const issuer = "https://bench.emhub.invalid";
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid: "bench-1", alg: "ES256", use: "sig" };
  return {
    config: { issuer, audience: "emhub", algorithms: ["ES256"], publicJwk },
    sign: (subject: string) =>
      new SignJWT({ dept: "EMERGENCY", roles: ["SUPERVISOR"], region: "410000" })
        .setProtectedHeader({ alg: "ES256", typ: "JWT", kid: "bench-1" })
        .setIssuer(issuer)
        .setAudience("emhub")
        .setSubject(subject)
        .setIssuedAt()
        .setExpirationTime("12h")
        .sign(privateKey),
  };
}

/** CPU time (user + system) the process has used, in ms (from /proc). */
export function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Waits until the process has used under 100 ms of CPU in two 2 s windows in a row (its start-up work is done). */
export async function settle(pid: number): Promise<void> {
  let quiet = 0;
  let before = cpuMs(pid);
  while (quiet < 2) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const after = cpuMs(pid);
    quiet = after - before < 100 ? quiet + 1 : 0;
    before = after;
  }
}

/** Resident set size of the process, in kB (from /proc). */
export const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]);

/**
 * A hub's JavaScript heap after a full collection (the hub runs with
 * --expose-gc), in MB. `external` is left out: it holds the embedded
 * database's WebAssembly memory, which moves by megabytes on its own.
 */
export async function heapMb(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics?gc=1`)).text();
  return Number(/^nodejs_heap_size_used_bytes (\S+)$/m.exec(text)?.[1] ?? Number.NaN) / 1024 / 1024;
}

/** A scratch database on the server of `url` for hub processes to share, dropped at the end. */
export async function scratchServerDatabase(url: string, prefix: string) {
  const name = `${prefix}_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return {
    url: scratch.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
export const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Prints each failure (the conditions given as false are none) and exits 1 when there is one. */
export function exitOnFailures(conditions: Array<string | false>): void {
  const failures = conditions.filter((c): c is string => c !== false);
  for (const failure of failures) console.error(`FAIL: ${failure}`);
  if (failures.length > 0) process.exit(1);
}
