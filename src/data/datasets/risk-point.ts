/** Risk points (风险点) of an enterprise, four colours. */
import { declareDataset, ENTERPRISE, ENTERPRISE_PARENT } from "../dataset-spec.js";

export const riskPoint = declareDataset({
  name: "RiskPoint",
  enterprisePath: ["enterpriseCode"],
  relations: { enterprise: ENTERPRISE },
  needs: { enterprise: ["enterpriseCode"] },
  sync: { name: "riskPoint", parents: [ENTERPRISE_PARENT] },
});
