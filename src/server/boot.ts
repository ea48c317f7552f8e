/** `emhub serve`: prepare the database, load sample feeds on a fresh one, start, stop on SIGTERM. */
import type { HubConfig } from "../config/config.js";
import { openDatabase } from "../data/database.js";
import { migrate } from "../data/migrate.js";
import { writeReferenceData } from "../data/reference-data.js";
import { isPoolEmpty, loadSamples } from "../sync/load-samples.js";
import { GRAPHQL_PATH, startHub } from "./create-hub.js";
import { log } from "../log.js";

export async function serve(config: HubConfig): Promise<void> {
  const db = await openDatabase(config);
  const { applied } = await migrate(db.prisma);
  if (applied.length > 0) log.info({ migrations: applied }, "applied migrations");
  await writeReferenceData(db.prisma);
  const loadNow = config.loadSamples === "always" || (config.loadSamples === "auto" && (await isPoolEmpty(db.prisma)));
  if (loadNow) {
    for (const summary of await loadSamples(db.prisma, { trigger: "startup", placement: { at: new Date() } })) {
      const c = summary.counts;
      log.info({ connector: summary.connector, counts: c, errors: summary.errors }, `sample ${summary.connector} loaded`);
    }
  }
  const hub = await startHub(config, { db, schedule: {}, overdueCheck: true }).catch(async (error: unknown) => {
    await db.close();
    throw error;
  });
  const base = `http://localhost:${hub.port}`;
  log.info(
    { port: hub.port, database: db.mode },
    `GraphQL on ${base}${GRAPHQL_PATH} (subscriptions on ws://localhost:${hub.port}${GRAPHQL_PATH}); the command-centre page on ${base}/dashboard/; ` +
      (config.introspection ? `the explorer on ${base}/explorer/` : "the explorer off (production)"),
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "draining");
    try {
      await hub.stop();
      await db.close();
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, "stop failed");
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}
