/**
 * emhub as an Apollo Federation 2 subgraph: the hub's own schema (types,
 * resolvers, field policy) printed with its `@key` directives and rebuilt by
 * @apollo/subgraph (type-graphql's recipe), with `_service` and `_entities`.
 * An entity reference resolves through the Reader, as `node(id)` does, so
 * territory, sector, catalogue and masking apply to `_entities` exactly as to
 * the hub's own API; a reference outside the caller's scope resolves to null.
 *
 * Keys, unique across the province: Region by division code, Enterprise by
 * unified social credit code, Shelter, HydroStation and MonitoringPoint by
 * global id or their own code, the other shared records by global id.
 */
import { buildSubgraphSchema, printSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { lexicographicSortSchema, parse, type GraphQLSchema } from "graphql";
import { createResolversMap } from "type-graphql";
import type { DatasetName } from "../data/datasets.js";
import { fromGlobalId } from "../data/global-id.js";
import type { Row } from "../data/reader.js";
import type { HubContext } from "../graph/context.js";
import { hubSchema } from "../graph/schema.js";

export const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])`;

/** How each entity's references are resolved: which key fields, read how. */
const ENTITIES: Record<string, { dataset: DatasetName; byCode?: string }> = {
  Region: { dataset: "Region", byCode: "code" },
  Enterprise: { dataset: "Enterprise", byCode: "creditCode" },
  Shelter: { dataset: "Shelter", byCode: "code" },
  HydroStation: { dataset: "HydroStation", byCode: "code" },
  RescueTeam: { dataset: "RescueTeam" },
  SupplyDepot: { dataset: "SupplyDepot" },
  Hazard: { dataset: "Hazard" },
  Warning: { dataset: "Warning" },
  GeoHazardPoint: { dataset: "GeoHazardPoint" },
  RoadHazard: { dataset: "RoadHazard" },
  MonitoringPoint: { dataset: "MonitoringPoint", byCode: "code" },
  MonitoringAlarm: { dataset: "MonitoringAlarm" },
};

/** The row a reference names, read as the caller: null when absent or out of scope. */
async function resolveReference(type: string, reference: Record<string, unknown>, ctx: HubContext): Promise<Row | null> {
  const { dataset, byCode } = ENTITIES[type]!;
  if (typeof reference.id === "string") {
    const decoded = fromGlobalId(reference.id);
    return decoded?.type === dataset ? ctx.reader.byKey(dataset, decoded.key) : null;
  }
  const code = byCode ? reference[byCode] : undefined;
  if (typeof code !== "string") return null;
  // Region, Enterprise, HydroStation and MonitoringPoint are keyed by their code; a shelter's code is a column of its own
  if (dataset !== "Shelter") return ctx.reader.byKey(dataset, code);
  const [row] = await ctx.reader.all(dataset, { code });
  return row ? ctx.reader.present(dataset, row) : null;
}

let cached: Promise<GraphQLSchema> | null = null;

/** The subgraph schema, built once per process from the hub's schema. */
export function subgraphSchema(): Promise<GraphQLSchema> {
  cached ??= hubSchema().then((schema) => {
    const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
    for (const type of Object.keys(ENTITIES)) {
      resolvers[type] = { ...resolvers[type], __resolveReference: (reference: Record<string, unknown>, ctx: HubContext) => resolveReference(type, reference, ctx) };
    }
    // the type definitions in sorted order, so the SDL printed from them does not depend on the order modules load in
    return buildSubgraphSchema({ typeDefs: parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(lexicographicSortSchema(schema))}`), resolvers: resolvers as never });
  });
  return cached;
}

/** The subgraph SDL as committed in schema/subgraph.graphql: what composition reads. */
export async function printHubSubgraph(): Promise<string> {
  return `${printSubgraphSchema(lexicographicSortSchema(await subgraphSchema()))}\n`;
}
