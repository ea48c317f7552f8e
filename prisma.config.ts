// Prisma CLI configuration. The hub runs Prisma without its native engines:
// the query compiler and the schema engine both run in JavaScript and reach
// PostgreSQL through the `pg` driver adapter, so `prisma generate` and the
// migrate commands work offline. DATABASE_URL selects the server for the CLI.
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// The schema names env("DATABASE_URL"); `prisma generate` never connects, so a
// placeholder keeps it working on a machine with no database configured.
process.env.DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/emhub";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL });
  },
});
