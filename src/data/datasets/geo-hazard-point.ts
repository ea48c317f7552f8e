/** Geological hazard points (地质灾害隐患点). */
import { declareDataset, GEOMETRY } from "../dataset-spec.js";

export const geoHazardPoint = declareDataset({
  name: "GeoHazardPoint",
  needs: { geometry: GEOMETRY },
  sync: { name: "geoHazardPoint" },
});
