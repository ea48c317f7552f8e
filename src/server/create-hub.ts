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
import type { HubConfig } from "../config/config.js";
import { openDatabase, type Database } from "../data/database.js";
import { migrate } from "../data/migrate.js";
import type { HubContext } from "../graph/context.js";
import { hubSchema } from "../graph/schema.js";
import { formatHubError } from "./format-error.js";
import { healthRoutes } from "./health.js";
import { buildContext } from "./request-context.js";
import { operationLimitRules } from "./validation-rules.js";
import { startWsServer } from "./ws.js";

export const GRAPHQL_PATH = "/graphql";

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
  const schema = await hubSchema();
  const rules = operationLimitRules(config.limits);
  const app = express();
  const httpServer = http.createServer(app);
  let draining = false;

  const ws = startWsServer({ httpServer, path: GRAPHQL_PATH, schema, rules, context: () => buildContext({ db, config }) });
  const apollo = new ApolloServer<HubContext>({
    schema,
    validationRules: rules,
    formatError: formatHubError,
    introspection: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { async serverWillStart() { return { async drainServer() { await ws.close(); } }; } },
    ],
  });
  await apollo.start();

  app.use(healthRoutes(db, () => draining));
  app.use(GRAPHQL_PATH, express.json({ limit: "1mb" }), expressMiddleware(apollo, { context: async () => buildContext({ db, config }) }));

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
