/**
 * The to-many relations of the graph (an enterprise's risk points and
 * hazards, a hazard's events, a team's members …) in one table, so that a
 * list can read the relations its client selected in the same statement as
 * its own rows (planned from the selection: `readOptions`), and a relation
 * whose parent was read without them falls back to a batched read
 * (`relationRows`). Either way the rows come through the Reader, within the
 * caller's scope.
 */
import { getArgumentValues, isObjectType, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";
import type { DatasetName } from "../../data/datasets.js";
import type { Include, OrderBy, ReadOptions, Row, Where } from "../../data/reader.js";
import type { HubContext } from "../context.js";
import { fieldNodesAt, fieldsIn, selectedFields } from "./selection.js";

type Args = Record<string, any>;

export interface Relation {
  dataset: DatasetName;
  /** The child column that holds the parent's key. */
  field: string;
  where?: (args: Args) => Where;
  orderBy?: (args: Args) => OrderBy | undefined;
}

const relations = new Map<string, Relation>();

/** Declares `Type.field` as a relation (call next to the field's resolver). */
export function defineRelation(type: string, field: string, relation: Relation): Relation {
  relations.set(`${type}.${field}`, relation);
  return relation;
}

const preloadKey = (responseKey: string) => `__relation:${responseKey}`;

/** The rows of a relation field: those read with the parent when its list planned them, else a batched read. */
export function relationRows(ctx: HubContext, info: GraphQLResolveInfo, parent: Row, args: Args): Row[] | Promise<Row[]> {
  const preloaded = parent[preloadKey(info.path.key as string)];
  if (preloaded !== undefined) return preloaded as Row[];
  const relation = relations.get(`${info.parentType.name}.${info.fieldName}`);
  if (!relation) throw new Error(`${info.parentType.name}.${info.fieldName} is not a declared relation`);
  return ctx.reader.childrenOf(relation.dataset, relation.field, parent.key as string, relation.where?.(args) ?? {}, {
    orderBy: relation.orderBy?.(args),
    fields: selectedFields(info),
  });
}

const planned = new WeakMap<object, Map<string, ReadOptions>>();

/**
 * How to read the rows of `type` selected at `path` below the current field:
 * the columns of their selected fields, and their selected relations as
 * includes (each under its response key, with its own arguments).
 */
export function readOptions(info: GraphQLResolveInfo, type: string, path: readonly string[] = []): ReadOptions {
  const pathKey = `${type}@${path.join(".")}`;
  let byPath = planned.get(info.fieldNodes);
  if (!byPath) planned.set(info.fieldNodes, (byPath = new Map()));
  let options = byPath.get(pathKey);
  if (!options) byPath.set(pathKey, (options = plan(info, type, path)));
  return options;
}

function plan(info: GraphQLResolveInfo, type: string, path: readonly string[]): ReadOptions {
  const fields = selectedFields(info, path);
  const graphqlType = info.schema.getType(type);
  if (!isObjectType(graphqlType)) return { fields };
  const include: Include[] = [];
  for (const node of fieldNodesAt(info, path)) {
    const relation = relations.get(`${type}.${node.name.value}`);
    const definition = graphqlType.getFields()[node.name.value];
    if (!relation || !definition) continue;
    const args = getArgumentValues(definition, node, info.variableValues) as Args;
    const key = node.alias?.value ?? node.name.value;
    const same = include.find((i) => i.as === preloadKey(key));
    if (same) {
      // the same field selected twice (fragments): graphql merges the selections, so do the columns
      same.fields = new Set([...same.fields!, ...namesIn(node.selectionSet, info)]);
      continue;
    }
    include.push({
      as: preloadKey(key),
      dataset: relation.dataset,
      field: relation.field,
      where: relation.where?.(args),
      orderBy: relation.orderBy?.(args),
      fields: namesIn(node.selectionSet, info),
    });
  }
  return include.length === 0 ? { fields } : { fields, include };
}

function namesIn(set: SelectionSetNode | undefined, info: GraphQLResolveInfo): ReadonlySet<string> {
  return new Set(set ? fieldsIn(set, info.fragments).map((f) => f.name.value) : []);
}
