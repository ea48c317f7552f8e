/**
 * Errors leave the hub with a stable `extensions.code`. Errors the hub raised
 * on purpose (HubError, GraphQL validation) pass; anything unexpected is
 * logged with its request and shown as INTERNAL_SERVER_ERROR without details.
 * This function does not throw.
 */
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import type { Response } from "express";
import { sendError } from "./error-body.js";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { ErrorCode } from "../errors/hub-error.js";
import { databaseUnavailable, RETRY_AFTER_SECONDS } from "../data/unavailable.js";
import { log } from "../log.js";

export const UNAVAILABLE_MESSAGE = "the database is unavailable for the moment; retry after the time in Retry-After";

/** Answers an operation that failed only because the database is unavailable with 503 and Retry-After, as the other routes do. */
export const unavailableStatus: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== "single") return;
        const { data, errors } = response.body.singleResult;
        if (!errors?.length || (data != null && Object.values(data).some((value) => value !== null))) return;
        if (!errors.every((error) => error.extensions?.code === ErrorCode.UNAVAILABLE)) return;
        response.http.status = 503;
        response.http.headers.set("retry-after", String(RETRY_AFTER_SECONDS));
      },
    };
  },
};

/** Refuses mutations (UNAVAILABLE, with the reason) while `refusal` gives one: a full disk stops writes, not reads. */
export function refuseMutationsWhen(refusal: () => string | null): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          const reason = operation?.operation === "mutation" ? refusal() : null;
          if (reason) throw new GraphQLError(reason, { extensions: { code: ErrorCode.UNAVAILABLE, http: { status: 507 } } });
        },
      };
    },
  };
}

/** Sends the one error body for an unavailable database: 503 with Retry-After. */
export function sendUnavailable(res: Response): void {
  res.setHeader("retry-after", String(RETRY_AFTER_SECONDS));
  sendError(res, 503, ErrorCode.UNAVAILABLE, UNAVAILABLE_MESSAGE, { retryAfterSeconds: RETRY_AFTER_SECONDS });
}

/** The parser's "more than N tokens" as the QUERY_TOO_COMPLEX refusal it is; other syntax errors as they are. */
export function tooLong(error: GraphQLError): GraphQLError {
  // graphql-js words it "Document contains more that N tokens"
  const limit = /Document contains more th(?:an|at) (\d+) tokens/.exec(error.message)?.[1];
  if (limit === undefined) return error;
  return new GraphQLError(`the document has more than ${limit} tokens; it is refused unread`, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } });
}

/** The code a validation rule gave its error, which Apollo replaces by GRAPHQL_VALIDATION_FAILED. */
function ownCode(error: GraphQLError): string | undefined {
  const inner = error.originalError;
  const code = inner instanceof GraphQLError ? inner.extensions?.code : error.extensions?.code;
  return typeof code === "string" && code !== "GRAPHQL_VALIDATION_FAILED" ? code : undefined;
}

export function formatHubError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof GraphQLError || !(original instanceof Error)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    if (original instanceof GraphQLError) {
      if (tooLong(original) !== original) return { ...formatted, message: tooLong(original).message, extensions: { ...extensions, code: ErrorCode.QUERY_TOO_COMPLEX } };
      const code = ownCode(original);
      if (code) return { ...formatted, extensions: { ...extensions, ...(original.originalError instanceof GraphQLError ? original.originalError.extensions : {}), code } };
    }
    return { ...formatted, extensions };
  }
  const unavailable = databaseUnavailable(original);
  if (unavailable) {
    log.warn({ reason: unavailable, path: formatted.path }, "the database is unavailable");
    return { message: UNAVAILABLE_MESSAGE, locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.UNAVAILABLE, retryAfterSeconds: RETRY_AFTER_SECONDS } };
  }
  log.error({ err: original, path: formatted.path }, "unexpected error");
  return { message: "Internal server error", locations: formatted.locations, path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}
