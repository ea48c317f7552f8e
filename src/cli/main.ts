/** The `emhub` command line. */
import "reflect-metadata";
import { Command } from "commander";
import { loadConfig } from "../config/config.js";
import { openDatabase } from "../data/database.js";
import { migrate } from "../data/migrate.js";
import { writeReferenceData } from "../data/reference-data.js";
import { serve } from "../server/boot.js";
import { emitSchema } from "./emit-schema.js";
import { syncCommand } from "./sync-command.js";
import { tokenCommand } from "./token.js";

const program = new Command("emhub").description("GraphQL hub for cross-department emergency-management data sharing");

program
  .command("serve")
  .description("apply migrations, load sample feeds into a fresh database, and serve GraphQL over HTTP and WebSocket")
  .action(async () => serve(loadConfig()));

program
  .command("migrate")
  .description("apply pending migrations from prisma/migrations and write reference data")
  .action(async () => {
    const db = await openDatabase(loadConfig());
    try {
      const { applied, alreadyApplied } = await migrate(db.prisma);
      await writeReferenceData(db.prisma);
      console.log(applied.length ? `applied: ${applied.join(", ")}` : `up to date (${alreadyApplied} migrations)`);
    } finally {
      await db.close();
    }
  });

program
  .command("schema")
  .description("write the GraphQL schema to schema/schema.graphql")
  .action(async () => console.log(`wrote ${await emitSchema()}`));

program.addCommand(tokenCommand);
program.addCommand(syncCommand);

program.parseAsync().catch((error: unknown) => {
  console.error(`emhub: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
