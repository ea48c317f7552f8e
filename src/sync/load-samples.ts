/**
 * Loads every connector's sample feeds through the real connectors (demo data
 * for `npm start`), placed at `placeAt` (`emhub serve`: the load time, so
 * warnings are in force and deadlines ahead) or as shipped (null: the tests'
 * fixed data).
 */
import { ALL_CONNECTORS } from "../../connectors/index.js";
import type { Prisma } from "../data/database.js";
import { runSync, type SyncSummary } from "./run-sync.js";
import { sampleDocuments } from "./sample-documents.js";

export async function loadSamples(prisma: Prisma, options: { trigger: "startup" | "cli"; placeAt: Date | null }): Promise<SyncSummary[]> {
  const summaries: SyncSummary[] = [];
  for (const connector of ALL_CONNECTORS) summaries.push(await runSync(prisma, connector, sampleDocuments(connector, options.placeAt), { trigger: options.trigger }));
  return summaries;
}

/** True when no connector has written anything yet (a fresh database). */
export async function isPoolEmpty(prisma: Prisma): Promise<boolean> {
  return (await prisma.syncRun.count()) === 0;
}
