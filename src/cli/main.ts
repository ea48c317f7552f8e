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
  .description("write the GraphQL schema to schema/schema.graphql, and the hub's subgraph schema to schema/subgraph.graphql")
  .action(async () => console.log(`wrote ${(await emitSchema()).join(", ")}`));

program
  .command("gateway")
  .description("compose a supergraph from the subgraphs of a configuration file, write it, and serve it with Hive Gateway")
  .option("--config <file>", "gateway configuration (YAML; see src/federation/gateway.ts)", "subgraphs/gateway.yaml")
  .option("--port <port>", "port to serve the supergraph on", "4100")
  .option("--compose-only", "write the supergraph and exit: a composition check for CI")
  .action(async (options: { config: string; port: string; composeOnly?: boolean }) => {
    // composition and Hive Gateway load only for this command, not at every start of the hub
    const { composeFromConfig, CompositionError, loadGatewayConfig, serveGateway } = await import("../federation/gateway.js");
    try {
      const config = loadGatewayConfig(options.config);
      const hubConfig = loadConfig();
      const supergraph = await composeFromConfig(config, hubConfig.gatewaySecret);
      console.log(`composed ${config.subgraphs.map((s) => s.name).join(" + ")} into ${config.supergraph}`);
      if (options.composeOnly) return;
      const hubs = config.subgraphs.filter((s) => s.hub).map((s) => s.name);
      const gateway = await serveGateway(supergraph, Number(options.port), "0.0.0.0", { config: hubConfig, hubs });
      console.log(`supergraph on ${gateway.url.replace("127.0.0.1", "localhost")}`);
      const stop = () => void gateway.stop().then(() => process.exit(0));
      process.once("SIGTERM", stop);
      process.once("SIGINT", stop);
    } catch (error) {
      if (!(error instanceof CompositionError)) throw error;
      console.error(error.message);
      process.exitCode = 1;
    }
  });

program.addCommand(tokenCommand);
program.addCommand(syncCommand);

program.parseAsync().catch((error: unknown) => {
  console.error(`emhub: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
