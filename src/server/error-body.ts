/**
 * The one error body of every route, GraphQL's own shape:
 * `{ "errors": [{ "message": "…", "extensions": { "code": "…", … } }] }`
 * with the HTTP status telling the class of failure. /graphql, /ingest, the
 * file, bulletin, public and web routes, the rate limit and Express's own
 * failures (bad JSON, too large) all answer with it.
 */
import type { Response } from "express";
import type { GraphQLFormattedError } from "graphql";

export function sendErrors(res: Response, status: number, errors: GraphQLFormattedError[]): void {
  res.status(status).json({ errors });
}

/** One error with its code and any further extensions (a run id, say). */
export function sendError(res: Response, status: number, code: string, message: string, extensions: Record<string, unknown> = {}): void {
  sendErrors(res, status, [{ message, extensions: { code, ...extensions } }]);
}
