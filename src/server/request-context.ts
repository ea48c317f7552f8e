/** Builds the per-operation context: a fresh Reader (and so fresh DataLoaders) every time. */
import crypto from "node:crypto";
import type { HubConfig } from "../config/config.js";
import type { Database } from "../data/database.js";
import { UNRESTRICTED } from "../data/read-scope.js";
import { Reader } from "../data/reader.js";
import type { HubContext } from "../graph/context.js";

export interface ContextDeps {
  db: Database;
  config: HubConfig;
}

export async function buildContext(deps: ContextDeps, requestId: string = crypto.randomUUID()): Promise<HubContext> {
  return {
    requestId,
    reader: new Reader(deps.db.prisma, UNRESTRICTED, deps.config.limits.pageMax),
    db: deps.db,
    config: deps.config,
  };
}
