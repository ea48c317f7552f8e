/**
 * `_entities(representations: [...])` is one field to the shape limits
 * (depth, aliases, cost), however many representations it carries: a gateway
 * sends one per record it needs, and an attacker sends sixteen thousand. So
 * the subgraph counts them: at most `maxEntities` in one request, and the
 * representations times what is selected of each within the cost limit.
 */
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { GraphQLError, Kind, valueFromASTUntyped, type FragmentDefinitionNode, type SelectionSetNode } from "graphql";
import { ErrorCode } from "../errors/hub-error.js";

/** Fields selected in `set`, fragments spread, counted at every depth (at least 1). */
function fieldsSelected(set: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, seen = new Set<string>()): number {
  if (!set) return 0;
  let count = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) count += 1 + fieldsSelected(selection.selectionSet, fragments, seen);
    else if (selection.kind === Kind.INLINE_FRAGMENT) count += fieldsSelected(selection.selectionSet, fragments, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      count += fieldsSelected(fragments[selection.name.value]?.selectionSet, fragments, seen);
    }
  }
  return count;
}

export function entitiesLimit(limits: { maxEntities: number; maxCost: number }): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (!operation) return;
          const fragments = Object.fromEntries(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
          for (const field of operation.selectionSet.selections) {
            if (field.kind !== Kind.FIELD || field.name.value !== "_entities") continue;
            const argument = field.arguments?.find((a) => a.name.value === "representations");
            const value = argument ? valueFromASTUntyped(argument.value, request.variables ?? {}) : [];
            const count = Array.isArray(value) ? value.length : 0;
            if (count > limits.maxEntities) {
              throw new GraphQLError(`_entities asks for ${count} representations; at most ${limits.maxEntities} in one request`, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, http: { status: 400 } } });
            }
            const cost = count * Math.max(1, fieldsSelected(field.selectionSet, fragments));
            if (cost > limits.maxCost) {
              throw new GraphQLError(`_entities costs ${count} representations × their selection = ${cost}, over the limit of ${limits.maxCost}`, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, http: { status: 400 } } });
            }
          }
        },
      };
    },
  };
}
