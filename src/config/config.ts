/**
 * The hub's configuration, read once from the environment. Every variable is
 * documented in README.md ("Configuration"); defaults make `npm start` work on
 * a fresh machine with nothing set.
 */
import path from "node:path";
import { z } from "zod";
import { DEFAULT_RAIN_THRESHOLDS, parseRainThresholds, type RainThreshold } from "../core/rainfall.js";
import { loadSyncConfig, type SyncConfig } from "./sync-config.js";

const intFrom = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().url().optional(),
  EMHUB_DATA_DIR: z.string().default("data"),
  EMHUB_PUBLIC_URL: z.string().url().optional(),
  REDIS_URL: z.string().optional(),
  EMHUB_REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, "letters, digits and _ . : - only").default("emhub:"),
  EMHUB_KEEP_ALIVE_SECONDS: intFrom(75),
  EMHUB_MAX_DEPTH: intFrom(10),
  EMHUB_MAX_ALIASES: intFrom(30),
  EMHUB_MAX_COST: intFrom(50_000),
  EMHUB_PAGE_MAX: intFrom(200),
  EMHUB_MAX_TOKENS: intFrom(5_000),
  EMHUB_MAX_AGGREGATES: intFrom(4),
  EMHUB_MAX_ENTITIES: intFrom(1_000),
  EMHUB_WS_MAX_BYTES: intFrom(1_048_576),
  EMHUB_WS_MAX_OPERATIONS: intFrom(50),
  EMHUB_OVERDUE_INTERVAL: intFrom(300),
  EMHUB_SUBSCRIBER_BUFFER: intFrom(256),
  EMHUB_LIVE_BACKLOG: intFrom(10_000),
  EMHUB_READING_RETENTION_DAYS: intFrom(7),
  EMHUB_HYDRO_RETENTION_DAYS: intFrom(400),
  EMHUB_MONITORING_FRESHNESS: intFrom(30),
  EMHUB_ALARM_ACK_MINUTES: intFrom(15),
  EMHUB_LOAD_SAMPLES: z.enum(["auto", "always", "never"]).optional(),
  NODE_ENV: z.string().default("development"),
  EMHUB_INTROSPECTION: z.enum(["on", "off"]).optional(),
  EMHUB_LEADER_RETRY: intFrom(10),
  EMHUB_RATE_LIMIT: z.coerce.number().int().min(0).default(1200),
  EMHUB_TIPOFFS_PER_HOUR: z.coerce.number().int().min(0).default(5),
  EMHUB_STATEMENT_TIMEOUT: intFrom(30),
  EMHUB_MIN_FREE_MB: z.coerce.number().int().min(0).default(256),
  EMHUB_WS_MAX_PER_CLIENT: intFrom(200),
  EMHUB_TRUSTED_DOCUMENTS: z.string().optional(),
  EMHUB_CORS_ORIGINS: z.string().default(""),
  EMHUB_METRICS_TOKEN: z.string().min(16, "use at least 16 characters").optional(),
  EMHUB_GATEWAY_SECRET: z.string().min(16, "use at least 16 characters").optional(),
  EMHUB_BOUNDARY_FILE: z.string().optional(),
  EMHUB_RAINFALL_ALERTS: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value) return undefined;
      try {
        return parseRainThresholds(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
});

