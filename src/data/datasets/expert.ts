/** The emergency bureau's expert pools (应急专家库), by name; nearest first with `near`. */
import { declareDataset, GEOMETRY } from "../dataset-spec.js";

export const expert = declareDataset({
  name: "Expert",
  needs: { geometry: GEOMETRY },
  sync: { name: "expert" },
});
