/** An enterprise's public risk notice: a view (migration 20261127040000), read only by its key. */
import { declareDataset } from "../dataset-spec.js";

export const enterpriseNotice = declareDataset({
  name: "EnterpriseNotice",
  key: "creditCode",
  regionPath: null,
  shared: false,
  defaultOrder: [{ creditCode: "asc" }],
  needs: { region: ["regionCode"], riskPointCounts: ["riskPoints"], fileUrl: ["creditCode"] },
  // the field policy shows its personal contacts only inside the reader's territory
  alwaysRead: ["regionCode"],
});
