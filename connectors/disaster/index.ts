/** 应急管理局 (救灾): the counties' disaster reports (灾情报送) from the disaster reporting system. */
import type { Connector } from "../types.js";
import { mapDisasterReports } from "./map.js";
import { HENAN_FLOOD_SEASON } from "../shared/seasons.js";

export const disasterConnector: Connector = {
  name: "disaster",
  department: "EMERGENCY",
  sourceSystem: "国家自然灾害灾情管理系统",
  sampleAsOf: "2026-07-20T18:00:00+08:00",
  sampleSeason: HENAN_FLOOD_SEASON,
  sampleDocuments: ["samples/reports-2026-07-20.json"],
  parse: mapDisasterReports,
};
