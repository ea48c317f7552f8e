import { emergencyConnector } from "./emergency/index.js";
import type { Connector } from "./types.js";

export const ALL_CONNECTORS: Connector[] = [emergencyConnector];

export function connectorByName(name: string): Connector | undefined {
  return ALL_CONNECTORS.find((connector) => connector.name === name);
}
