/** Paths inside the installed package, the same from src/ (tests) and dist/src/ (built). */
import fs from "node:fs";
import path from "node:path";

function findProjectRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findProjectRoot(import.meta.dirname);
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma", "migrations");
export const SCHEMA_DIR = path.join(PROJECT_ROOT, "schema");
/** The sharing catalogue: who reads and writes what (schema/sharing-catalog.yaml). */
export const CATALOG_FILE = path.join(SCHEMA_DIR, "sharing-catalog.yaml");
export const CONNECTORS_DIR = path.join(PROJECT_ROOT, "connectors");
