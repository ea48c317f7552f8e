/**
 * Requests per minute per client (express-rate-limit): each verified
 * principal (issuer and subject) is its own client, however its header is
 * spelled, and callers without a valid token are counted by address —
 * counting by address alone would throttle a whole department behind one
 * gateway. With REDIS_URL the counts live in Redis (rate-limit-redis), so the
 * limit holds across instances; while Redis does not answer, each instance
 * counts on its own (fallback-store.ts) and tries Redis again.
 * WebSocket operations are counted against the same limit.
 * Over the limit: 429 with Retry-After and the RateLimit headers.
 */
import type { Request, RequestHandler, Response } from "express";
import { ipKeyGenerator, MemoryStore, rateLimit, type Store } from "express-rate-limit";
import { Redis } from "ioredis";
import { RedisStore, type RedisReply } from "rate-limit-redis";
import type { Principal } from "../access/index.js";
import { sendError } from "./error-body.js";
import { FallbackStore, type SharedStoreState } from "./fallback-store.js";

const WINDOW_MS = 60_000;

export interface ClientLimiter {
  /** The middleware for HTTP routes (after identifyRequest). */
  http: RequestHandler;
  /** Counts one WebSocket operation of `client`; false when it is over the limit. */
  take(client: string): Promise<boolean>;
  /** "local": counted in this process; "shared": in Redis; "fallback": Redis does not answer, counted here meanwhile. */
  state(): SharedStoreState;
  close(): Promise<void>;
}

/** The client a principal counts for: who the token's issuer says it is, or the address of an anonymous caller. */
export function clientOf(principal: Principal | undefined, address: string | undefined): string {
  if (principal && !principal.anonymous) return `principal:${principal.issuer ?? ""}|${principal.subject}`;
  return `address:${ipKeyGenerator(address ?? "unknown")}`;
}

/** The address a request came from (behind a trusted proxy, as Express's `trust proxy` says). */
function addressOf(req: Request): string | undefined {
  return req.ip ?? req.socket.remoteAddress;
}

/** The window a limit counts in: its length and how a refusal names it. */
export interface LimitWindow {
  ms: number;
  /** "a minute", "an hour" */
  name: string;
  /** The Redis key part of this limit's counts */
  key: string;
}

const A_MINUTE: LimitWindow = { ms: WINDOW_MS, name: "a minute", key: "rate:" };

/** A limiter of `perMinute` requests per client (per `window`), shared through Redis when `redisUrl` is given; null when the limit is 0 (off). */
export function clientLimiter(perMinute: number, redis: { url: string; prefix: string } | null, window: LimitWindow = A_MINUTE): ClientLimiter | null {
  if (perMinute <= 0) return null;
  let store: Store & { state?: () => SharedStoreState };
  let client: Redis | null = null;
  if (redis) {
    // a request never waits long for Redis: a slow reply makes the store count locally and try again later
    client = new Redis(redis.url, { maxRetriesPerRequest: 1, commandTimeout: 1000 });
    client.on("error", () => {}); // the fallback store logs state changes; the event bus reports Redis's own state
    const shared = new RedisStore({ prefix: `${redis.prefix}${window.key}`, sendCommand: (command: string, ...args: string[]) => client!.call(command, ...args) as Promise<RedisReply> });
    store = new FallbackStore(shared, new MemoryStore());
  } else {
    store = new MemoryStore();
  }
  const http = rateLimit({
    windowMs: window.ms,
    limit: perMinute,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    keyGenerator: (req: Request, res: Response) => clientOf((res.locals as { principal?: Principal }).principal, addressOf(req)),
    store,
    passOnStoreError: true,
    handler: (_req, res, _next, options) => {
      sendError(res, options.statusCode, "RATE_LIMITED", `more than ${perMinute} requests ${window.name} from this client; retry after the time in Retry-After`);
    },
  });
  return {
    http,
    async take(key) {
      try {
        return (await store.increment(key)).totalHits <= perMinute;
      } catch {
        return true;
      }
    },
    state: () => store.state?.() ?? "local",
    async close() {
      store.shutdown?.();
      client?.disconnect();
    },
  };
}
