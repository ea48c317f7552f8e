/**
 * Wires the hub: database and migrations, the GraphQL schema, Apollo Server on
 * express with graphql-ws on the same port and path, health routes, and a
 * graceful stop that drains HTTP and WebSocket connections.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import type { GraphQLSchema } from "graphql";
import { subgraphSchema } from "../federation/subgraph.js";
import path from "node:path";
import { loadCatalog } from "../access/index.js";
import type { HubConfig } from "../config/config.js";
import { CATALOG_FILE, SCHEMA_DIR } from "../config/paths.js";
import { openDatabase, type Database } from "../data/database.js";
import { appendAuditRows, auditBatcher } from "../data/audit-writer.js";
import { migrate } from "../data/migrate.js";
import { loadTables } from "../data/query/tables.js";
import { createEventBus, type EventBus } from "../events/event-bus.js";
import { publishSyncChanges, publishSyncRun } from "../events/sync-events.js";
import type { RecordChange } from "../sync/apply-records.js";
import type { SyncSummary } from "../sync/run-sync.js";
import type { HubContext } from "../graph/context.js";
import { hubSchema } from "../graph/schema.js";
import { scheduleConnectors, type ScheduleOptions } from "../sync/schedule-connectors.js";
import { bulletinRoutes } from "./bulletin-route.js";
import { enterpriseFileRoutes } from "./enterprise-file-route.js";
import { securityHeaders } from "./security-headers.js";
import { formatHubError, refuseMutationsWhen, sendUnavailable, unavailableStatus } from "./format-error.js";
import { databaseUnavailable } from "../data/unavailable.js";
import { diskGuard, NO_DISK_GUARD } from "../data/disk-space.js";
import { DATASETS } from "../data/datasets.js";
import { checkRegistry } from "../data/registry-check.js";
import { DATASET_MODELS } from "../sync/dataset-models.js";
import { healthRoutes } from "./health.js";
import { ingestRoutes } from "./ingest-route.js";
import { createAuthenticator, credentialsFromConnectionParams } from "./authenticate.js";
import { contextFor, flushAudit, identifyRequest, principalFor, requestPrincipal, type ContextDeps } from "./request-context.js";
import { sharedSubscriptions } from "./shared-subscriptions.js";
import cors from "cors";
import { hazardChanged } from "../events/hazard-events.js";
import { log } from "../log.js";
import { startLeadership } from "../sync/leadership.js";
import { recoverInterruptedWork } from "../sync/recover.js";
import { entitiesLimit } from "../federation/entities-limit.js";
import { GATEWAY_SECRET_HEADER, isGatewaySecret, serviceSdlGuard } from "../federation/gateway-trust.js";
import { startOverdueJob } from "../sync/overdue-job.js";
import { escalateAlarms, keepReadings } from "../sync/monitoring-jobs.js";
import { HYDRO_READINGS, MONITORING_READINGS } from "../data/reading-partitions.js";
import { startPeriodic } from "../sync/periodic.js";
import { publishAlarmChange } from "../events/alarm-events.js";

import { createHubMetrics, metricsAccess } from "./metrics.js";
import { webRoutes } from "./web-routes.js";
import { noticeRoutes } from "./notice-route.js";
import { indicatorRoutes } from "./indicators-route.js";
import { hazardStatsRoutes } from "./hazard-stats-route.js";
import { tipOffRoutes } from "./tip-off-route.js";
import { geoRoutes } from "./geo-route.js";
import { sendError } from "./error-body.js";
import { operationGuards } from "./operation-guards.js";
import { clientLimiter } from "./rate-limit.js";
import { requestLog } from "./request-log.js";
import { loadTrustedDocuments } from "./trusted-documents.js";
import { operationLimitRules, parseOptionsFor } from "./validation-rules.js";
import { startWsServer } from "./ws.js";

/** How often the leader looks for alarms nobody acknowledged, and for reading days past the retention. */
const ESCALATION_INTERVAL_SECONDS = 60;
const RETENTION_INTERVAL_SECONDS = 3600;

export const GRAPHQL_PATH = "/graphql";
/** The hub as a Federation 2 subgraph (`_service`, `_entities`), for gateways; same token, same policy. */
export const SUBGRAPH_PATH = "/subgraph";

export interface Hub {
  /** http://host:port of the running server. */
  url: string;
  port: number;
  db: Database;
  config: HubConfig;
  /** Events of this hub (and, with REDIS_URL, of every instance). */
  events: EventBus;
  /** Subscriptions running now (for operators through /metrics, and for tests waiting for theirs). */
  subscribers(): number;
  stop(): Promise<void>;
}

