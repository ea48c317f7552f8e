#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (tsc keeps the
// decorator metadata that type-graphql needs).
import "../dist/src/cli/main.js";
