/** 水利局: SL 323 real-time rain and water tables (stations, thresholds, river and reservoir readings). */
import type { Connector } from "../types.js";
import { mapSl323 } from "./map.js";
import { parseSl323 } from "./sl323.parser.js";
import { HENAN_FLOOD_SEASON } from "../shared/seasons.js";

export const waterConnector: Connector = {
  name: "water",
  department: "WATER",
  sourceSystem: "河南省实时雨水情数据库（SL 323）",
  sampleAsOf: "2026-07-20T14:00:00+08:00",
  sampleSeason: HENAN_FLOOD_SEASON,
  sampleDocuments: ["samples/sl323-2026-07-20T08.json", "samples/ST_RIVER_R_2026072014.csv"],
  parse(doc) {
    return mapSl323(parseSl323(doc));
  },
};