export interface HubConfig {
  port: number;
  host: string;
  /** A PostgreSQL URL, or null for the embedded PGlite database in dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  publicUrl: string;
  redisUrl: string | null;
  /** Prefix of every Redis key the hub uses (events stream, rate counts), so deployments can share one Redis. */
  redisPrefix: string;
  /** Seconds an idle keep-alive connection stays open: above the usual proxy idle timeouts (60 s). */
  keepAliveSeconds: number;
  limits: {
    maxDepth: number;
    maxAliases: number;
    maxCost: number;
    pageMax: number;
    /** Lexical tokens in one document: a longer one is refused before it is parsed further. */
    maxTokens: number;
    /** Aggregates (hazardStats, bulletin, overdueHazards) one operation may compute. */
    maxAggregates: number;
    /** Representations one `_entities` request of a gateway may carry (/subgraph). */
    maxEntities: number;
    /** Largest WebSocket message, in bytes. */
    wsMaxBytes: number;
    /** Operations (subscriptions) one WebSocket may run at once. */
    wsMaxOperations: number;
    /** Operations one client (a token's subject, or an address without one) may run at once over all its WebSockets. */
    wsMaxPerClient: number;
  };
  /** auto: load the sample feeds when the database holds no shared records yet (the default outside production); never: the default in production. */
  loadSamples: "auto" | "always" | "never";
  /** Seconds between runs of the hazard overdue check (`serve` only). */
  overdueIntervalSeconds: number;
  /** Messages that may wait on one subscriber's socket before its subscription is ended. */
  subscriberBuffer: number;
  /** Events that may wait for a group of subscribers' one execution while the hub itself is behind (a burst). */
  liveBacklog: number;
  /** Days raw monitoring readings are kept before they are folded into hourly min / max / mean. */
  readingRetentionDays: number;
  /** Days raw water-level and rainfall readings are kept (a flood season and the year to the next one) before they are folded hourly. */
  hydroRetentionDays: number;
  /** Minutes within which a monitoring point must have reported to count as online (在线监测率). */
  monitoringFreshnessMinutes: number;
  /** Minutes an alarm may stay unacknowledged before it is escalated to the county's emergency bureau. */
  alarmAckMinutes: number;
  production: boolean;
  /** Free space the embedded database's folder must keep: below it, writes are refused (507) and /readyz says so. 0: no check. */
  minFreeMegabytes: number;
  /** PostgreSQL's statement_timeout for the hub's connections, in ms (PostgreSQL only). */
  statementTimeoutMs: number;
  /** Rain accumulations that raise an alert (EMHUB_RAINFALL_ALERTS "1:20,3:50,24:50": hours:millimetres). */
  rainThresholds: RainThreshold[];
  /** A GeoJSON file of the boundaries the dashboard draws as its base map (the deployment's official map data); null: the province's extent. */
  boundaryFile: string | null;
  /** The secret the deployment's gateway shows the hub's /subgraph (federation/gateway-trust.ts); none: no gateway is trusted. */
  gatewaySecret: string | null;
  /** The bearer token a Prometheus scraper sends to GET /metrics; none: open outside production, closed in it. */
  metricsToken: string | null;
  /** Browser origins allowed to call the hub (CORS), e.g. a dashboard's https://yjzh.example.gov.cn; empty: none. */
  corsOrigins: string[];
  /** Roles (and "anonymous") that may run only the operations of schema/operations/; empty: none. */
  trustedDocumentRoles: string[];
  /** Requests per minute per client (bearer token, or address without one) on /graphql, /ingest and the file routes; 0: no limit. */
  rateLimitPerMinute: number;
  /** 12350 tip-offs an hour per client (address) at POST /tipoffs; 0: no limit of its own. */
  tipOffsPerHour: number;
  /** Seconds between a standby instance's tries to take over the schedule of pulls. */
  leaderRetrySeconds: number;
  /** Whether the schema may be introspected (GraphiQL needs it): off in production unless EMHUB_INTROSPECTION=on. */
  introspection: boolean;
  /** Each connector's sources and schedule, and how sources are fetched (sync-config.ts). */
  sync: SyncConfig;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`invalid configuration: ${issues}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL ?? null,
    dataDir: path.resolve(e.EMHUB_DATA_DIR),
    publicUrl: e.EMHUB_PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    redisUrl: e.REDIS_URL || null,
    redisPrefix: e.EMHUB_REDIS_PREFIX,
    keepAliveSeconds: e.EMHUB_KEEP_ALIVE_SECONDS,
    limits: {
      maxDepth: e.EMHUB_MAX_DEPTH,
      maxAliases: e.EMHUB_MAX_ALIASES,
      maxCost: e.EMHUB_MAX_COST,
      pageMax: e.EMHUB_PAGE_MAX,
      maxTokens: e.EMHUB_MAX_TOKENS,
      maxAggregates: e.EMHUB_MAX_AGGREGATES,
      maxEntities: e.EMHUB_MAX_ENTITIES,
      wsMaxBytes: e.EMHUB_WS_MAX_BYTES,
      wsMaxOperations: e.EMHUB_WS_MAX_OPERATIONS,
      wsMaxPerClient: e.EMHUB_WS_MAX_PER_CLIENT,
    },
    // the sample feeds are illustrative: a production database starts empty unless the operator asks for them
    loadSamples: e.EMHUB_LOAD_SAMPLES ?? (e.NODE_ENV === "production" ? "never" : "auto"),
    overdueIntervalSeconds: e.EMHUB_OVERDUE_INTERVAL,
    subscriberBuffer: e.EMHUB_SUBSCRIBER_BUFFER,
    liveBacklog: e.EMHUB_LIVE_BACKLOG,
    readingRetentionDays: e.EMHUB_READING_RETENTION_DAYS,
    hydroRetentionDays: e.EMHUB_HYDRO_RETENTION_DAYS,
    monitoringFreshnessMinutes: e.EMHUB_MONITORING_FRESHNESS,
    alarmAckMinutes: e.EMHUB_ALARM_ACK_MINUTES,
    production: e.NODE_ENV === "production",
    leaderRetrySeconds: e.EMHUB_LEADER_RETRY,
    rateLimitPerMinute: e.EMHUB_RATE_LIMIT,
    tipOffsPerHour: e.EMHUB_TIPOFFS_PER_HOUR,
    metricsToken: e.EMHUB_METRICS_TOKEN ?? null,
    gatewaySecret: e.EMHUB_GATEWAY_SECRET ?? null,
    rainThresholds: e.EMHUB_RAINFALL_ALERTS ?? [...DEFAULT_RAIN_THRESHOLDS],
    boundaryFile: e.EMHUB_BOUNDARY_FILE ? path.resolve(e.EMHUB_BOUNDARY_FILE) : null,
    corsOrigins: e.EMHUB_CORS_ORIGINS.split(",").map((origin) => origin.trim()).filter((origin) => origin !== ""),
    // production holds anonymous callers and enterprise accounts to the trusted operations unless told otherwise
    trustedDocumentRoles: (e.EMHUB_TRUSTED_DOCUMENTS ?? (e.NODE_ENV === "production" ? "anonymous,ENTERPRISE" : ""))
      .split(",")
      .map((role) => role.trim())
      .filter((role) => role !== "" && role !== "none"),
    statementTimeoutMs: e.EMHUB_STATEMENT_TIMEOUT * 1000,
    minFreeMegabytes: e.EMHUB_MIN_FREE_MB,
    introspection: e.EMHUB_INTROSPECTION ? e.EMHUB_INTROSPECTION === "on" : e.NODE_ENV !== "production",
    sync: loadSyncConfig(env),
  };
}
