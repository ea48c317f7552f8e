/**
 * Wires the hub: database and migrations, the GraphQL schema, Apollo Server on
 * express with graphql-ws on the same port and path, health routes, and a
 * graceful stop that drains HTTP and WebSocket connections.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import path from "node:path";
import { loadCatalog } from "../access/index.js";
import type { HubConfig } from "../config/config.js";
import { SCHEMA_DIR } from "../config/paths.js";
import { openDatabase, type Database } from "../data/database.js";
import { migrate } from "../data/migrate.js";
import type { HubContext } from "../graph/context.js";
import { hubSchema } from "../graph/schema.js";
import { formatHubError } from "./format-error.js";
import { healthRoutes } from "./health.js";
import { createAuthenticator, credentialsFromConnectionParams } from "./authenticate.js";
import { contextFor, flushAudit, principalFor, type ContextDeps } from "./request-context.js";
import { operationLimitRules } from "./validation-rules.js";
import { startWsServer } from "./ws.js";

export const GRAPHQL_PATH = "/graphql";
export const CATALOG_FILE = path.join(SCHEMA_DIR, "sharing-catalog.yaml");

export interface Hub {
  /** http://host:port of the running server. */
  url: string;
  port: number;
  db: Database;
  config: HubConfig;
  stop(): Promise<void>;
}

export interface HubOptions {
  /** Use this database instead of opening one (tests share one per file). */
  db?: Database;
}

export async function startHub(config: HubConfig, options: HubOptions = {}): Promise<Hub> {
  const db = options.db ?? (await openDatabase(config));
  await migrate(db.prisma);
  const deps: ContextDeps = { db, config, catalog: loadCatalog(CATALOG_FILE), auth: await createAuthenticator(config) };
  const schema = await hubSchema();
  const rules = operationLimitRules(config.limits);
  const app = express();
  const httpServer = http.createServer(app);
  let draining = false;

  const ws = startWsServer({
    httpServer,
    path: GRAPHQL_PATH,
    schema,
    rules,
    authenticate: (params) => principalFor(deps, credentialsFromConnectionParams(params)),
    context: (principal) => contextFor(deps, principal),
    afterResult: flushAudit,
  });
  const apollo = new ApolloServer<HubContext>({
    schema,
    validationRules: rules,
    formatError: formatHubError,
    introspection: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { async serverWillStart() { return { async drainServer() { await ws.close(); } }; } },
      { async requestDidStart() { return { async willSendResponse({ contextValue }) { await flushAudit(contextValue); } }; } },
    ],
  });
  await apollo.start();

  app.use(healthRoutes(db, () => draining));
  app.use(GRAPHQL_PATH, express.json({ limit: "1mb" }), expressMiddleware(apollo, { context: async ({ req }) => contextFor(deps, await principalFor(deps, req.headers.authorization)) }));

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    db,
    config,
    async stop() {
      draining = true;
      await apollo.stop();
      if (!options.db) await db.close();
    },
  };
}
