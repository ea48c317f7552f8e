import fs from "node:fs";
import { expect, it } from "vitest";
import { printHubSchema, printHubSubgraph, SCHEMA_FILE, SUBGRAPH_FILE } from "../../src/cli/emit-schema.js";

it("schema/schema.graphql is the schema the code builds (run `npm run schema:emit` after changing types)", async () => {
  const committed = fs.readFileSync(SCHEMA_FILE, "utf8");
  expect(committed).toBe(await printHubSchema());
});

it("schema/subgraph.graphql is the subgraph schema the code builds (run `npm run schema:emit` after changing types or keys)", async () => {
  const committed = fs.readFileSync(SUBGRAPH_FILE, "utf8");
  expect(committed).toBe(await printHubSubgraph());
});
