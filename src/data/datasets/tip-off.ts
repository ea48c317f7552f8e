/** 12350 tip-offs from the public, received for the emergency bureau of the territory they name, newest first. */
import { declareDataset } from "../dataset-spec.js";

export const tipOff = declareDataset({
  name: "TipOff",
  shared: false,
  needs: { hazard: ["hazardId"] },
  defaultOrder: [{ receivedAt: "desc" }],
});
