/**
 * The hub's error codes (always in `extensions.code`, never in the message)
 * and the one error class resolvers throw. Apollo's own codes are reused where
 * they fit; the hazard workflow adds INVALID_TRANSITION and CONFLICT.
 */
import { GraphQLError } from "graphql";

export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  INVALID_TRANSITION: "INVALID_TRANSITION",
  CONFLICT: "CONFLICT",
  QUERY_TOO_COMPLEX: "QUERY_TOO_COMPLEX",
  /** The database cannot be reached or take the work now: retry after extensions.retryAfterSeconds (HTTP 503). */
  UNAVAILABLE: "UNAVAILABLE",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class HubError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
  }
}

/** A bad argument: the message and `extensions.argumentName` name it. */
export function badInput(argumentName: string, reason: string): HubError {
  return new HubError(ErrorCode.BAD_USER_INPUT, `Argument '${argumentName}': ${reason}`, { argumentName });
}
