/**
 * Requests per minute per credential (express-rate-limit): each bearer token
 * is its own client, and callers without one are counted by address. Counting
 * by address alone would throttle a whole department behind one gateway.
 * Over the limit: 429 with Retry-After and the RateLimit headers.
 */
import crypto from "node:crypto";
import type { Request, RequestHandler } from "express";
import { ipKeyGenerator, rateLimit } from "express-rate-limit";

function clientKey(req: Request): string {
  const authorization = req.headers.authorization;
  if (authorization) return `token:${crypto.createHash("sha256").update(authorization).digest("base64url")}`;
  return `address:${ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? "unknown")}`;
}

/** A limiter of `perMinute` requests per client; null when the limit is 0 (off). */
export function rateLimitPerClient(perMinute: number): RequestHandler | null {
  if (perMinute <= 0) return null;
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    keyGenerator: clientKey,
    handler: (_req, res, _next, options) => {
      res.status(options.statusCode).json({
        errors: [{ message: `more than ${perMinute} requests a minute from this client; retry after the time in Retry-After`, extensions: { code: "RATE_LIMITED" } }],
      });
    },
  });
}
