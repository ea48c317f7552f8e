/** 自然资源局: geological hazard points (地质灾害隐患点) as a GeoJSON FeatureCollection with Chinese property names. */
import type { Connector } from "../types.js";
import { readFeatureCollection } from "./geojson.parser.js";
import { mapGeoHazardFeatures } from "./map.js";

export const naturalResourcesConnector: Connector = {
  name: "natural-resources",
  department: "NATURAL_RESOURCES",
  sourceSystem: "河南省地质灾害防治信息系统",
  sampleDocuments: ["samples/geo-hazard-points.geojson"],
  parse(doc) {
    return mapGeoHazardFeatures(readFeatureCollection(doc));
  },
};
