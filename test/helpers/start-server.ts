/**
 * Starts the real hub (Apollo on express + graphql-ws) on a free port against
 * a test database loaded with the sample feeds through the real connectors,
 * and gives a client that talks to it over HTTP as a department system would.
 */
import { print, type ExecutionResult } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { loadOrCreateDevIssuer, type DevTokenRequest } from "../../src/access/index.js";
import { loadConfig, type HubConfig } from "../../src/config/config.js";
import { startHub, type Hub } from "../../src/server/create-hub.js";
import { loadSamples } from "../../src/sync/load-samples.js";
import { createTestDatabase, type TestDatabase } from "./test-database.js";

export interface TestHub {
  hub: Hub;
  database: TestDatabase;
  graphqlUrl: string;
  wsUrl: string;
  request<R, V>(document: TypedDocumentNode<R, V> | string, variables?: V, token?: string): Promise<ExecutionResult<R> & { status: number }>;
  /** A token from the hub's development issuer (the same key the server trusts). */
  signToken(request: DevTokenRequest): Promise<string>;
  stop(): Promise<void>;
}

/**
 * `options.samples: false` starts on a database holding reference data only, for fixtures made by hand;
 * `options.placeAt` loads the samples placed at that moment (as `emhub serve` does in the samples' season:
 * the flood season's warnings in force whatever the day the suite runs), not as shipped.
 */
export async function startTestHub(overrides: Partial<HubConfig> = {}, options: { samples?: boolean; placeAt?: Date } = {}): Promise<TestHub> {
  const database = await createTestDatabase();
  if (options.samples !== false) await loadSamples(database.db.prisma, { trigger: "cli", placement: { at: options.placeAt ?? null, outOfSeason: "now" } });
  // no rate limit unless a test sets one: suites send many requests with one token
  const config: HubConfig = { ...loadConfig({}), host: "127.0.0.1", port: 0, dataDir: database.dataDir, rateLimitPerMinute: 0, ...overrides };
  const hub = await startHub(config, { db: database.db });
  const graphqlUrl = `${hub.url}/graphql`;
  const devIssuer = await loadOrCreateDevIssuer(config.dataDir);
  return {
    hub,
    database,
    graphqlUrl,
    wsUrl: graphqlUrl.replace(/^http/, "ws"),
    async request(document, variables, token) {
      const response = await fetch(graphqlUrl, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query: typeof document === "string" ? document : print(document), variables }),
      });
      return { status: response.status, ...((await response.json()) as ExecutionResult<never>) };
    },
    signToken: (request) => devIssuer.signToken(request),
    async stop() {
      await hub.stop();
      await database.drop();
    },
  };
}
