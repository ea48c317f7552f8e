/**
 * GET /healthz: the process is alive. GET /readyz: the database answers
 * (degraded, with the reason, while writes are refused for a full disk;
 * and how the rate limit counts: "shared" in Redis, "fallback" while Redis
 * does not answer, "local" without Redis, "off").
 * GET /metrics: Prometheus metrics (metrics.ts; with `?gc=1` a garbage
 * collection first, when node runs with --expose-gc), for the bearer of
 * EMHUB_METRICS_TOKEN when it is set, and not at all in production without it.
 */
import { Router } from "express";
import type { Registry } from "prom-client";
import type { Database } from "../data/database.js";
import { log } from "../log.js";
import { sendError } from "./error-body.js";

export interface HealthOptions {
  isDraining: () => boolean;
  /** The hub's Prometheus registry. */
  metrics: Registry;
  /** Whether a scrape with this Authorization header may read the metrics (metrics.ts). */
  metricsAccess: (authorization: string | undefined) => "ok" | "unauthorized" | "closed";
  /** Conditions that do not stop this instance serving but an operator should see (the rate limit's store). */
  conditions?: () => Record<string, string>;
  /** Why writes are refused now (a full disk), or null: reads go on, so the instance stays ready, "degraded". */
  writeRefusal?: () => string | null;
}

export function healthRoutes(db: Database, options: HealthOptions): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    if (options.isDraining()) {
      res.status(503).json({ status: "draining" });
      return;
    }
    try {
      await db.sql("SELECT 1");
      const writes = options.writeRefusal?.();
      if (writes) {
        res.json({ status: "degraded", database: db.mode, writes: writes, ...options.conditions?.() });
        return;
      }
      res.json({ status: "ready", database: db.mode, ...options.conditions?.() });
    } catch (error) {
      // the reason (it may name hosts) is for the operator's log, not for anonymous callers
      log.warn({ err: error }, "readyz: the database does not answer");
      res.status(503).json({ status: "unavailable", database: db.mode });
    }
  });
  router.get("/metrics", async (req, res) => {
    const access = options.metricsAccess(req.headers.authorization);
    if (access === "unauthorized") return sendError(res, 401, "UNAUTHENTICATED", "the metrics need the bearer token of EMHUB_METRICS_TOKEN");
    if (access === "closed") return sendError(res, 403, "FORBIDDEN", "in production the metrics are served only with EMHUB_METRICS_TOKEN set");
    const gc = (globalThis as { gc?: () => void }).gc;
    if (req.query.gc === "1" && gc) gc();
    res.type(options.metrics.contentType).send(await options.metrics.metrics());
  });
  return router;
}
