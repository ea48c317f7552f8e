/** A hazard's history, one event per step, in order. */
import { declareDataset } from "../dataset-spec.js";

export const hazardEvent = declareDataset({
  name: "HazardEvent",
  regionPath: ["hazard", "regionCode"],
  enterprisePath: ["hazard", "enterpriseCode"],
  shared: false,
  defaultOrder: [{ seq: "asc" }],
  relations: { hazard: { dataset: "Hazard", from: "hazardId", to: "id" } },
});
