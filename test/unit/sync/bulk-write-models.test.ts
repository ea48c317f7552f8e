/**
 * Bulk writes bypass Prisma, so they must set what Prisma would: every
 * `@updatedAt` column of a synced model has to be declared in DATASET_MODELS.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { PROJECT_ROOT } from "../../../src/config/paths.js";
import { tableOf } from "../../../src/sync/bulk-write.js";
import { DATASET_MODELS } from "../../../src/sync/dataset-models.js";

const schema = fs.readFileSync(path.join(PROJECT_ROOT, "prisma/schema.prisma"), "utf8");

function modelBlock(table: string): string {
  const match = new RegExp(`^model ${table} \\{([\\s\\S]*?)^\\}`, "m").exec(schema);
  if (!match) throw new Error(`no model ${table} in schema.prisma`);
  return match[1]!;
}

it("declares the @updatedAt column of every synced model, and every table exists unmapped", () => {
  for (const spec of Object.values(DATASET_MODELS)) {
    const block = modelBlock(tableOf(spec.model).slice(1, -1));
    expect(block, spec.model).not.toMatch(/@@map|@map\(/);
    expect(/^\s*updatedAt\s+DateTime\s+@updatedAt/m.test(block), spec.model).toBe(spec.updatedAt === true);
  }
});
