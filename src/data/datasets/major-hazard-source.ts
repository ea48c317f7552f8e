/** Major hazard sources (重大危险源, GB 18218) of an enterprise. */
import { declareDataset, ENTERPRISE, ENTERPRISE_PARENT } from "../dataset-spec.js";

export const majorHazardSource = declareDataset({
  name: "MajorHazardSource",
  enterprisePath: ["enterpriseCode"],
  relations: { enterprise: ENTERPRISE },
  sync: { name: "majorHazardSource", parents: [ENTERPRISE_PARENT] },
});
