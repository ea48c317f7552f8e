/** Emergency shelters (应急避难场所). */
import { declareDataset, GEOMETRY } from "../dataset-spec.js";

export const shelter = declareDataset({
  name: "Shelter",
  needs: { geometry: GEOMETRY },
  sync: { name: "shelter" },
});
