/** Rescue teams (救援队伍), government and enterprise. */
import { declareDataset, ENTERPRISE_PARENT, GEOMETRY } from "../dataset-spec.js";

export const rescueTeam = declareDataset({
  name: "RescueTeam",
  enterprisePath: ["enterpriseCode"],
  needs: { members: [], geometry: GEOMETRY },
  sync: { name: "rescueTeam", parents: [ENTERPRISE_PARENT] },
});
