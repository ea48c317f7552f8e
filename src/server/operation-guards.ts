/**
 * Guards on what one operation may ask for, beyond depth, aliases and cost
 * (validation-rules.ts): how many expensive aggregates it computes, and NUL
 * characters in its strings (PostgreSQL text cannot hold them). Shared by HTTP
 * and WebSocket operations.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { Principal } from "../access/index.js";
import type { HubContext } from "../graph/context.js";
import { TRUSTED_ONLY, type TrustedDocuments } from "./trusted-documents.js";
import { GraphQLError, Kind, type ASTNode, type DocumentNode, type ASTVisitor, type SelectionSetNode, type ValidationContext, type ValueNode } from "graphql";
import { ErrorCode } from "../errors/hub-error.js";

/** Fields that aggregate a territory's records: each costs about as much as a page of a thousand rows. */
export const AGGREGATE_FIELDS: ReadonlySet<string> = new Set(["hazardStats", "bulletin", "overdueHazards", "situation", "riskDistribution", "indicators"]);

/** The aggregate root fields an operation's selection asks for, counting every alias and fragment spread. */
function countAggregates(context: ValidationContext, selectionSet: SelectionSetNode, seen: ReadonlySet<string>): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (AGGREGATE_FIELDS.has(selection.name.value)) count++;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += countAggregates(context, selection.selectionSet, seen);
    } else if (!seen.has(selection.name.value)) {
      const fragment = context.getFragment(selection.name.value);
      if (fragment) count += countAggregates(context, fragment.selectionSet, new Set([...seen, selection.name.value]));
    }
  }
  return count;
}

/** Refuses an operation computing more than `max` aggregates (hazardStats, bulletin, overdueHazards) with QUERY_TOO_COMPLEX. */
export function maxAggregatesRule(max: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      if (operation.operation !== "query") return;
      const count = countAggregates(context, operation.selectionSet, new Set());
      if (count > max) {
        context.reportError(
          new GraphQLError(`the operation computes ${count} aggregates (${[...AGGREGATE_FIELDS].join(", ")}); at most ${max} per operation`, {
            nodes: [operation],
            extensions: { code: ErrorCode.QUERY_TOO_COMPLEX },
          }),
        );
      }
    },
  });
}

/** Refuses a string literal holding a NUL character, naming the argument. */
export function noNulInLiteralsRule(context: ValidationContext): ASTVisitor {
  return {
    Argument(argument) {
      const path = nulIn(literalValue(argument.value), argument.name.value);
      if (path) context.reportError(nulError(path, [argument]));
    },
  };
}

/** The path of the first string holding a NUL character in variables, or null. */
function nulInVariables(variables: Readonly<Record<string, unknown>> | null | undefined): string | null {
  return variables ? nulIn(variables, "") : null;
}

function nulError(argumentName: string, nodes?: readonly ASTNode[]) {
  return new GraphQLError(`${argumentName} holds a NUL character (U+0000), which no text may hold`, {
    nodes,
    extensions: { code: ErrorCode.BAD_USER_INPUT, argumentName },
  });
}

function nulIn(value: unknown, path: string): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulIn(value[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      const found = nulIn(inner, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/** A literal as plain data (strings, lists, objects); variables and other scalars as null. */
function literalValue(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.STRING:
      return node.value;
    case Kind.LIST:
      return node.values.map(literalValue);
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((field) => [field.name.value, literalValue(field.value)]));
    default:
      return null;
  }
}

/** Why a parsed and validated operation may not run: not a trusted document for this principal, or a NUL in its variables; null when it may. */
export function operationRefusal(
  trusted: TrustedDocuments,
  principal: Principal,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>> | null | undefined,
): GraphQLError | null {
  const refused = trusted.check(principal, document, operationName);
  if (refused) return refused;
  const path = nulInVariables(variables);
  return path ? nulError(path) : null;
}

const NO_MANIFEST: TrustedDocuments = { operations: new Map(), check: () => null };

/** The same refusals in Apollo, once it knows the operation. */
export function operationGuards(trusted: TrustedDocuments): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, contextValue }) {
          // the gateway held the caller to the manifest at its edge; its query plan's operations are its own
          const refused = operationRefusal(contextValue.viaGateway ? NO_MANIFEST : trusted, contextValue.principal, document, request.operationName, request.variables);
          // Apollo answers an error thrown here with 500 unless told the status: these are the caller's, not the hub's
          const status = refused?.extensions.code === TRUSTED_ONLY ? 403 : 400;
          if (refused) throw new GraphQLError(refused.message, { nodes: refused.nodes, extensions: { ...refused.extensions, http: { status } } });
        },
      };
    },
  };
}
