/**
 * The embedded database's own thread: PGlite (PostgreSQL compiled to
 * WebAssembly) and its socket server run here, so that the database's work
 * does not take turns with the hub's requests and live deliveries on the main
 * thread. Plain JavaScript, so that the same file runs under the tests
 * (TypeScript sources) and the built hub. The main thread (embedded.ts) holds
 * the data folder's lock and talks to the database over the socket.
 *
 * workerData: { dir, socketPath }. Posts { ready: true } or { error }; on
 * "stop", stops the server and the database and posts { stopped: true }.
 */
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const { dir, socketPath } = workerData;
try {
  const db = await PGlite.create(dir);
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 4 });
  await server.start();
  parentPort.on("message", async (message) => {
    if (message !== "stop") return;
    await server.stop();
    await db.close();
    parentPort.postMessage({ stopped: true });
  });
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) });
}
