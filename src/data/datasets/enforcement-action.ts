/** Law-enforcement inspections (执法检查) of an enterprise: findings, orders and penalties, newest first. */
import { declareDataset, ENTERPRISE, ENTERPRISE_PARENT } from "../dataset-spec.js";

export const enforcementAction = declareDataset({
  name: "EnforcementAction",
  enterprisePath: ["enterpriseCode"],
  relations: { enterprise: ENTERPRISE },
  defaultOrder: [{ inspectedAt: "desc" }],
  needs: { hazards: ["hazardSourceIds", "sourceSystem"], enterprise: ["enterpriseCode"] },
  sync: { name: "enforcementAction", parents: [ENTERPRISE_PARENT] },
});
