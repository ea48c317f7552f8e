/**
 * Limits on operation shape, applied to HTTP (Apollo) and WebSocket
 * (graphql-ws) operations alike: Apollo's validation rules do not run on
 * graphql-ws operations, so both servers receive this one list.
 */
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { GraphQLError, NoSchemaIntrospectionCustomRule, type ValidationContext, type ValidationRule } from "graphql";
import type { HubConfig } from "../config/config.js";
import { ErrorCode } from "../errors/hub-error.js";
import { maxAggregatesRule, noNulInLiteralsRule } from "./operation-guards.js";

/** Report a rejection as an ordinary validation error (graphql-armor throws by default). */
const asValidationError = {
  propagateOnRejection: false,
  exposeLimits: true,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ""), { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } })),
  ],
};

/** Directives in one operation (the schema's own are @include, @skip, @deprecated and @oneOf). */
const MAX_DIRECTIVES = 20;

/** Parsing stops at this many tokens (a 2,000-fragment chain or 5,000 aliases never reach validation). */
export function parseOptionsFor(limits: HubConfig["limits"]) {
  return { maxTokens: limits.maxTokens };
}

export function operationLimitRules(limits: HubConfig["limits"], introspection = true): ValidationRule[] {
  return [
    ...(introspection ? [] : [NoSchemaIntrospectionCustomRule]),
    maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, ...asValidationError }),
    maxAliasesRule({ n: limits.maxAliases, allowList: [], ...asValidationError }), // __typename aliases count too
    maxDirectivesRule({ n: MAX_DIRECTIVES, ...asValidationError }),
    costLimitRule({ maxCost: limits.maxCost, ignoreIntrospection: true, ...asValidationError }),
    maxAggregatesRule(limits.maxAggregates),
    noNulInLiteralsRule,
  ] as ValidationRule[];
}
