/** 应急管理局: enterprises, dual-prevention records and emergency resources from the bureau's paged REST API. */
import type { Connector, Dataset } from "../types.js";
import { mapEmergencyPage } from "./map.js";
import { parsePagedJson } from "./paged-json.parser.js";

export { generateEmergencyFeed, generateEmergencyPages, type EmergencyFeedOptions } from "./generate.js";

/** The emergency bureau's register of response resources (应急资源). */
export const EMERGENCY_RESOURCE_SYSTEM = "河南省应急管理综合应用平台（应急资源）";
const EMERGENCY_RESOURCE_DATASETS: Dataset[] = ["shelter", "rescueTeam", "teamMember", "supplyDepot", "supplyItem", "emergencyPlan", "expert", "dutyShift", "informationOfficer"];

export const emergencyConnector: Connector = {
  name: "emergency",
  department: "EMERGENCY",
  sourceSystem: "河南省安全生产风险隐患双重预防体系",
  // the bureau's resource registers (shelters, teams, depots) are not dual-prevention records
  sourceSystems: Object.fromEntries(EMERGENCY_RESOURCE_DATASETS.map((dataset) => [dataset, EMERGENCY_RESOURCE_SYSTEM])),
  sampleAsOf: "2026-11-20T18:00:00+08:00",
  sampleDocuments: ["samples/page-1-of-1.json"],
  parse(doc) {
    return mapEmergencyPage(parsePagedJson(doc));
  },
};
