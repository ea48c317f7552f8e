#!/usr/bin/env node
// The `emhub` command. The CLI runs from dist/, built once by bin/build.js and
// again only when a source has changed since.
import { ensureBuilt } from "./build.js";

try {
  await ensureBuilt();
} catch (error) {
  process.stderr.write(`emhub: ${error.message}\n`);
  process.exit(1);
}
await import("../dist/src/cli/main.js");