export interface HubOptions {
  /** Use this database instead of opening one (tests share one per file). */
  db?: Database;
  /** Use this event bus instead of creating one from config.redisUrl. */
  events?: EventBus;
  /** Run the connectors on their schedules until stop() (`emhub serve`; tests only when they ask). */
  schedule?: ScheduleOptions;
  /** Run the hazard overdue check every config.overdueIntervalSeconds (`emhub serve`). */
  overdueCheck?: boolean;
}

export async function startHub(config: HubConfig, options: HubOptions = {}): Promise<Hub> {
  const db = options.db ?? (await openDatabase(config));
  await migrate(db.prisma);
  const events = options.events ?? createEventBus({ redisUrl: config.redisUrl, redisPrefix: config.redisPrefix });
  const disk = db.mode === "embedded" ? diskGuard(config.dataDir, config.minFreeMegabytes) : NO_DISK_GUARD;
  const deps: ContextDeps = { db, config, catalog: loadCatalog(CATALOG_FILE), tables: await loadTables(db.sql), auth: await createAuthenticator(config), events, disk };
  checkRegistry({ datasets: DATASETS, models: DATASET_MODELS, tables: deps.tables, catalog: deps.catalog });
  const schema = await hubSchema();
  const rules = operationLimitRules(config.limits, config.introspection);
  const parseOptions = parseOptionsFor(config.limits);
  const app = express();
  app.disable("x-powered-by");
  app.use(requestLog);
  app.use(securityHeaders());
  // browsers of the listed origins may call the API (their preflight is answered here, before Apollo's CSRF check)
  if (config.corsOrigins.length > 0) {
    app.use(cors({ origin: config.corsOrigins, allowedHeaders: ["authorization", "content-type", "x-request-id"], exposedHeaders: ["x-request-id", "retry-after"], maxAge: 600 }));
  }
  const metrics = createHubMetrics({
    websocketClients: () => ws.wss.clients.size,
    subscribers: () => subscriptions.subscribers(),
    databasePool: () => db.poolStats(),
    redisState: () => events.redisState(),
    redisBacklog: () => events.redisBacklog(),
    rateLimitState: () => limiter?.state() ?? "off",
  });
  app.use(metrics.http);
  const httpServer = http.createServer(app);
  // idle keep-alive connections outlive a proxy's (commonly 60 s), so a reused one is never closed under a request
  httpServer.keepAliveTimeout = config.keepAliveSeconds * 1000;
  httpServer.headersTimeout = config.keepAliveSeconds * 1000 + 5000;
  let draining = false;

  const limiter = clientLimiter(config.rateLimitPerMinute, config.redisUrl ? { url: config.redisUrl, prefix: config.redisPrefix } : null);
  // work the hub does in the background (audit of subscription deliveries, publication of runs): stop() waits for it
  // before the database closes
  const background = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    const tracked = work.finally(() => background.delete(tracked));
    background.add(tracked);
    return tracked;
  };
  const liveAudit = auditBatcher((entries) => appendAuditRows(db.sql, entries), {
    maxWaitMs: 100,
    maxEntries: 5_000,
    onError: (error, entries) => log.error({ err: error, entries }, "audit of personal data sent to subscribers failed"),
  });
  const subscriptions = sharedSubscriptions({
    capacity: config.subscriberBuffer,
    audit: liveAudit.add,
    onDelivered: metrics.countDelivered,
    onDropped: metrics.countDropped,
  });
  const trusted = loadTrustedDocuments(path.join(SCHEMA_DIR, "operations"), config.trustedDocumentRoles);
  const ws = startWsServer({
    httpServer,
    path: GRAPHQL_PATH,
    schema,
    rules,
    parseOptions,
    maxPayload: config.limits.wsMaxBytes,
    maxOperations: config.limits.wsMaxOperations,
    maxPerClient: config.limits.wsMaxPerClient,
    mayRun: limiter ? (client) => limiter.take(`ws:${client}`) : undefined,
    trusted,
    hideSchemaDetails: !config.introspection,
    authenticate: (params) => principalFor(deps, credentialsFromConnectionParams(params)),
    context: (principal) => contextFor(deps, principal),
    afterResult: flushAudit,
    subscribe: subscriptions.subscribe,
  });
  /** An Apollo server over `graphqlSchema` with the hub's limits, error format, metrics, audit and guards. */
  const apolloFor = (graphqlSchema: GraphQLSchema, extraPlugins: ApolloServerPlugin<HubContext>[]) =>
    new ApolloServer<HubContext>({
      schema: graphqlSchema,
      validationRules: rules,
      parseOptions,
      formatError: formatHubError,
      introspection: config.introspection,
      // without introspection, no "Did you mean …" either
      hideSchemaDetailsFromClientErrors: !config.introspection,
      // `emhub serve` handles SIGTERM/SIGINT itself (boot.ts) and stops through Hub.stop.
      stopOnTerminationSignals: false,
      plugins: [
        // the hub sets no cache hints; the plugin would otherwise wrap every field's resolution
        ApolloServerPluginCacheControlDisabled(),
        // the hub serves its own explorer (web-routes.ts), which loads nothing from outside
        ApolloServerPluginLandingPageDisabled(),
        metrics.apolloPlugin,
        { async requestDidStart() { return { async willSendResponse({ contextValue }) { await flushAudit(contextValue); } }; } },
        operationGuards(trusted),
        unavailableStatus,
        refuseMutationsWhen(disk.writeRefusal),
        ...extraPlugins,
      ],
    });
  const apollo = apolloFor(schema, [
    ApolloServerPluginDrainHttpServer({ httpServer }),
    { async serverWillStart() { return { async drainServer() { await ws.close(); } }; } },
  ]);
  // the same graph as a Federation 2 subgraph, for a gateway (src/federation)
  // (a subgraph schema would have Apollo add inline traces to every answer for a gateway that does not read them)
  const subgraph = apolloFor(await subgraphSchema(), [ApolloServerPluginInlineTraceDisabled(), entitiesLimit(config.limits), serviceSdlGuard(config.introspection)]);
  await apollo.start();
  await subgraph.start();

  const stopCounting = db.onQuery(metrics.countStatement);
  app.use(healthRoutes(db, { isDraining: () => draining, metrics: metrics.registry, metricsAccess: metricsAccess(config), conditions: () => ({ rateLimit: limiter?.state() ?? "off" }), writeRefusal: disk.writeRefusal }));
  app.use(identifyRequest(deps));
  if (limiter) app.use(limiter.http); // after the health routes: probes are never limited
  app.use(webRoutes({ graphqlPath: GRAPHQL_PATH, explorer: config.introspection }));
  app.use(enterpriseFileRoutes({ deps, schema }), bulletinRoutes({ deps, schema }), noticeRoutes({ deps, schema }), indicatorRoutes({ deps, schema }), hazardStatsRoutes({ deps, schema }));
  const tipOffLimiter = clientLimiter(config.tipOffsPerHour, config.redisUrl ? { url: config.redisUrl, prefix: config.redisPrefix } : null, { ms: 3_600_000, name: "an hour", key: "tipoffs:" });
  app.use(tipOffRoutes(deps, tipOffLimiter));
  app.use(geoRoutes({ deps, schema }, { boundaryFile: config.boundaryFile, province: config.sync.province }));
  const publishRun = (summary: SyncSummary) => {
    metrics.countRun(summary);
    void track(publishSyncRun(db.prisma, events, summary, config.rainThresholds).catch((error: unknown) => log.error({ err: error, runId: summary.runId }, "publishing a sync run failed")));
  };
  // awaited by the sync between documents, so a long run's changes never pile up; a failure to publish does not stop it
  // a failure leaves the changes in the outbox (run-sync.ts), published at the next start
  const publishChanges = (changes: RecordChange[]) => publishSyncChanges(db.prisma, events, changes);
  app.use(ingestRoutes(deps, { onRun: publishRun, onChanges: publishChanges }));
  const context = async ({ req, res }: { req: express.Request; res: express.Response }) => contextFor(deps, await requestPrincipal(deps, req, res), String(req.id));
  app.use(GRAPHQL_PATH, express.json({ limit: "1mb" }), expressMiddleware(apollo, { context }));
  const subgraphContext = async (args: { req: express.Request; res: express.Response }) => ({ ...(await context(args)), viaGateway: isGatewaySecret(config.gatewaySecret, args.req.headers[GATEWAY_SECRET_HEADER]) });
  app.use(SUBGRAPH_PATH, express.json({ limit: "1mb" }), expressMiddleware(subgraph, { context: subgraphContext }));
  app.use((req, res) => sendError(res, 404, "NOT_FOUND", `nothing at ${req.method} ${req.path}`));
  app.use(jsonErrors);

  const recovered = await recoverInterruptedWork(db.prisma, { onlyStale: db.mode === "postgres", publish: publishChanges });
  if (recovered.runs + recovered.published > 0) log.warn(recovered, "recovered after a crash: unfinished runs marked failed, unpublished changes published");
  try {
    await listen(httpServer, config.port, config.host);
  } catch (error) {
    // Nothing is listening, so there is nothing to drain: release the connections this call opened.
    if (!options.events) await events.close();
    if (!options.db) await db.close();
    throw error;
  }
  const schedule = options.schedule;
  const publishOverdue = async (ids: string[]) => {
    log.info({ hazards: ids.length }, "overdue: hazards newly overdue");
    const now = new Date();
    for (const row of await db.prisma.hazard.findMany({ where: { id: { in: ids } } })) events.publish("hazard.changed", hazardChanged(row, "OVERDUE", now));
  };
  const keepAllReadings = async () => {
    await keepReadings(db.prisma, MONITORING_READINGS, new Date(), config.readingRetentionDays);
    await keepReadings(db.prisma, HYDRO_READINGS, new Date(), config.hydroRetentionDays);
  };
  const escalateAndPublish = async () => {
    const now = new Date();
    const ids = await escalateAlarms(db.prisma, now, config.alarmAckMinutes);
    if (ids.length > 0) log.info({ alarms: ids.length }, "alarms escalated: not acknowledged in time");
    for (const row of await db.prisma.monitoringAlarm.findMany({ where: { id: { in: ids } } })) publishAlarmChange(events, row, "ESCALATE", now);
  };
  // the leader's work: the schedule of pulls and the housekeeping (overdue hazards, alarm escalation, reading retention)
  const lead = () => {
    const parts = [
      schedule ? scheduleConnectors(db.prisma, config.sync, { ...schedule, onRun: chain(schedule.onRun, publishRun), onChanges: publishChanges, writeRefusal: disk.writeRefusal }) : null,
      options.overdueCheck ? startOverdueJob(db.prisma, config.overdueIntervalSeconds, publishOverdue) : null,
      options.overdueCheck ? startPeriodic("alarm escalation", ESCALATION_INTERVAL_SECONDS, escalateAndPublish) : null,
      options.overdueCheck ? startPeriodic("reading retention", RETENTION_INTERVAL_SECONDS, keepAllReadings) : null,
    ];
    return { stop: async () => void (await Promise.all(parts.map((part) => part?.stop()))) };
  };
  // instances sharing a PostgreSQL database work under one leader; the embedded database has one process
  const leaderWork = !schedule && !options.overdueCheck ? null : db.mode === "postgres" ? startLeadership({ databaseUrl: db.url, lead, retryMs: config.leaderRetrySeconds * 1000 }) : lead();
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    db,
    config,
    events,
    subscribers: () => subscriptions.subscribers(),
    async stop() {
      draining = true;
      stopCounting();
      await leaderWork?.stop();
      await limiter?.close();
      await tipOffLimiter?.close();
      await apollo.stop();
      await subgraph.stop();
      await liveAudit.flush();
      await Promise.all(background);
      if (!options.events) await events.close();
      if (!options.db) await db.close();
    },
  };
}

