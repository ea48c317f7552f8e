/**
 * Errors leave the hub with a stable `extensions.code`. Errors the hub raised
 * on purpose (HubError, GraphQL validation) pass; anything unexpected is
 * logged with its request and shown as INTERNAL_SERVER_ERROR without details.
 * This function does not throw.
 */
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { ErrorCode } from "../errors/hub-error.js";
import { log } from "../log.js";

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
  log.error({ err: original, path: formatted.path }, "unexpected error");
  return { message: "Internal server error", locations: formatted.locations, path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}
