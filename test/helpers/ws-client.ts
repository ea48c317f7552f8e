/** A graphql-ws client over the `ws` package (Node 20 has no global WebSocket). */
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

export function wsClient(url: string, connectionParams?: Record<string, unknown>): Client {
  return createClient({ url, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
}

/** Runs one query or mutation over the socket and returns its single result. */
export function wsExecute(client: Client, query: string, variables?: Record<string, unknown>) {
  return new Promise<{ data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }>((resolve, reject) => {
    let result: { data?: unknown; errors?: never } | undefined;
    client.subscribe(
      { query, variables },
      {
        next: (value) => (result = value as never),
        error: (error) => (Array.isArray(error) ? resolve({ errors: error as never }) : reject(error)),
        complete: () => resolve(result ?? {}),
      },
    );
  });
}
