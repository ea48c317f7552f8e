/**
 * Builds selections from the schema itself, so that tests cover every field a
 * client can ask for: scalars and enums of a type, and its argument-free
 * object fields to a given depth.
 */
import {
  getNamedType,
  isLeafType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";

const callableWithoutArgs = (field: GraphQLField<unknown, unknown>) => field.args.every((arg) => arg.type.toString().slice(-1) !== "!");

/**
 * Figures computed per row, under a budget per operation (src/graph/figure-budget.ts): selected on every row
 * of every list they would spend it; their scope is tested on their own (situation.test.ts, geo.test.ts).
 */
const PER_ROW_FIGURES = new Set(["Region.situation", "Warning.affected"]);

export function selectionOf(type: GraphQLObjectType, depth: number): string {
  const parts = ["__typename"];
  for (const field of Object.values(type.getFields())) {
    if (!callableWithoutArgs(field) || PER_ROW_FIGURES.has(`${type.name}.${field.name}`)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (depth > 0 && isObjectType(named) && !/Connection$/.test(named.name)) parts.push(`${field.name} { ${selectionOf(named, depth - 1)} }`);
  }
  return parts.join(" ");
}

/** Every root list (a Query field returning a connection), each read with `first`. */
export function rootListsQuery(schema: GraphQLSchema, first: number, depth: number): string {
  const lists = Object.values(schema.getQueryType()!.getFields()).filter((field) => /Connection$/.test(getNamedType(field.type).name));
  const body = lists.map((field) => {
    const connection = getNamedType(field.type) as GraphQLObjectType;
    const node = getNamedType(connection.getFields().edges!.type) as GraphQLObjectType;
    const nodeType = getNamedType(node.getFields().node!.type) as GraphQLObjectType;
    return `${field.name}(first: ${first}) { totalCount edges { node { ${selectionOf(nodeType, depth)} } } }`;
  });
  return `{ ${body.join(" ")} }`;
}

/** node(id:) lookups, each with an inline fragment for the type its id names. */
export function nodesQuery(schema: GraphQLSchema, probes: Array<{ id: string; type: string }>): string {
  const lookups = probes.map(({ id, type }, i) => {
    const objectType = schema.getType(type);
    if (!isObjectType(objectType)) throw new Error(`${type} is not an object type`);
    return `n${i}: node(id: ${JSON.stringify(id)}) { __typename ... on ${type} { ${selectionOf(objectType, 0)} } }`;
  });
  return `{ ${lookups.join(" ")} }`;
}

/** One `_entities` lookup (the subgraph's) of all the probes, each with the same selection as nodesQuery. */
export function entitiesQuery(schema: GraphQLSchema, types: readonly string[]): string {
  const fragments = [...new Set(types)].map((type) => {
    const objectType = schema.getType(type);
    if (!isObjectType(objectType)) throw new Error(`${type} is not an object type`);
    return `... on ${type} { ${selectionOf(objectType, 0)} }`;
  });
  return `query Entities($representations: [_Any!]!) { _entities(representations: $representations) { __typename ${fragments.join(" ")} } }`;
}
