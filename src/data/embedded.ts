/**
 * The embedded PGlite database in the data folder, private to the process
 * that opens it: the folder is readable by its owner only, the database is
 * served on a Unix socket inside it (never on a TCP port another local user
 * could reach), and a lock keeps a second process from opening the same
 * folder, where its writes would be lost. The database runs on a thread of
 * its own (embedded-worker.mjs), beside the hub's main thread.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import lockfile from "proper-lockfile";
import { PROJECT_ROOT } from "../config/paths.js";
import { log } from "../log.js";

export class EmbeddedDatabaseInUse extends Error {}

/** Longest Unix socket path the kernel takes (108 bytes on Linux, less elsewhere), with a margin. */
const MAX_SOCKET_PATH = 100;
const SOCKET_FILE = ".s.PGSQL.5432";

/** Owner-only folders and files under `dir` (PGlite writes its files readable and writable by all). */
export function makePrivate(dir: string): void {
  fs.chmodSync(dir, 0o700);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) makePrivate(file);
    else if (entry.isFile()) fs.chmodSync(file, 0o600);
  }
}

/** A folder for the socket: in the data folder, or a private temporary one when that path is too long for a socket. */
function socketFolder(dataDir: string): { dir: string; remove: () => void } {
  const inData = path.join(dataDir, "run");
  if (path.join(inData, SOCKET_FILE).length <= MAX_SOCKET_PATH) {
    fs.mkdirSync(inData, { recursive: true, mode: 0o700 });
    fs.rmSync(path.join(inData, SOCKET_FILE), { force: true }); // left by a process that was killed
    return { dir: inData, remove: () => fs.rmSync(path.join(inData, SOCKET_FILE), { force: true }) };
  }
  const temporary = fs.mkdtempSync(path.join(os.tmpdir(), "emhub-"));
  return { dir: temporary, remove: () => fs.rmSync(temporary, { recursive: true, force: true }) };
}

interface LockOwner {
  pid: number;
  host: string;
}

/** The data folders' locks this process holds. */
const held = new Set<string>();

/** Whether the process that wrote `owner` has gone: on this host, no process with its pid (or a former process with this one's pid, as in a restarted container). */
function ownerGone(owner: LockOwner, lockPath: string): boolean {
  if (owner.host !== os.hostname()) return false;
  if (owner.pid === process.pid) return !held.has(lockPath);
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/**
 * Takes the data folder's lock (proper-lockfile: a folder whose mtime the
 * holder refreshes) and notes its holder's pid beside it. A lock whose holder is
 * gone — killed, so it could not release it — is taken over at once rather
 * than after the staleness period.
 */
async function lockDataFolder(dataDir: string, dir: string): Promise<() => Promise<void>> {
  const lockPath = path.join(dataDir, "pglite.lock");
  // beside the lock, not in it: a file written into the lock folder changes its mtime, which proper-lockfile reads as a compromised lock
  const ownerFile = path.join(dataDir, "pglite.lock.owner");
  const take = async () => {
    const release = await lockfile.lock(dir, { lockfilePath: lockPath, stale: 15_000, update: 5_000 });
    fs.writeFileSync(ownerFile, JSON.stringify({ pid: process.pid, host: os.hostname() } satisfies LockOwner), { mode: 0o600 });
    held.add(lockPath);
    return async () => {
      held.delete(lockPath);
      await release();
    };
  };
  try {
    return await take();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ELOCKED") throw error;
    let owner: LockOwner | null = null;
    try {
      owner = JSON.parse(fs.readFileSync(ownerFile, "utf8")) as LockOwner;
    } catch {
      // a lock without an owner file: taken by a process that died before writing it, or by an older emhub
    }
    if (owner && ownerGone(owner, lockPath)) {
      fs.rmSync(lockPath, { recursive: true, force: true });
      return take();
    }
    throw new EmbeddedDatabaseInUse(
      `the embedded database in ${dir} is in use by another emhub process${owner ? ` (pid ${owner.pid})` : ""}: stop it first, push documents to its POST /ingest instead, or give both the same DATABASE_URL`,
    );
  }
}

const WORKER_FILE = path.join(PROJECT_ROOT, "src/data/embedded-worker.mjs");

/** Starts PGlite and its socket server on their own thread; resolves once the socket listens. */
async function startDatabaseThread(dir: string, socketPath: string): Promise<{ stop: () => Promise<void> }> {
  const worker = new Worker(WORKER_FILE, { workerData: { dir, socketPath } });
  /** The thread's next message; rejects if it fails or exits first. */
  const reply = () =>
    new Promise<{ ready?: true; stopped?: true; error?: string }>((resolve, reject) => {
      const fail = (error: Error) => {
        worker.off("message", answer);
        worker.off("exit", exited);
        reject(error);
      };
      const exited = (code: number) => fail(new Error(`the embedded database's thread exited with ${code}`));
      const answer = (message: { ready?: true; stopped?: true; error?: string }) => {
        worker.off("error", fail);
        worker.off("exit", exited);
        resolve(message);
      };
      worker.once("message", answer);
      worker.once("error", fail);
      worker.once("exit", exited);
    });
  const started = await reply();
  if (started.error) {
    await worker.terminate();
    throw new Error(`the embedded database did not start: ${started.error}`);
  }
  let stopping = false;
  // the database gone under a running hub: every query would fail from now on, so the process ends and is restarted
  worker.once("exit", (code) => {
    if (stopping) return;
    log.fatal({ code }, "the embedded database's thread ended");
    process.exit(1);
  });
  return {
    async stop() {
      stopping = true;
      const stopped = reply();
      worker.postMessage("stop");
      await stopped;
      await worker.terminate();
    },
  };
}

export async function startEmbedded(dataDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = path.join(dataDir, "pglite");
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  makePrivate(dataDir);
  const release = await lockDataFolder(dataDir, dir);
  const socket = socketFolder(dataDir);
  const socketPath = path.join(socket.dir, SOCKET_FILE);
  let database: { stop: () => Promise<void> };
  try {
    database = await startDatabaseThread(dir, socketPath);
  } catch (error) {
    socket.remove();
    await release();
    throw error;
  }
  fs.chmodSync(socketPath, 0o600);
  return {
    url: `postgres://postgres@localhost/postgres?host=${encodeURIComponent(socket.dir)}&sslmode=disable`,
    async stop() {
      await database.stop();
      socket.remove();
      makePrivate(dir);
      await release();
    },
  };
}
