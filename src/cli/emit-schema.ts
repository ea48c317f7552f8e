import fs from "node:fs";
import path from "node:path";
import { lexicographicSortSchema, printSchema } from "graphql";
import { SCHEMA_DIR } from "../config/paths.js";
import { printHubSubgraph } from "../federation/subgraph.js";

export { printHubSubgraph };
import { hubSchema } from "../graph/schema.js";

export const SCHEMA_FILE = path.join(SCHEMA_DIR, "schema.graphql");
/** The hub as a Federation 2 subgraph (with @key, _service, _entities): what a gateway composes. */
export const SUBGRAPH_FILE = path.join(SCHEMA_DIR, "subgraph.graphql");

/** The SDL as committed: sorted, so that a diff shows only real changes. */
export async function printHubSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await hubSchema()))}\n`;
}

/** Writes schema/schema.graphql and schema/subgraph.graphql. */
export async function emitSchema(): Promise<string[]> {
  fs.mkdirSync(SCHEMA_DIR, { recursive: true });
  fs.writeFileSync(SCHEMA_FILE, await printHubSchema());
  fs.writeFileSync(SUBGRAPH_FILE, await printHubSubgraph());
  return [SCHEMA_FILE, SUBGRAPH_FILE];
}
