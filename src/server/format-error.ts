/**
 * Errors leave the hub with a stable `extensions.code`. Errors the hub raised
 * on purpose (HubError, GraphQL validation) pass; anything unexpected is
 * logged with its request and shown as INTERNAL_SERVER_ERROR without details.
 * This function does not throw.
 */
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";

export function formatHubError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof GraphQLError || !(original instanceof Error)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  console.error("[emhub] unexpected error:", original);
  return { message: "Internal server error", locations: formatted.locations, path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}
