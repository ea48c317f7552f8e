/** Records the connectors refused, with the reason, newest first. */
import { declareDataset } from "../dataset-spec.js";

export const quarantinedRecord = declareDataset({
  name: "QuarantinedRecord",
  regionPath: null,
  shared: false,
  defaultOrder: [{ receivedAt: "desc" }],
});
