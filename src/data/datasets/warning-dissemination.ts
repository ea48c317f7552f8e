/** Where a warning went (预警信息发布情况): the release system's reports by channel and division, newest first. */
import { declareDataset } from "../dataset-spec.js";

export const warningDissemination = declareDataset({
  name: "WarningDissemination",
  relations: { warning: { dataset: "Warning", from: "warningId", to: "id" } },
  defaultOrder: [{ sentAt: "desc" }],
  sync: { name: "warningDissemination" },
});
