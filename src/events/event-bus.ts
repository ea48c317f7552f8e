/**
 * Publishes hub events to the subscribers of this instance at once and, with
 * REDIS_URL, to every other instance through one Redis stream. Redis is an
 * addition, never a dependency: while it is away local delivery goes on, a
 * warning is logged, ioredis reconnects by itself, and no event is lost —
 * events wait in a bounded outbox until they can be added to the stream, and
 * each instance reads the stream from the last event it saw. Publish only
 * after the change is committed.
 */
import crypto from "node:crypto";
import { EventEmitter } from "node:events";
import { Redis } from "ioredis";
import type { HubEvents, Published, Topic } from "./hub-events.js";
import { log as logger } from "../log.js";

/** The Redis stream every instance adds its events to and reads the others' from. */
/** The stream events cross instances on, under the deployment's key prefix (EMHUB_REDIS_PREFIX). */
export const redisStream = (prefix: string) => `${prefix}events`;

export type RedisState = "disabled" | "connecting" | "ready" | "down";

export interface EventBus {
  publish<K extends Topic>(topic: K, event: HubEvents[K]): void;
  /** Listeners receive the event with its id (eventId), the same on every instance. */
  subscribe<K extends Topic>(topic: K, listener: (event: Published<HubEvents[K]>) => void): () => void;
  redisState(): RedisState;
  /** Events waiting for Redis to come back, events dropped because too many waited, and how old (s) the last event read from the stream was when read. */
  redisBacklog(): { waiting: number; dropped: number; lagSeconds: number };
  close(): Promise<void>;
}

interface Envelope {
  origin: string;
  topic: Topic;
  event: unknown;
}

export interface EventBusOptions {
  redisUrl?: string | null;
  /** Prefix of the hub's Redis keys (default "emhub:"): deployments sharing a Redis use their own. */
  redisPrefix?: string;
  log?: (message: string) => void;
}

export function createEventBus(options: EventBusOptions = {}): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const origin = crypto.randomUUID();
  const log = rateLimited(options.log ?? ((message) => logger.warn(message)));
  const redis = options.redisUrl ? connectRedis(options.redisUrl, redisStream(options.redisPrefix ?? "emhub:"), origin, emitter, log) : null;

  return {
    publish(topic, event) {
      const stamped = { ...event, eventId: crypto.randomUUID() };
      emitter.emit(topic, stamped);
      redis?.publish({ origin, topic, event: stamped });
    },
    subscribe(topic, listener) {
      emitter.on(topic, listener as (event: unknown) => void);
      return () => emitter.off(topic, listener as (event: unknown) => void);
    },
    redisState: () => redis?.state() ?? "disabled",
    redisBacklog: () => redis?.backlog() ?? { waiting: 0, dropped: 0, lagSeconds: 0 },
    async close() {
      emitter.removeAllListeners();
      await redis?.close();
    },
  };
}

/** The stream's length is kept near this many events (XADD MAXLEN ~). */
const STREAM_LENGTH = 10_000;
/** Events kept while Redis is away, oldest dropped first beyond it. */
const OUTBOX_LIMIT = 10_000;

function connectRedis(url: string, stream: string, origin: string, emitter: EventEmitter, log: (message: string) => void) {
  const retryStrategy = (attempt: number) => Math.min(attempt * 200, 5000);
  const publisher = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy });
  const reader = new Redis(url, { retryStrategy, maxRetriesPerRequest: null });
  let state: RedisState = "connecting";
  let closed = false;
  for (const client of [publisher, reader]) {
    client.on("error", (error: Error) => {
      state = "down";
      log(`redis: ${error.message}; events wait in this instance's outbox until it is back`);
    });
    client.on("ready", () => {
      if (publisher.status === "ready" && reader.status === "ready") state = "ready";
    });
  }

  // Publishing: every event goes through the outbox, which is emptied in order whenever Redis is there.
  const outbox: string[] = [];
  let dropped = 0;
  let flushing = false;
  const flush = async () => {
    if (flushing || closed) return;
    flushing = true;
    try {
      while (outbox.length > 0 && publisher.status === "ready") {
        await publisher.xadd(stream, "MAXLEN", "~", STREAM_LENGTH, "*", "e", outbox[0]!);
        outbox.shift();
      }
    } catch (error) {
      log(`redis publish: ${(error as Error).message}; ${outbox.length} events wait`);
    } finally {
      flushing = false;
    }
  };
  publisher.on("ready", () => void flush());

  // Reading: from the last event seen, so events added while this instance was cut off still arrive.
  let lastId: string | null = null;
  let lagSeconds = 0;
  const deliver = (message: string) => {
    try {
      const envelope = JSON.parse(message) as Envelope;
      if (envelope.origin !== origin) emitter.emit(envelope.topic, envelope.event);
    } catch (error) {
      log(`redis: ignored a malformed event (${(error as Error).message})`);
    }
  };
  const read = async () => {
    while (!closed) {
      try {
        if (lastId === null) {
          const newest = (await reader.xrevrange(stream, "+", "-", "COUNT", 1)) as Array<[string, string[]]>;
          lastId = newest[0]?.[0] ?? "0-0";
        }
        const batches = (await reader.xread("COUNT", 500, "BLOCK", 5000, "STREAMS", stream, lastId)) as Array<[string, Array<[string, string[]]>]> | null;
        for (const [, entries] of batches ?? []) {
          for (const [id, fields] of entries) {
            lastId = id;
            // a stream id starts with the Redis server's clock in ms when the event was added
            lagSeconds = Math.max(0, (Date.now() - Number(id.split("-")[0])) / 1000);
            deliver(fields[1]!);
          }
        }
      } catch (error) {
        if (closed) return;
        log(`redis read: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  };
  void read();

  return {
    state: () => state,
    /** Events waiting for Redis, events dropped because the outbox was full, and the lag of the last event read. */
    backlog: () => ({ waiting: outbox.length, dropped, lagSeconds }),
    publish(envelope: Envelope) {
      if (outbox.length >= OUTBOX_LIMIT) {
        outbox.shift();
        dropped++;
        log(`redis: the outbox is full (${OUTBOX_LIMIT} events); the oldest are dropped (${dropped} so far)`);
      }
      outbox.push(JSON.stringify(envelope));
      void flush();
    },
    async close() {
      closed = true;
      await flush();
      publisher.disconnect();
      reader.disconnect();
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
