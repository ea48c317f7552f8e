/** Emergency plans (应急预案): overall, special, departmental, grassroots and enterprise plans, by name. */
import { declareDataset, ENTERPRISE_PARENT } from "../dataset-spec.js";

export const emergencyPlan = declareDataset({
  name: "EmergencyPlan",
  enterprisePath: ["enterpriseCode"],
  needs: { drilledWithinYear: ["lastDrillAt"] },
  sync: { name: "emergencyPlan", parents: [ENTERPRISE_PARENT] },
});
