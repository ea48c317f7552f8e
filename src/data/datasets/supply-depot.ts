/** Supply depots (物资储备库). */
import { declareDataset, ENTERPRISE_PARENT, GEOMETRY } from "../dataset-spec.js";

export const supplyDepot = declareDataset({
  name: "SupplyDepot",
  enterprisePath: ["enterpriseCode"],
  needs: { items: [], geometry: GEOMETRY },
  sync: { name: "supplyDepot", parents: [ENTERPRISE_PARENT] },
});
