/** A rescue team's roster. */
import { declareDataset } from "../dataset-spec.js";

export const teamMember = declareDataset({
  name: "TeamMember",
  regionPath: ["team", "regionCode"],
  relations: { team: { dataset: "RescueTeam", from: "teamId", to: "id" } },
  sync: { name: "teamMember" },
});
