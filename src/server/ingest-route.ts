/**
 * POST /ingest/<connector>: a department system pushes a document in the
 * same format as its connector's feed (raw bytes, up to 20 MB). The caller is
 * the department's service account: a bearer token with role SERVICE (or
 * ADMIN) acting for the connector's department. Pushed documents are
 * incremental — nothing is retired — and a document that cannot be read is
 * refused (422) with its reason while the data already held stays. Every
 * record must lie in the account's territory: one outside it (or one that
 * would change a record stored outside it) is quarantined as OUT_OF_SCOPE
 * and listed in `rejected`; the rest of the document lands.
 *
 *   200 { runId, accepted, counts, rejected: [{ sourceId, reason }] }
 *   401 UNAUTHENTICATED · 403 FORBIDDEN · 404 NOT_FOUND · 413 PAYLOAD_TOO_LARGE · 422 BAD_DOCUMENT,
 *   503 UNAVAILABLE (the database, with Retry-After) · 507 INSUFFICIENT_STORAGE (the embedded database's disk),
 *   each as the hub's one error body (error-body.ts); a 422 carries the run id in extensions.runId
 */
import express, { Router, type NextFunction, type Request, type Response } from "express";
import { connectorByName } from "../../connectors/index.js";
import type { Connector } from "../../connectors/types.js";
import { hasRole, type Principal } from "../access/index.js";
import { HubError } from "../errors/hub-error.js";
import { runSync, type SyncOptions, type SyncSummary } from "../sync/run-sync.js";
import { sendError } from "./error-body.js";
import { sendUnavailable } from "./format-error.js";
import { databaseUnavailable } from "../data/unavailable.js";
import { requestPrincipal, type ContextDeps } from "./request-context.js";
import { log } from "../log.js";
import type { IssuerRules } from "../core/warning-issuers.js";

export const INGEST_BODY_LIMIT = "20mb";

interface IngestLocals {
  connector: Connector;
  principal: Principal;
}

/** Why `principal` may not push to `connector`, or null when it may: its own department's connector, or a warnings feed when it issues warnings. */
export function pushRefusal(principal: Principal, connector: Connector, issuers: IssuerRules): string | null {
  if (!hasRole(principal, "SERVICE", "ADMIN")) return "pushing data needs a department service account (role SERVICE or ADMIN)";
  if (connector.carriesWarnings && principal.department && issuers[principal.department]) return null;
  if (connector.carriesWarnings && principal.department !== connector.department) {
    return `only the departments that issue warnings (${Object.keys(issuers).join(", ")}) may push to ${connector.name} (the token acts for ${principal.department ?? "no department"})`;
  }
  if (principal.department !== connector.department) {
    return `only ${connector.department} may push to ${connector.name} (the token acts for ${principal.department ?? "no department"})`;
  }
  return null;
}

export interface IngestOptions {
  /** Every finished push run, refused documents included (for events). */
  onRun?: (summary: SyncSummary) => void;
  /** The records each pushed document changed, once written (for events). */
  onChanges?: SyncOptions["onChanges"];
}

export function ingestRoutes(deps: ContextDeps, options: IngestOptions = {}): Router {
  const router = Router();

  const findConnector = (req: Request, res: Response, next: NextFunction) => {
    const connector = connectorByName(String(req.params.connector));
    if (!connector) return sendError(res, 404, "NOT_FOUND", `no connector '${String(req.params.connector)}'`);
    (res.locals as IngestLocals).connector = connector;
    next();
  };

  const authorise = async (req: Request, res: Response, next: NextFunction) => {
    let principal: Principal;
    try {
      principal = await requestPrincipal(deps, req, res);
    } catch (error) {
      if (error instanceof HubError) return sendError(res, 401, "UNAUTHENTICATED", error.message);
      throw error;
    }
    if (principal.anonymous) return sendError(res, 401, "UNAUTHENTICATED", "not authenticated: a bearer token is required");
    const refusal = pushRefusal(principal, (res.locals as IngestLocals).connector, deps.catalog.warningIssuers);
    if (refusal) return sendError(res, 403, "FORBIDDEN", refusal);
    (res.locals as IngestLocals).principal = principal;
    next();
  };

  const ingest = async (req: Request, res: Response) => {
    const { connector } = res.locals as IngestLocals;
    const full = deps.disk.writeRefusal();
    if (full) return sendError(res, 507, "INSUFFICIENT_STORAGE", full);
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const document = { name: `POST /ingest/${connector.name}`, body, contentType: req.headers["content-type"] };
    // every record must lie in the account's territory (ADMIN without a region: the hub's province)
    const territory = (res.locals as IngestLocals).principal.territory || deps.config.sync.province;
    const issuer = { department: (res.locals as IngestLocals).principal.department ?? connector.department, rules: deps.catalog.warningIssuers };
    const summary = await runSync(deps.db.prisma, connector, [document], { trigger: "push", incremental: true, territory, issuer, onChanges: options.onChanges, writeRefusal: deps.disk.writeRefusal });
    options.onRun?.(summary);
    if (summary.writeRefused) return sendError(res, 507, "INSUFFICIENT_STORAGE", summary.writeRefused, { runId: summary.runId });
    if (!summary.ok) return sendError(res, 422, "BAD_DOCUMENT", summary.errors.join("; "), { runId: summary.runId });
    const { created, updated, unchanged } = summary.counts;
    res.json({ runId: summary.runId, accepted: created + updated + unchanged, counts: summary.counts, rejected: summary.rejections });
  };

  const errors = (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status = (error as { status?: number; type?: string }).status;
    if ((error as { type?: string }).type === "entity.too.large") {
      return sendError(res, 413, "PAYLOAD_TOO_LARGE", `a pushed document may be at most ${INGEST_BODY_LIMIT}`);
    }
    if (status && status >= 400 && status < 500) return sendError(res, status, "BAD_REQUEST", (error as Error).message);
    const unavailable = databaseUnavailable(error);
    if (unavailable) {
      log.warn({ reason: unavailable, connector: _req.params.connector }, "push refused: the database is unavailable");
      return sendUnavailable(res);
    }
    log.error({ err: error, connector: _req.params.connector }, "ingest failed");
    sendError(res, 500, "INTERNAL_SERVER_ERROR", "Internal server error");
  };

  router.post("/ingest/:connector", findConnector, authorise, express.raw({ type: () => true, limit: INGEST_BODY_LIMIT }), ingest, errors);
  return router;
}
