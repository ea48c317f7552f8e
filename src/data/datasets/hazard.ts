/** Hazards (事故隐患) and their rectification, newest first. */
import { declareDataset, ENTERPRISE_PARENT } from "../dataset-spec.js";

export const hazard = declareDataset({
  name: "Hazard",
  enterprisePath: ["enterpriseCode"],
  defaultOrder: [{ foundAt: "desc" }],
  needs: {
    enterprise: ["enterpriseCode"],
    riskPoint: ["riskPointId"],
    events: [],
    overdue: ["state", "deadline", "supervisionDeadline"],
    supervised: ["supervisedBy"],
    supervisingAuthority: ["supervisedBy"],
  },
  sync: { name: "hazard", writer: "hazard", parents: [ENTERPRISE_PARENT] },
});
