/** 应急管理局: enterprises, dual-prevention records and emergency resources from the bureau's paged REST API. */
import type { Connector } from "../types.js";
import { mapEmergencyPage } from "./map.js";
import { parsePagedJson } from "./paged-json.parser.js";

export { generateEmergencyFeed, generateEmergencyPages, type EmergencyFeedOptions } from "./generate.js";

export const emergencyConnector: Connector = {
  name: "emergency",
  department: "EMERGENCY",
  sourceSystem: "河南省安全生产风险隐患双重预防体系",
  sampleAsOf: "2026-11-20T18:00:00+08:00",
  sampleDocuments: ["samples/page-1-of-1.json"],
  parse(doc) {
    return mapEmergencyPage(parsePagedJson(doc));
  },
};
