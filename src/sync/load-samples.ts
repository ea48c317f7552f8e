/**
 * Loads every connector's sample feeds through the real connectors (demo data
 * for `npm start`), placed at `placement.at` (`emhub serve`: the load time,
 * so deadlines are ahead and, in their season, warnings in force) or as
 * shipped (null: the tests' fixed data).
 */
import { ALL_CONNECTORS } from "../../connectors/index.js";
import type { Prisma } from "../data/database.js";
import { runSync, type SyncSummary } from "./run-sync.js";
import { sampleDocuments, type SamplePlacement } from "./sample-documents.js";

export async function loadSamples(prisma: Prisma, options: { trigger: "startup" | "cli"; placement: SamplePlacement }): Promise<SyncSummary[]> {
  const summaries: SyncSummary[] = [];
  for (const connector of ALL_CONNECTORS) summaries.push(await runSync(prisma, connector, sampleDocuments(connector, options.placement), { trigger: options.trigger }));
  return summaries;
}

/** True when no connector has written anything yet (a fresh database). */
export async function isPoolEmpty(prisma: Prisma): Promise<boolean> {
  return (await prisma.syncRun.count()) === 0;
}
