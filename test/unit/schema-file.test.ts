import fs from "node:fs";
import { expect, it } from "vitest";
import { printHubSchema, SCHEMA_FILE } from "../../src/cli/emit-schema.js";

it("schema/schema.graphql is the schema the code builds (run `npm run schema:emit` after changing types)", async () => {
  const committed = fs.readFileSync(SCHEMA_FILE, "utf8");
  expect(committed).toBe(await printHubSchema());
});
