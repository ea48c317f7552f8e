/** A graphql-ws client over the `ws` package (Node 20 has no global WebSocket). */
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { waitFor } from "./wait.js";

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

export interface Subscription<T> {
  /** The next event (waits up to `timeoutMs`). */
  next(timeoutMs?: number): Promise<T>;
  /** Events received and not yet taken. */
  pending(): T[];
  /** The error the subscription ended with, if any. */
  error(): unknown;
  stop(): void;
}

/** Subscribes and queues what arrives, so a test can await events one by one. */
export function subscribe<T = Record<string, unknown>>(client: Client, query: string, variables?: Record<string, unknown>): Subscription<T> {
  const queue: T[] = [];
  const waiters: Array<{ resolve: (value: T) => void; reject: (error: unknown) => void }> = [];
  let failure: unknown = null;
  const fail = (error: unknown) => {
    failure = error;
    for (const waiter of waiters.splice(0)) waiter.reject(new Error(`subscription failed: ${JSON.stringify(error)}`));
  };
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) return fail(result.errors);
        const waiter = waiters.shift();
        if (waiter) waiter.resolve(result.data as T);
        else queue.push(result.data as T);
      },
      error: fail,
      complete: () => {},
    },
  );
  return {
    next(timeoutMs = 60_000) {
      const queued = queue.shift();
      if (queued !== undefined) return Promise.resolve(queued);
      if (failure) return Promise.reject(new Error(`subscription failed: ${JSON.stringify(failure)}`));
      return new Promise<T>((resolve, reject) => {
        const waiter = {
          resolve: (value: T) => {
            clearTimeout(timer);
            resolve(value);
          },
          reject: (error: unknown) => {
            clearTimeout(timer);
            reject(error);
          },
        };
        // a wait that timed out takes no later event: that one is for the next call
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`no event within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    pending: () => [...queue],
    error: () => failure,
    stop,
  };
}

/**
 * Waits until `count` more subscriptions than now run on the hub: call it
 * before subscribing, await what it returns after, and the events published
 * next reach them (no fixed sleep that a busy machine outlasts).
 */
export function expectSubscriptions(hub: { subscribers(): number }, count: number): () => Promise<void> {
  const before = hub.subscribers();
  return async () => {
    try {
      await waitFor(() => hub.subscribers() >= before + count, { what: `${count} subscriptions to start` });
    } catch (error) {
      throw new Error(`${(error as Error).message} (${before} ran before, ${hub.subscribers()} run now)`);
    }
  };
}
