/** A warning's areas. */
import { declareDataset } from "../dataset-spec.js";

export const warningArea = declareDataset({
  name: "WarningArea",
  regionPath: ["warning", "regionCodes"],
  shared: false,
  defaultOrder: [{ areaDesc: "asc" }],
  relations: { warning: { dataset: "Warning", from: "warningId", to: "id" } },
  needs: { geometry: ["polygons", "circles"] },
});
