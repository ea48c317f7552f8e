/** One run of a connector from its configured sources, or from its sample feeds (placed at now) when none are configured (`emhub sync`). */
import type { Connector } from "../../connectors/types.js";
import { connectorSyncConfig, type SyncConfig } from "../config/sync-config.js";
import type { Prisma } from "../data/database.js";
import { runSync, type SyncOptions, type SyncSummary } from "./run-sync.js";
import { sampleDocuments } from "./sample-documents.js";
import { readSources } from "./source-client.js";

export interface SyncConnectorOptions extends SyncOptions {
  /** Stops fetching (the hub is shutting down). */
  signal?: AbortSignal;
}

export function syncConnector(prisma: Prisma, connector: Connector, config: SyncConfig, options: SyncConnectorOptions): Promise<SyncSummary> {
  const { sources, territory } = connectorSyncConfig(config, connector.name);
  const documents = sources ? readSources(sources, { ...config.fetch, signal: options.signal }) : sampleDocuments(connector, { at: new Date() });
  return runSync(prisma, connector, documents, { territory, ...options });
}
