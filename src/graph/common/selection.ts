/**
 * The fields a client selected below a resolver's field, so the Reader reads
 * only their columns. Fragments and inline fragments are followed (their
 * type conditions are not: a superset is harmless). Computed once per field
 * of an operation: graphql-js hands every item of a list the same field nodes.
 */
import type { FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from "graphql";

const cache = new WeakMap<object, Map<string, ReadonlySet<string>>>();

/** Names of the fields selected at `path` below the current field ([] = directly below; ["edges", "node"] for a connection's rows). */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[] = []): ReadonlySet<string> {
  const pathKey = path.join(".");
  let byPath = cache.get(info.fieldNodes);
  if (!byPath) cache.set(info.fieldNodes, (byPath = new Map()));
  let fields = byPath.get(pathKey);
  if (!fields) {
    let sets = info.fieldNodes.map((node) => node.selectionSet).filter((set): set is SelectionSetNode => set !== undefined);
    for (const step of path) sets = sets.flatMap((set) => childSets(set, step, info.fragments));
    const names = new Set<string>();
    for (const set of sets) collectNames(set, info.fragments, names);
    byPath.set(pathKey, (fields = names));
  }
  return fields;
}

function childSets(set: SelectionSetNode, name: string, fragments: Record<string, FragmentDefinitionNode>): SelectionSetNode[] {
  const out: SelectionSetNode[] = [];
  for (const selection of set.selections) {
    if (selection.kind === "Field") {
      if (selection.name.value === name && selection.selectionSet) out.push(selection.selectionSet);
    } else {
      const inner = selection.kind === "InlineFragment" ? selection.selectionSet : fragments[selection.name.value]?.selectionSet;
      if (inner) out.push(...childSets(inner, name, fragments));
    }
  }
  return out;
}

function collectNames(set: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, names: Set<string>, seen = new Set<string>()): void {
  for (const selection of set.selections) {
    if (selection.kind === "Field") names.add(selection.name.value);
    else if (selection.kind === "InlineFragment") collectNames(selection.selectionSet, fragments, names, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments[selection.name.value];
      if (fragment) collectNames(fragment.selectionSet, fragments, names, seen);
    }
  }
}
