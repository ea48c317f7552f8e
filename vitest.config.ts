import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  // type-graphql reads decorator metadata: oxc must emit it.
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  resolve: {
    // graphql ships an ESM and a CJS build; one realm only.
    alias: { graphql: require.resolve("graphql") },
  },
  test: {
    include: ["test/**/*.test.ts", "connectors/**/*.test.ts"],
    // deadlines, not budgets: they bound how long a broken feature hangs a test. A test waits for
    // its condition (test/helpers/wait.ts), so the suite passes on a busy machine too.
    testTimeout: 300_000,
    hookTimeout: 600_000,
    pool: "forks",
    fileParallelism: true,
    maxWorkers: 2,
    // request lines of in-process hubs would drown the report; hub processes set their own level
    env: { EMHUB_LOG_LEVEL: "error" },
  },
});
