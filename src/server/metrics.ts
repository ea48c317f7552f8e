/**
 * Prometheus metrics (prom-client), one registry per hub: the process's
 * defaults (CPU, memory, event-loop lag, GC), HTTP requests and GraphQL
 * operations with their durations, SQL statements and the connection pool,
 * sync runs, their records and quarantined records, WebSocket clients,
 * subscribers and the results sent to them, and the Redis event bus (state,
 * backlog, lag). GET /metrics serves them in the text format (health.ts).
 */
import crypto from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestHandler } from "express";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { HubConfig } from "../config/config.js";
import type { SyncSummary } from "../sync/run-sync.js";

export interface HubMetricsSources {
  websocketClients: () => number;
  subscribers: () => number;
  databasePool: () => { total: number; idle: number; waiting: number; max: number };
  redisState: () => string;
  redisBacklog: () => { waiting: number; dropped: number; lagSeconds: number };
  /** off, local, shared (in Redis) or fallback (Redis does not answer: counted per instance). */
  rateLimitState: () => string;
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The route a request counts under: its first path segment, so that ids and codes do not make new series. */
function routeOf(path: string): string {
  const first = path.split("/")[1] ?? "";
  return first === "" ? "/" : `/${first}`;
}

/** A bounded label for a quarantine reason: its leading code (OUT_OF_SCOPE, IMPLAUSIBLE …), or INVALID for a validation message. */
export function quarantineKind(reason: string): string {
  return /(?:^|: )([A-Z][A-Z_]{3,}):/.exec(reason)?.[1] ?? "INVALID";
}

export function createHubMetrics(sources: HubMetricsSources) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpRequests = new Histogram({ name: "emhub_http_request_duration_seconds", help: "HTTP requests by route, method and status", labelNames: ["route", "method", "status"], buckets: SECONDS, registers: [registry] });
  const operations = new Histogram({ name: "emhub_graphql_operation_duration_seconds", help: "GraphQL operations over HTTP by name, type and outcome", labelNames: ["operation", "type", "outcome"], buckets: SECONDS, registers: [registry] });
  const sqlStatements = new Counter({ name: "emhub_sql_statements_total", help: "SQL statements sent to the database", registers: [registry] });
  const syncRuns = new Counter({ name: "emhub_sync_runs_total", help: "Connector runs (pulls and pushes) by connector and outcome", labelNames: ["connector", "outcome"], registers: [registry] });
  const syncRecords = new Counter({ name: "emhub_sync_records_total", help: "Records of connector runs by connector and what became of them", labelNames: ["connector", "result"], registers: [registry] });
  const quarantined = new Counter({ name: "emhub_quarantined_records_total", help: "Records quarantined by connector runs, by connector and reason", labelNames: ["connector", "reason"], registers: [registry] });
  const delivered = new Counter({ name: "emhub_subscription_events_delivered_total", help: "Subscription results sent to subscribers", registers: [registry] });
  const dropped = new Counter({ name: "emhub_subscription_subscribers_dropped_total", help: "Subscriptions ended because the subscriber fell too far behind", registers: [registry] });
  new Gauge({ name: "emhub_websocket_clients", help: "Open WebSocket connections", registers: [registry], collect() { this.set(sources.websocketClients()); } });
  new Gauge({ name: "emhub_subscribers", help: "Active subscriptions", registers: [registry], collect() { this.set(sources.subscribers()); } });
  new Gauge({
    name: "emhub_database_pool_connections",
    help: "Database pool: connections open, idle, the pool's maximum, and queries waiting for a connection",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const pool = sources.databasePool();
      this.set({ state: "open" }, pool.total);
      this.set({ state: "idle" }, pool.idle);
      this.set({ state: "max" }, pool.max);
      this.set({ state: "waiting" }, pool.waiting);
    },
  });
  new Gauge({ name: "emhub_events_lag_seconds", help: "Age of the last event read from the Redis stream when it was read", registers: [registry], collect() { this.set(sources.redisBacklog().lagSeconds); } });
  new Gauge({ name: "emhub_redis_up", help: "1 when the event bus's Redis is connected (0 when down, -1 when not configured)", registers: [registry], collect() { const s = sources.redisState(); this.set(s === "ready" ? 1 : s === "disabled" ? -1 : 0); } });
  new Gauge({
    name: "emhub_rate_limit_shared",
    help: "1 when the rate limit counts in Redis, 0 while Redis does not answer and each instance counts alone, -1 when not shared (no Redis, or no limit)",
    registers: [registry],
    collect() {
      const s = sources.rateLimitState();
      this.set(s === "shared" ? 1 : s === "fallback" ? 0 : -1);
    },
  });
  new Gauge({ name: "emhub_events_waiting", help: "Events waiting in the outbox for Redis", registers: [registry], collect() { this.set(sources.redisBacklog().waiting); } });
  new Gauge({ name: "emhub_events_dropped", help: "Events dropped because the outbox was full, since start", registers: [registry], collect() { this.set(sources.redisBacklog().dropped); } });

  const http: RequestHandler = (req, res, next) => {
    const end = httpRequests.startTimer({ route: routeOf(req.path), method: req.method });
    res.once("finish", () => end({ status: String(res.statusCode) }));
    next();
  };

  const apolloPlugin: ApolloServerPlugin = {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, operation, errors }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          operations.observe({ operation: operationName ?? "(anonymous)", type: operation?.operation ?? "(none)", outcome: errors?.length ? "error" : "ok" }, seconds);
        },
      };
    },
  };

  return {
    registry,
    http,
    apolloPlugin,
    countStatement: () => sqlStatements.inc(),
    countDelivered: (count: number) => delivered.inc(count),
    countDropped: () => dropped.inc(),
    countRun(summary: SyncSummary) {
      syncRuns.inc({ connector: summary.connector, outcome: summary.ok ? "ok" : "failed" });
      for (const result of ["created", "updated", "unchanged", "retired", "rejected"] as const) {
        syncRecords.inc({ connector: summary.connector, result }, summary.counts[result]);
      }
      for (const rejection of summary.rejections) quarantined.inc({ connector: summary.connector, reason: quarantineKind(rejection.reason) });
    },
  };
}

/** Who may scrape /metrics: the bearer of EMHUB_METRICS_TOKEN when one is set; without one, anyone outside production and no one in it. */
export function metricsAccess(config: Pick<HubConfig, "metricsToken" | "production">): (authorization: string | undefined) => "ok" | "unauthorized" | "closed" {
  const expected = config.metricsToken ? Buffer.from(`Bearer ${config.metricsToken}`) : null;
  return (authorization) => {
    if (!expected) return config.production ? "closed" : "ok";
    const given = Buffer.from(authorization ?? "");
    return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? "ok" : "unauthorized";
  };
}
