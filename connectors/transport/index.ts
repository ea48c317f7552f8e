/** 交通运输局: road hazard sections and closures as a GB18030 CSV with Chinese headers. */
import type { Connector } from "../types.js";
import { readGb18030Csv } from "./gb18030-csv.parser.js";
import { mapRoadHazards } from "./map.js";
import { OPTIONAL_COLUMNS, REQUIRED_COLUMNS } from "./road-hazard.schema.js";
import { HENAN_FLOOD_SEASON } from "../shared/seasons.js";

export const transportConnector: Connector = {
  name: "transport",
  department: "TRANSPORT",
  sourceSystem: "河南省公路安全隐患排查治理系统",
  sampleAsOf: "2026-07-20T17:00:00+08:00",
  sampleSeason: HENAN_FLOOD_SEASON,
  sampleDocuments: ["samples/road-hazards.csv"],
  parse(doc) {
    return mapRoadHazards(readGb18030Csv(doc, { required: REQUIRED_COLUMNS, optional: OPTIONAL_COLUMNS }));
  },
};
