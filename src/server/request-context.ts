/** Builds the per-operation context: the caller's principal and a fresh Reader (fresh DataLoaders) every time. */
import crypto from "node:crypto";
import type { Request, RequestHandler, Response } from "express";
import { AuthError, type Catalog, type Principal } from "../access/index.js";
import { catalogScope } from "../access/catalog-scope.js";
import type { HubConfig } from "../config/config.js";
import { appendAuditRows } from "../data/audit-writer.js";
import type { Database } from "../data/database.js";
import type { DiskGuard } from "../data/disk-space.js";
import type { Tables } from "../data/query/tables.js";
import { Reader } from "../data/reader.js";
import type { EventBus } from "../events/event-bus.js";
import { ErrorCode, HubError } from "../errors/hub-error.js";
import type { HubContext } from "../graph/context.js";
import { PersonalReads } from "../graph/personal-reads.js";
import type { Authenticator } from "./authenticate.js";

export interface ContextDeps {
  db: Database;
  config: HubConfig;
  catalog: Catalog;
  /** The database's tables and column types, read once at start. */
  tables: Tables;
  auth: Authenticator;
  events: EventBus;
  /** Whether the embedded database's disk has room for writes (disk-space.ts). */
  disk: DiskGuard;
}

export function contextFor(deps: ContextDeps, principal: Principal, requestId: string = crypto.randomUUID()): HubContext {
  return {
    requestId,
    principal,
    catalog: deps.catalog,
    reader: new Reader(deps.db.sql, deps.tables, catalogScope(deps.catalog, principal), deps.config.limits.pageMax),
    personalReads: new PersonalReads(),
    fieldDecisions: [],
    db: deps.db,
    config: deps.config,
    events: deps.events,
  };
}

/** The principal for credentials, or an UNAUTHENTICATED error (HTTP 401) saying why. */
export async function principalFor(deps: Pick<ContextDeps, "auth">, credentials: string | null | undefined): Promise<Principal> {
  try {
    return await deps.auth.authenticate(credentials);
  } catch (error) {
    if (error instanceof AuthError) {
      throw new HubError(ErrorCode.UNAUTHENTICATED, `not authenticated: ${error.message}`, { http: { status: 401 } });
    }
    throw error;
  }
}

/**
 * Verifies the request's credentials once, before the rate limit counts it,
 * and keeps the outcome for the request's handlers (requestPrincipal): the
 * limit counts a verified principal, however its header is spelled.
 */
export function identifyRequest(deps: Pick<ContextDeps, "auth">): RequestHandler {
  return (req, res, next) => {
    const locals = res.locals as Identified;
    principalFor(deps, req.headers.authorization).then(
      (principal) => {
        locals.principal = principal;
        next();
      },
      (error: unknown) => {
        locals.authError = error;
        next();
      },
    );
  };
}

type Identified = { principal?: Principal; authError?: unknown };

/** The principal identifyRequest verified for this request, or its UNAUTHENTICATED error. */
export async function requestPrincipal(deps: Pick<ContextDeps, "auth">, req: Request, res: Response): Promise<Principal> {
  const locals = res.locals as Identified;
  if (locals.principal) return locals.principal;
  if (locals.authError) throw locals.authError;
  return principalFor(deps, req.headers.authorization);
}

/** Writes the operation's unmasked personal reads to the audit log. */
export async function flushAudit(context: HubContext): Promise<void> {
  await appendAuditRows(context.db.sql, context.personalReads.drain(context.requestId, context.principal));
}
