/**
 * 气象局: CAP 1.2 warnings (GB/T 35965.1) from the national warning release system, as one alert or an Atom
 * feed, and the system's reports of where each warning went (JSON).
 */
import type { Connector } from "../types.js";
import { readCapXml } from "./cap-alert.parser.js";
import { mapCapAlerts } from "./map.js";
import { isDisseminationReport, mapDisseminationReports } from "./dissemination.js";
import { HENAN_FLOOD_SEASON } from "../shared/seasons.js";

export const meteorologyConnector: Connector = {
  name: "meteorology",
  department: "METEOROLOGY",
  sourceSystem: "国家突发事件预警信息发布系统（CAP 1.2）",
  sampleAsOf: "2026-07-20T17:00:00+08:00",
  sampleSeason: HENAN_FLOOD_SEASON,
  carriesWarnings: true,
  sampleDocuments: [
    "samples/feed-2026-07-20.xml",
    "samples/update-kaifeng-rainstorm-orange.xml",
    "samples/cancel-yindu-gale.xml",
    "samples/dissemination-2026-07-20.json",
  ],
  parse(doc) {
    return isDisseminationReport(doc) ? mapDisseminationReports(doc) : mapCapAlerts(readCapXml(doc));
  },
};
