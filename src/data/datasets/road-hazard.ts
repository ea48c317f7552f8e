/** Road hazard sections and closures. */
import { declareDataset, GEOMETRY } from "../dataset-spec.js";

export const roadHazard = declareDataset({
  name: "RoadHazard",
  needs: { geometry: GEOMETRY },
  sync: { name: "roadHazard" },
});
