/**
 * Plain HTTP routes (the enterprise file, the bulletin CSV) answer by running
 * a fixed GraphQL operation as the caller: the same schema, context, reader
 * and field policy as /graphql, so a route never shows more than the API
 * would. Refusals are the hub's one error body (error-body.ts) with an HTTP status.
 */
import { execute, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema } from "graphql";
import type { Request, Response } from "express";
import { ErrorCode, HubError } from "../errors/hub-error.js";
import { sendError } from "./error-body.js";
import { formatHubError } from "./format-error.js";
import { contextFor, flushAudit, requestPrincipal, type ContextDeps } from "./request-context.js";

export interface RouteDeps {
  deps: ContextDeps;
  schema: GraphQLSchema;
}

export type RouteResult<T> = { ok: true; data: T } | { ok: false; status: number; errors: GraphQLFormattedError[] };

const STATUS: Readonly<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.UNAVAILABLE]: 503,
};

function refusal<T>(status: number, code: ErrorCode, message: string): RouteResult<T> {
  return { ok: false, status, errors: [{ message, extensions: { code } }] };
}

/** Runs `document` as the request's caller (verified once, by identifyRequest); anonymous callers are refused (401) unless `options.anonymous`. */
export async function runAs<T>(
  route: RouteDeps,
  caller: { req: Request; res: Response },
  document: DocumentNode,
  variables: Record<string, unknown>,
  options: { anonymous?: boolean } = {},
): Promise<RouteResult<T>> {
  let principal;
  try {
    principal = await requestPrincipal(route.deps, caller.req, caller.res);
  } catch (error) {
    if (error instanceof HubError) return refusal(401, ErrorCode.UNAUTHENTICATED, error.message);
    throw error;
  }
  if (principal.anonymous && !options.anonymous) return refusal(401, ErrorCode.UNAUTHENTICATED, "a bearer token is required");
  const context = contextFor(route.deps, principal);
  const result = await execute({ schema: route.schema, document, contextValue: context, variableValues: variables });
  await flushAudit(context);
  // no data at all: the request itself was refused (a variable that is not what the operation takes)
  if (result.data === undefined && result.errors?.length) return refusal(400, ErrorCode.BAD_USER_INPUT, result.errors.map((e) => e.message).join("; "));
  if (result.errors && result.errors.length > 0) {
    const errors = result.errors.map((error) => formatHubError(error.toJSON(), error));
    return { ok: false, status: STATUS[String(errors[0]!.extensions?.code)] ?? 500, errors };
  }
  return { ok: true, data: result.data as T };
}

export function sendNotFound(res: Response, message: string): void {
  sendError(res, 404, ErrorCode.NOT_FOUND, message);
}
