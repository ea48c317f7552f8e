/**
 * Requests per minute per client (express-rate-limit): each bearer token is
 * its own client, and callers without one are counted by address — counting
 * by address alone would throttle a whole department behind one gateway.
 * With REDIS_URL the counts live in Redis (rate-limit-redis), so the limit
 * holds across instances; if Redis is away, requests pass rather than fail.
 * WebSocket operations are counted against the same limit.
 * Over the limit: 429 with Retry-After and the RateLimit headers.
 */
import crypto from "node:crypto";
import type { Request, RequestHandler } from "express";
import { ipKeyGenerator, MemoryStore, rateLimit, type Store } from "express-rate-limit";
import { Redis } from "ioredis";
import { RedisStore, type RedisReply } from "rate-limit-redis";
import { sendError } from "./error-body.js";

const WINDOW_MS = 60_000;

export interface ClientLimiter {
  /** The middleware for HTTP routes. */
  http: RequestHandler;
  /** Counts one WebSocket operation of `client`; false when it is over the limit. */
  take(client: string): Promise<boolean>;
  close(): Promise<void>;
}

/** The client a request counts for: its bearer token, or its address. */
export function clientOfRequest(req: Request): string {
  const authorization = req.headers.authorization;
  if (authorization) return `token:${crypto.createHash("sha256").update(authorization).digest("base64url")}`;
  return `address:${ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? "unknown")}`;
}

/** A limiter of `perMinute` requests per client, shared through Redis when `redisUrl` is given; null when the limit is 0 (off). */
export function clientLimiter(perMinute: number, redisUrl: string | null): ClientLimiter | null {
  if (perMinute <= 0) return null;
  // commands wait for a connection (the store loads its script at once), but never longer than a second
  const redis = redisUrl ? new Redis(redisUrl, { maxRetriesPerRequest: 1, commandTimeout: 1000 }) : null;
  redis?.on("error", () => {}); // the event bus reports Redis's state; requests pass meanwhile (passOnStoreError)
  const store: Store = redis
    ? new RedisStore({ prefix: "emhub:rate:", sendCommand: (command: string, ...args: string[]) => redis.call(command, ...args) as Promise<RedisReply> })
    : new MemoryStore();
  const http = rateLimit({
    windowMs: WINDOW_MS,
    limit: perMinute,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    keyGenerator: clientOfRequest,
    store,
    passOnStoreError: true,
    handler: (_req, res, _next, options) => {
      sendError(res, options.statusCode, "RATE_LIMITED", `more than ${perMinute} requests a minute from this client; retry after the time in Retry-After`);
    },
  });
  return {
    http,
    async take(client) {
      try {
        return (await store.increment(client)).totalHits <= perMinute;
      } catch {
        return true;
      }
    },
    async close() {
      redis?.disconnect();
      store.shutdown?.();
    },
  };
}
