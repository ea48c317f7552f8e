/**
 * Prometheus metrics (prom-client), one registry per hub: the process's
 * defaults (CPU, memory, event-loop lag, GC), HTTP requests and GraphQL
 * operations with their durations, SQL statements, sync runs and their
 * records, WebSocket clients, and the Redis event bus. GET /metrics serves
 * them in the text format.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestHandler } from "express";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { SyncSummary } from "../sync/run-sync.js";

export interface HubMetricsSources {
  websocketClients: () => number;
  redisState: () => string;
  redisBacklog: () => { waiting: number; dropped: number };
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The route a request counts under: its first path segment, so that ids and codes do not make new series. */
function routeOf(path: string): string {
  const first = path.split("/")[1] ?? "";
  return first === "" ? "/" : `/${first}`;
}

export function createHubMetrics(sources: HubMetricsSources) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpRequests = new Histogram({ name: "emhub_http_request_duration_seconds", help: "HTTP requests by route, method and status", labelNames: ["route", "method", "status"], buckets: SECONDS, registers: [registry] });
  const operations = new Histogram({ name: "emhub_graphql_operation_duration_seconds", help: "GraphQL operations over HTTP by name, type and outcome", labelNames: ["operation", "type", "outcome"], buckets: SECONDS, registers: [registry] });
  const sqlStatements = new Counter({ name: "emhub_sql_statements_total", help: "SQL statements sent to the database", registers: [registry] });
  const syncRuns = new Counter({ name: "emhub_sync_runs_total", help: "Connector runs (pulls and pushes) by connector and outcome", labelNames: ["connector", "outcome"], registers: [registry] });
  const syncRecords = new Counter({ name: "emhub_sync_records_total", help: "Records of connector runs by connector and what became of them", labelNames: ["connector", "result"], registers: [registry] });
  new Gauge({ name: "emhub_websocket_clients", help: "Open WebSocket connections", registers: [registry], collect() { this.set(sources.websocketClients()); } });
  new Gauge({ name: "emhub_redis_up", help: "1 when the event bus's Redis is connected (0 when down, -1 when not configured)", registers: [registry], collect() { const s = sources.redisState(); this.set(s === "ready" ? 1 : s === "disabled" ? -1 : 0); } });
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
    countRun(summary: SyncSummary) {
      syncRuns.inc({ connector: summary.connector, outcome: summary.ok ? "ok" : "failed" });
      for (const result of ["created", "updated", "unchanged", "retired", "rejected"] as const) {
        syncRecords.inc({ connector: summary.connector, result }, summary.counts[result]);
      }
    },
  };
}
