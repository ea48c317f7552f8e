/** A county's disaster reports (灾情报送: 初报, 续报, 核报), newest first. */
import { declareDataset } from "../dataset-spec.js";

export const disasterReport = declareDataset({
  name: "DisasterReport",
  defaultOrder: [{ sentAt: "desc" }],
  relations: { event: { dataset: "DisasterEvent", from: "eventId", to: "id" } },
  needs: { onTime: ["eventId", "stage", "sentAt"], event: ["eventId"] },
  sync: { name: "disasterReport" },
});
