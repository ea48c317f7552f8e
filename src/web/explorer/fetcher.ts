/**
 * GraphiQL's fetcher for the hub: queries and mutations over HTTP POST,
 * subscriptions over graphql-ws on the same path. The bearer token of the
 * token field goes with both (as the Authorization header, and as
 * connectionParams.authorization on the WebSocket); headers typed in the
 * headers editor are sent over HTTP as they are.
 */
import type { Fetcher } from "@graphiql/toolkit";
import { Kind, parse, type OperationDefinitionNode } from "graphql";
import { createClient, type Client } from "graphql-ws";

function isSubscription(query: string, operationName: string | null | undefined): boolean {
  try {
    const operations = parse(query).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
    return operation?.operation === "subscription";
  } catch {
    return false; // the server answers a syntax error better than the fetcher would
  }
}

export function hubFetcher(endpoint: string, token: () => string): Fetcher {
  let socket: { client: Client; token: string } | null = null;
  const wsClient = () => {
    if (socket?.token !== token()) {
      void socket?.client.dispose();
      const current = token();
      const url = new URL(endpoint, window.location.href);
      url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
      socket = { token: current, client: createClient({ url: url.href, lazy: true, connectionParams: current ? { authorization: `Bearer ${current}` } : {} }) };
    }
    return socket.client;
  };

  return async (params, opts) => {
    if (isSubscription(params.query, params.operationName)) {
      return wsClient().iterate({ query: params.query, variables: params.variables ?? undefined, operationName: params.operationName ?? undefined });
    }
    const headers: Record<string, string> = { "content-type": "application/json", accept: "application/graphql-response+json, application/json", ...opts?.headers };
    if (token()) headers.authorization = `Bearer ${token()}`;
    const response = await fetch(endpoint, { method: "POST", headers, body: JSON.stringify(params) });
    return response.json();
  };
}
