/** What every resolver receives. Built once per HTTP request or WebSocket operation. */
import type { HubConfig } from "../config/config.js";
import type { Database } from "../data/database.js";
import type { Reader } from "../data/reader.js";

export interface HubContext {
  requestId: string;
  reader: Reader;
  db: Database;
  config: HubConfig;
}
