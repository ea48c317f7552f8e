/**
 * The embedded PGlite database in the data folder, private to the process
 * that opens it: the folder is readable by its owner only, the database is
 * served on a Unix socket inside it (never on a TCP port another local user
 * could reach), and a lock keeps a second process from opening the same
 * folder, where its writes would be lost.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import lockfile from "proper-lockfile";

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

export async function startEmbedded(dataDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = path.join(dataDir, "pglite");
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  makePrivate(dataDir);
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, { lockfilePath: path.join(dataDir, "pglite.lock"), stale: 15_000, update: 5_000 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ELOCKED") throw error;
    throw new EmbeddedDatabaseInUse(
      `the embedded database in ${dir} is in use by another emhub process: stop it first, push documents to its POST /ingest instead, or give both the same DATABASE_URL`,
    );
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const db = await PGlite.create(dir);
  const socket = socketFolder(dataDir);
  const server = new PGLiteSocketServer({ db, path: path.join(socket.dir, SOCKET_FILE), maxConnections: 4 });
  await server.start();
  fs.chmodSync(path.join(socket.dir, SOCKET_FILE), 0o600);
  return {
    url: `postgres://postgres@localhost/postgres?host=${encodeURIComponent(socket.dir)}&sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
      socket.remove();
      makePrivate(dir);
      await release();
    },
  };
}
