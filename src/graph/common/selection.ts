/**
 * What a client selected below a resolver's field: the field nodes at a path
 * (["edges", "node"] for a connection's rows), through fragments and inline
 * fragments (their type conditions are not followed: a superset is harmless),
 * and the names of those fields, so the Reader reads only their columns.
 * Names are computed once per field of an operation: graphql-js hands every
 * item of a list the same field nodes.
 */
import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from "graphql";

type Fragments = Record<string, FragmentDefinitionNode>;

const cache = new WeakMap<object, Map<string, ReadonlySet<string>>>();

/** Names of the fields selected at `path` below the current field ([] = directly below). */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[] = []): ReadonlySet<string> {
  const pathKey = path.join(".");
  let byPath = cache.get(info.fieldNodes);
  if (!byPath) cache.set(info.fieldNodes, (byPath = new Map()));
  let fields = byPath.get(pathKey);
  if (!fields) byPath.set(pathKey, (fields = new Set(fieldNodesAt(info, path).map((node) => node.name.value))));
  return fields;
}

/** The field nodes selected at `path` below the current field. */
export function fieldNodesAt(info: GraphQLResolveInfo, path: readonly string[]): FieldNode[] {
  let sets = info.fieldNodes.map((node) => node.selectionSet).filter((set): set is SelectionSetNode => set !== undefined);
  for (const step of path) {
    sets = sets.flatMap((set) => fieldsIn(set, info.fragments).filter((f) => f.name.value === step && f.selectionSet).map((f) => f.selectionSet!));
  }
  return sets.flatMap((set) => fieldsIn(set, info.fragments));
}

/** The fields of a selection set, fragments spread. */
export function fieldsIn(set: SelectionSetNode, fragments: Fragments, seen = new Set<string>()): FieldNode[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === "Field") return [selection];
    if (selection.kind === "InlineFragment") return fieldsIn(selection.selectionSet, fragments, seen);
    if (seen.has(selection.name.value)) return [];
    seen.add(selection.name.value);
    const fragment = fragments[selection.name.value];
    return fragment ? fieldsIn(fragment.selectionSet, fragments, seen) : [];
  });
}
