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
/**
 * A TCP relay on a free port to `target`, for cutting a service off from the
 * hub: while stalled it holds every connection without an answer (a service
 * slow to answer at start); release() lets the held and later connections
 * through; cut() drops every connection and refuses new ones (a service gone)
 * until release().
 */
export async function tcpRelay(target: { host: string; port: number }, options: { stalled?: boolean } = {}) {
  let mode: "stall" | "relay" | "refuse" = options.stalled ? "stall" : "relay";
  const waiting: Array<() => void> = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => {});
    if (mode === "refuse") return client.destroy();
    client.pause();
    const relay = () => {
      const upstream = net.connect(target.port, target.host);
      sockets.add(upstream);
      upstream.on("close", () => sockets.delete(upstream));
      upstream.on("error", () => client.destroy());
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
      client.pipe(upstream).pipe(client);
      client.resume();
    };
    if (mode === "stall") waiting.push(relay);
    else relay();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    release() {
      mode = "relay";
      for (const relay of waiting.splice(0)) relay();
    },
    cut() {
      mode = "refuse";
      for (const socket of sockets) socket.destroy();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
