/** Weather warnings (CAP 1.2), newest first. */
import { declareDataset } from "../dataset-spec.js";

export const warning = declareDataset({
  name: "Warning",
  regionPath: ["regionCodes"],
  defaultOrder: [{ sent: "desc" }],
  needs: { status: ["status", "expires"], areas: [], supersededBy: ["supersededById"], geometry: [], affected: ["regionCodes"], dissemination: [], response: ["type", "regionCodes"] },
  sync: { name: "warning", writer: "warning" },
});
