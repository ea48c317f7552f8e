import { Arg, Args, Ctx, ObjectType, Query, Resolver } from "type-graphql";
import { ALL_CONNECTORS } from "../../../connectors/index.js";
import { readGrant } from "../../access/index.js";
import { connectorSyncConfig } from "../../config/sync-config.js";
import { latestRuns } from "../../data/sync-runs.js";
import { connectionOf } from "../common/connection.type.js";
import { PageArgs } from "../common/inputs.js";
import { withEquals } from "../common/list.js";
import type { HubContext } from "../context.js";
import { connectorStatus } from "./connector-status.js";
import { ConnectorStatus, QuarantinedRecord } from "./sync.type.js";

@ObjectType()
class QuarantinedRecordConnection extends connectionOf(QuarantinedRecord) {}

/** Every connector's status now, for a reader the catalogue shares ConnectorStatus with (none for others). Derived from SyncRun. */
export async function connectorStatuses(ctx: HubContext, now: Date): Promise<ConnectorStatus[]> {
  if (readGrant(ctx.catalog, ctx.principal, "ConnectorStatus") === null) return [];
  const runs = await latestRuns(ctx.db.sql, ALL_CONNECTORS.map((c) => c.name));
  return ALL_CONNECTORS.map((connector) => connectorStatus(connector, connectorSyncConfig(ctx.config.sync, connector.name).intervalSeconds, runs.get(connector.name)!, now));
}

@Resolver()
export class SyncResolver {
  @Query(() => [ConnectorStatus], { description: "Every department connector with its schedule and freshness (ADMIN and supervisors; empty for others)" })
  async connectors(@Ctx() ctx: HubContext): Promise<ConnectorStatus[]> {
    const seesRuns = readGrant(ctx.catalog, ctx.principal, "SyncRun") !== null;
    return (await connectorStatuses(ctx, new Date())).map((status) => (seesRuns ? status : { ...status, lastRun: null }));
  }

  @Query(() => QuarantinedRecordConnection, { description: "Records the hub refused, newest first (ADMIN only; empty for others)" })
  quarantine(
    @Arg("connector", () => String, { nullable: true, description: "Only this connector's" }) connector: string | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: HubContext,
  ) {
    return ctx.reader.connection("QuarantinedRecord", withEquals({}, { connector }), page);
  }
}
