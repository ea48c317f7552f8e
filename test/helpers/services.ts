/** Real services for the suites that need them: named by TEST_DATABASE_URL / TEST_REDIS_URL, skipped (with the reason printed) without. */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? null;
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? null;

/** Prints why a suite does not run here (CI sets both variables, so there it always runs). */
export function skipReason(...needs: Array<[string, string | null]>): string | null {
  const missing = needs.filter(([, value]) => !value).map(([name]) => name);
  if (missing.length === 0) return null;
  const reason = `needs ${missing.join(" and ")} (see README, Tests)`;
  console.warn(`[skipped] ${reason}`);
  return reason;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export const hasRedisServer = () => ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].some((path) => fs.existsSync(path));

/** A private redis-server on `port` that a test may stop and start again. */
export async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  for (let i = 0; i < 50; i++) {
    if (await canConnect(port)) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`redis-server did not start on ${port}`);
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

/** Polls until `check` holds (or fails after `timeoutMs`). */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
