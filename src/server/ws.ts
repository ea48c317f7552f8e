/**
 * graphql-ws on the HTTP server's port and path. The token is checked once in
 * connection_init (a bad one closes the socket with 4403 Forbidden); every
 * operation is then parsed and validated with the same limit rules as HTTP and
 * gets its own context (and so its own loaders).
 */
import type { Server } from "node:http";
import { GraphQLError, parse, specifiedRules, validate, type GraphQLSchema, type ValidationRule } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { Principal } from "../access/index.js";
import type { HubContext } from "../graph/context.js";

export interface WsServerOptions {
  httpServer: Server;
  path: string;
  schema: GraphQLSchema;
  rules: ValidationRule[];
  /** Resolves the connection's principal, or rejects when its credentials are refused. */
  authenticate: (connectionParams: Record<string, unknown> | undefined) => Promise<Principal>;
  context: (principal: Principal) => HubContext;
  /** Called with each result's context once it is sent. */
  afterResult: (context: HubContext) => Promise<void>;
}

type ConnectionState = {
  principal?: Principal;
};

export function startWsServer(options: WsServerOptions) {
  const wss = new WebSocketServer({ server: options.httpServer, path: options.path });
  const handle = useServer<Record<string, unknown> | undefined, ConnectionState>(
    {
      schema: options.schema,
      onConnect: async (ctx) => {
        try {
          ctx.extra.principal = await options.authenticate(ctx.connectionParams);
          return true;
        } catch {
          return false;
        }
      },
      onSubscribe: async (ctx, _id, payload) => {
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error as GraphQLError];
        }
        const errors = validate(options.schema, document, [...specifiedRules, ...options.rules]);
        if (errors.length > 0) return errors;
        return {
          schema: options.schema,
          document,
          variableValues: payload.variables ?? undefined,
          operationName: payload.operationName ?? undefined,
          contextValue: options.context(ctx.extra.principal!),
        };
      },
      onNext: async (_ctx, _id, _payload, args) => {
        await options.afterResult(args.contextValue as HubContext);
      },
    },
    wss,
  );
  return {
    wss,
    async close() {
      await handle.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
