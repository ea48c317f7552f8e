/** The department connectors the hub syncs, in the order their samples load (parents first). */
import { emergencyConnector } from "./emergency/index.js";
import { disasterConnector } from "./disaster/index.js";
import { meteorologyConnector } from "./meteorology/index.js";
import { monitoringConnector } from "./monitoring/index.js";
import { naturalResourcesConnector } from "./natural-resources/index.js";
import { transportConnector } from "./transport/index.js";
import type { Connector } from "./types.js";
import { waterConnector } from "./water/index.js";

export { disasterConnector } from "./disaster/index.js";
export { emergencyConnector, generateEmergencyFeed, generateEmergencyPages, type EmergencyFeedOptions } from "./emergency/index.js";
export { meteorologyConnector } from "./meteorology/index.js";
export { monitoringConnector } from "./monitoring/index.js";
export { naturalResourcesConnector } from "./natural-resources/index.js";
export { transportConnector } from "./transport/index.js";
export { waterConnector } from "./water/index.js";

export const ALL_CONNECTORS: Connector[] = [
  emergencyConnector,
  monitoringConnector,
  waterConnector,
  meteorologyConnector,
  naturalResourcesConnector,
  transportConnector,
  disasterConnector,
];

export function connectorByName(name: string): Connector | undefined {
  return ALL_CONNECTORS.find((connector) => connector.name === name);
}
