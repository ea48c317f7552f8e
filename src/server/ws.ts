/**
 * graphql-ws on the HTTP server's port and path. Every operation is parsed
 * and validated here with the same limit rules as HTTP, and gets its own
 * context (and so its own loaders).
 */
import type { Server } from "node:http";
import { GraphQLError, parse, specifiedRules, validate, type GraphQLSchema, type ValidationRule } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { HubContext } from "../graph/context.js";

export interface WsServerOptions {
  httpServer: Server;
  path: string;
  schema: GraphQLSchema;
  rules: ValidationRule[];
  context: (connectionParams: Record<string, unknown> | undefined) => Promise<HubContext>;
}

export function startWsServer(options: WsServerOptions) {
  const wss = new WebSocketServer({ server: options.httpServer, path: options.path });
  const handle = useServer(
    {
      schema: options.schema,
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
          contextValue: await options.context(ctx.connectionParams),
        };
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
