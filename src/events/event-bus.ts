/**
 * Publishes hub events to the subscribers of this instance at once and, with
 * REDIS_URL, to every other instance through one Redis channel. Redis is an
 * addition, never a dependency: while it is away local delivery goes on, a
 * warning is logged, and ioredis reconnects by itself. Publish only after the
 * change is committed.
 */
import crypto from "node:crypto";
import { EventEmitter } from "node:events";
import { Redis } from "ioredis";
import type { HubEvents, Topic } from "./hub-events.js";

export const REDIS_CHANNEL = "emhub:events";

export type RedisState = "disabled" | "connecting" | "ready" | "down";

export interface EventBus {
  publish<K extends Topic>(topic: K, event: HubEvents[K]): void;
  subscribe<K extends Topic>(topic: K, listener: (event: HubEvents[K]) => void): () => void;
  redisState(): RedisState;
  close(): Promise<void>;
}

interface Envelope {
  origin: string;
  topic: Topic;
  event: unknown;
}

export interface EventBusOptions {
  redisUrl?: string | null;
  log?: (message: string) => void;
}

export function createEventBus(options: EventBusOptions = {}): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const origin = crypto.randomUUID();
  const log = rateLimited(options.log ?? ((message) => console.warn(`[emhub] ${message}`)));
  const redis = options.redisUrl ? connectRedis(options.redisUrl, origin, emitter, log) : null;

  return {
    publish(topic, event) {
      emitter.emit(topic, event);
      redis?.publish({ origin, topic, event });
    },
    subscribe(topic, listener) {
      emitter.on(topic, listener as (event: unknown) => void);
      return () => emitter.off(topic, listener as (event: unknown) => void);
    },
    redisState: () => redis?.state() ?? "disabled",
    async close() {
      emitter.removeAllListeners();
      await redis?.close();
    },
  };
}

function connectRedis(url: string, origin: string, emitter: EventEmitter, log: (message: string) => void) {
  const retryStrategy = (attempt: number) => Math.min(attempt * 200, 5000);
  // The publisher never queues while Redis is away: an event it cannot send is dropped (local delivery already happened).
  const publisher = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy, lazyConnect: false });
  const subscriber = new Redis(url, { retryStrategy, maxRetriesPerRequest: null });
  let state: RedisState = "connecting";
  for (const client of [publisher, subscriber]) {
    client.on("error", (error: Error) => {
      state = "down";
      log(`redis: ${error.message}; events reach this instance's subscribers only until it is back`);
    });
    client.on("ready", () => {
      if (publisher.status === "ready" && subscriber.status === "ready") state = "ready";
    });
  }
  subscriber.subscribe(REDIS_CHANNEL).catch((error: Error) => log(`redis subscribe: ${error.message}`));
  subscriber.on("message", (_channel: string, message: string) => {
    try {
      const envelope = JSON.parse(message) as Envelope;
      if (envelope.origin !== origin) emitter.emit(envelope.topic, envelope.event);
    } catch (error) {
      log(`redis: ignored a malformed event (${(error as Error).message})`);
    }
  });
  return {
    state: () => state,
    publish(envelope: Envelope) {
      if (publisher.status !== "ready") return;
      publisher.publish(REDIS_CHANNEL, JSON.stringify(envelope)).catch((error: Error) => log(`redis publish: ${error.message}`));
    },
    async close() {
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}

/** The same message at most once every 10 s. */
function rateLimited(log: (message: string) => void): (message: string) => void {
  const last = new Map<string, number>();
  return (message) => {
    const now = Date.now();
    if ((last.get(message) ?? 0) + 10_000 > now) return;
    last.set(message, now);
    log(message);
  };
}
