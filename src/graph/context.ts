/** What every resolver receives. Built once per HTTP request or WebSocket operation. */
import type { Catalog, Principal } from "../access/index.js";
import type { HubConfig } from "../config/config.js";
import type { Database } from "../data/database.js";
import type { Reader } from "../data/reader.js";
import type { EventBus } from "../events/event-bus.js";
import type { FieldDecision } from "./field-decision.js";
import type { PersonalReads } from "./personal-reads.js";

export interface HubContext {
  requestId: string;
  principal: Principal;
  catalog: Catalog;
  /** Reads shared data within the principal's scope; the only way resolvers read. */
  reader: Reader;
  /** Unmasked PERSONAL values returned, audited when the operation ends. */
  personalReads: PersonalReads;
  /** The field policy's decisions for this operation's principal, by field slot (field-policy.ts). */
  fieldDecisions: FieldDecision[];
  db: Database;
  config: HubConfig;
  /** Publish after a commit; subscriptions listen here. */
  events: EventBus;
  /**
   * The request came through the deployment's own gateway (it carried the
   * gateway secret): the gateway held the caller to the trusted documents
   * already, and its query plan's operations are its own.
   */
  viaGateway?: boolean;
}
