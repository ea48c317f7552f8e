/**
 * graphql-ws on the HTTP server's port and path. The token is checked once in
 * connection_init (a bad one closes the socket with 4403 Forbidden), and the
 * socket is closed with 4403 too when the token expires; every
 * operation is then parsed and validated with the same limit rules as HTTP and
 * gets its own context (and so its own loaders).
 */
import type { Server } from "node:http";
import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type ExecutionArgs, type ExecutionResult, type GraphQLSchema, type ParseOptions, type ValidationRule } from "graphql";
import { CloseCode, MessageType, type SubscribePayload } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import { log } from "../log.js";
import { WebSocketServer, type WebSocket } from "ws";
import type { Principal } from "../access/index.js";
import type { HubContext } from "../graph/context.js";
import { ErrorCode } from "../errors/hub-error.js";
import { operationRefusal } from "./operation-guards.js";
import type { TrustedDocuments } from "./trusted-documents.js";
import { tooLong } from "./format-error.js";
import { clientOf } from "./rate-limit.js";
import type { LiveSink } from "./shared-subscriptions.js";

export interface WsServerOptions {
  httpServer: Server;
  path: string;
  schema: GraphQLSchema;
  rules: ValidationRule[];
  parseOptions: ParseOptions;
  /** Largest message accepted, in bytes: a larger one closes the socket (1009). */
  maxPayload: number;
  /** Operations one socket may run at once; one more is refused with QUERY_TOO_COMPLEX. */
  maxOperations: number;
  /** Operations one client (token subject, or address when anonymous) may run at once over all its sockets. */
  maxPerClient: number;
  /** Counts an operation of a client against the rate limit; false refuses it (RATE_LIMITED). */
  mayRun?: (client: string) => Promise<boolean>;
  /** The operations some principals are held to. */
  trusted: TrustedDocuments;
  /** Leave the schema's names out of validation errors (no "Did you mean …"), as over HTTP. */
  hideSchemaDetails: boolean;
  /** Resolves the connection's principal, or rejects when its credentials are refused. */
  authenticate: (connectionParams: Record<string, unknown> | undefined) => Promise<Principal>;
  context: (principal: Principal) => HubContext;
  /** Called with each result's context once it is sent. */
  afterResult: (context: HubContext) => Promise<void>;
  /** Executes subscription operations, writing their results to the operation's sink (multiplexed: shared-subscriptions.ts). */
  subscribe: (args: ExecutionArgs, sink: LiveSink) => Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult>;
}

type ConnectionState = {
  principal?: Principal;
  /** Who the per-client limit counts this socket's operations for. */
  client?: string;
  /** Ids of the operations running on the socket. */
  running?: Set<string>;
};

/**
 * How often each socket is pinged to find connections that died without a
 * close (graphql-ws's default is 12 s): a wall of 10,000 screens at 12 s is
 * 830 pings and pongs a second; at 30 s, 330.
 */
const KEEP_ALIVE_MS = 30_000;

