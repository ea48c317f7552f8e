#!/usr/bin/env node
// Builds what the hub runs from: the Prisma client, the TypeScript (tsc keeps
// the decorator metadata type-graphql needs) and the web pages (Vite). It
// stamps dist/ when done, so bin/emhub.js can tell a build that is current.
// `node bin/build.js` builds always; with --if-stale, and through
// `ensureBuilt()`, only when a source is newer than the stamp (or there is none).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const STAMP = path.join(ROOT, "dist", ".built");
/** What the build reads; a change to any of them makes the build stale. */
const INPUTS = ["src", "connectors", "subgraphs", "prisma/schema.prisma", "tsconfig.json", "tsconfig.build.json", "package-lock.json"];
const SKIPPED = new Set(["generated", "node_modules"]);
const tool = (name) => path.join(ROOT, "node_modules", ".bin", name);

const STEPS = [
  ["Prisma client", tool("prisma"), ["generate"]],
  ["TypeScript", tool("tsc"), ["-p", "tsconfig.build.json"]],
  ["web pages", tool("vite"), ["build", "--config", "src/web/vite.config.ts", "--logLevel", "warn"]],
];

function newestChange(file) {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(file)) {
    if (!SKIPPED.has(entry)) newest = Math.max(newest, newestChange(path.join(file, entry)));
  }
  return newest;
}

export function isStale() {
  const built = fs.statSync(STAMP, { throwIfNoEntry: false });
  return !built || INPUTS.some((input) => newestChange(path.join(ROOT, input)) > built.mtimeMs);
}

export function build() {
  for (const [what, command, args] of STEPS) {
    const started = Date.now();
    // stdout is the command's own output (`emhub schema` prints there): the build reports on stderr
    const run = spawnSync(command, args, { cwd: ROOT, stdio: ["ignore", process.stderr, process.stderr] });
    if (run.status !== 0) throw new Error(`build failed at the ${what} step (${path.basename(command)} ${args.join(" ")})`);
    process.stderr.write(`built the ${what} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  fs.writeFileSync(STAMP, new Date().toISOString() + "\n");
}

/** Builds when stale, under a lock so that two starts at once build once. */
export async function ensureBuilt() {
  if (!isStale()) return;
  const { default: lockfile } = await import("proper-lockfile");
  const release = await lockfile.lock(ROOT, { lockfilePath: path.join(ROOT, ".build.lock"), retries: { retries: 120, minTimeout: 500, maxTimeout: 1000 } });
  try {
    if (isStale()) {
      process.stderr.write("sources changed since the last build: building once\n");
      build();
    }
  } finally {
    await release();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    if (process.argv.includes("--if-stale")) await ensureBuilt();
    else build();
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
