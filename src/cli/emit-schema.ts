import fs from "node:fs";
import path from "node:path";
import { lexicographicSortSchema, printSchema } from "graphql";
import { SCHEMA_DIR } from "../config/paths.js";
import { hubSchema } from "../graph/schema.js";

export const SCHEMA_FILE = path.join(SCHEMA_DIR, "schema.graphql");

/** The SDL as committed: sorted, so that a diff shows only real changes. */
export async function printHubSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await hubSchema()))}\n`;
}

export async function emitSchema(file = SCHEMA_FILE): Promise<string> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, await printHubSchema());
  return file;
}