export function startWsServer(options: WsServerOptions) {
  const perClient = new Map<string, number>();
  const release = (client: string | undefined) => {
    if (client === undefined) return;
    const left = (perClient.get(client) ?? 1) - 1;
    if (left > 0) perClient.set(client, left);
    else perClient.delete(client);
  };
  /** Each subscription's sink, by the context its operation runs with. */
  const sinks = new WeakMap<object, LiveSink>();
  const wss = new WebSocketServer({ server: options.httpServer, path: options.path, maxPayload: options.maxPayload });
  // A message over maxPayload makes ws close the socket with 1009 and emit an error, which graphql-ws would print
  // as an "internal error" of the server: it is the client's fault, so it is logged as such and not passed on.
  wss.on("connection", (socket) => {
    const emit = socket.emit.bind(socket);
    socket.emit = ((event: string, ...args: unknown[]) => {
      if (event === "error" && args[0] instanceof RangeError && /max payload/i.test(args[0].message)) {
        log.warn({ limit: options.maxPayload }, "a WebSocket message over the size limit: connection closed with 1009");
        return true;
      }
      return emit(event, ...args);
    }) as typeof socket.emit;
  });
  /** The operation's document, or the errors that refuse it: the rate limit, then parsing, validation and trusted documents. */
  const checkOperation = async (state: ConnectionState, payload: SubscribePayload): Promise<DocumentNode | readonly GraphQLError[]> => {
    if (options.mayRun && !(await options.mayRun(state.client!))) {
      return [new GraphQLError("more operations a minute than this client may start; retry in a minute", { extensions: { code: "RATE_LIMITED" } })];
    }
    let document;
    try {
      document = parse(payload.query, options.parseOptions);
    } catch (error) {
      return [tooLong(error as GraphQLError)];
    }
    const errors = validate(options.schema, document, [...specifiedRules, ...options.rules]);
    if (errors.length > 0) return options.hideSchemaDetails ? errors.map(withoutSuggestions) : errors;
    const refused = operationRefusal(options.trusted, state.principal!, document, payload.operationName, payload.variables);
    return refused ? [refused] : document;
  };
  const handle = useServer<Record<string, unknown> | undefined, ConnectionState>(
    {
      schema: options.schema,
      subscribe: (args) => options.subscribe(args, sinks.get(args.contextValue as object)!),
      onConnect: async (ctx) => {
        let principal: Principal;
        try {
          principal = await options.authenticate(ctx.connectionParams);
        } catch {
          return false;
        }
        ctx.extra.principal = principal;
        ctx.extra.client = clientOf(principal, ctx.extra.request.socket.remoteAddress);
        if (principal.expiresAt) closeWhenExpired(ctx.extra.socket, principal.expiresAt);
        return true;
      },
      onSubscribe: async (ctx, id, payload) => {
        const running = (ctx.extra.running ??= new Set());
        if (running.size >= options.maxOperations) {
          return [new GraphQLError(`this connection already runs ${running.size} operations; at most ${options.maxOperations} at once`, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } })];
        }
        const client = ctx.extra.client!;
        if ((perClient.get(client) ?? 0) >= options.maxPerClient) {
          return [new GraphQLError(`you already run ${options.maxPerClient} operations over your connections; at most ${options.maxPerClient} at once`, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } })];
        }
        // the slot is taken before anything is awaited, so a burst of messages cannot pass the caps together
        running.add(id);
        perClient.set(client, (perClient.get(client) ?? 0) + 1);
        const checked = await checkOperation(ctx.extra, payload);
        if (!("kind" in checked)) {
          if (running.delete(id)) release(client);
          return checked;
        }
        const contextValue = options.context(ctx.extra.principal!);
        sinks.set(contextValue, socketSink(ctx.extra.socket, id));
        return {
          schema: options.schema,
          document: checked,
          variableValues: payload.variables ?? undefined,
          operationName: payload.operationName ?? undefined,
          contextValue,
        };
      },
      onNext: async (_ctx, _id, _payload, args) => {
        await options.afterResult(args.contextValue as HubContext);
      },
      onComplete: (ctx, id) => {
        if (ctx.extra.running?.delete(id)) release(ctx.extra.client);
      },
      onClose: (ctx) => {
        // operations still running when the socket closes end with it
        for (const _id of ctx.extra.running ?? []) release(ctx.extra.client);
        ctx.extra.running?.clear();
      },
    },
    wss,
    KEEP_ALIVE_MS,
  );
  return {
    wss,
    async close() {
      await handle.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function withoutSuggestions(error: GraphQLError): GraphQLError {
  const message = error.message.replace(/ Did you mean .*\?$/, "");
  return message === error.message ? error : new GraphQLError(message, { nodes: error.nodes, extensions: error.extensions });
}

/**
 * Writes `next` messages of operation `id` straight to the socket: the payload
 * is serialised once for all the subscribers it goes to, and only the id is
 * this socket's own. Nothing is written to a socket that is closing.
 */
function socketSink(socket: WebSocket, id: string): LiveSink {
  const head = `{"id":${JSON.stringify(id)},"type":"${MessageType.Next}","payload":`;
  return {
    sendNext(payloadJson) {
      if (socket.readyState === socket.OPEN) socket.send(`${head}${payloadJson}}`);
    },
    buffered: () => socket.bufferedAmount,
  };
}

/** Closes the socket with 4403 Forbidden when the token it authenticated with expires. */
function closeWhenExpired(socket: WebSocket, expiresAt: Date): void {
  const timer = setTimeout(() => socket.close(CloseCode.Forbidden, "Forbidden: token expired"), Math.max(0, expiresAt.getTime() - Date.now()));
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
}