/** Body-parsing failures and anything else Express would answer with an HTML page: a JSON error, no stack. */
function jsonErrors(error: { status?: number; statusCode?: number; type?: string; message?: string }, req: express.Request, res: express.Response, next: express.NextFunction) {
  if (res.headersSent) return next(error);
  if (databaseUnavailable(error)) return sendUnavailable(res);
  const status = error.status ?? error.statusCode ?? 500;
  const code = status === 413 ? "PAYLOAD_TOO_LARGE" : status === 404 ? "NOT_FOUND" : status < 500 ? "BAD_REQUEST" : "INTERNAL_SERVER_ERROR";
  if (status >= 500) log.error({ err: error, requestId: String(req.id) }, "request failed");
  const message = status === 404 ? "not found" : status < 500 ? (error.type === "entity.parse.failed" ? "the body is not valid JSON" : (error.message ?? "bad request")) : "Internal server error";
  sendError(res, status, code, message);
}

function chain<T>(...handlers: Array<((value: T) => void) | undefined>): (value: T) => void {
  return (value) => handlers.forEach((handler) => handler?.(value));
}

/** Listens, or rejects with a clear message (a port in use is the usual case). */
function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new Error(`port ${port} on ${host} is already in use (set PORT to another)`) : error),
    );
    server.listen(port, host, () => resolve());
  });
}
