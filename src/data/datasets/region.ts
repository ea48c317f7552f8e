/** The administrative divisions (行政区划): reference data. */
import { declareDataset } from "../dataset-spec.js";

export const region = declareDataset({
  name: "Region",
  key: "code",
  regionPath: null,
  shared: false,
  defaultOrder: [{ code: "asc" }],
  needs: { parent: ["parentCode"], children: [], situation: ["code"] },
});
