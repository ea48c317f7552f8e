/** Disaster information officers (灾害信息员, A and B) and grid members (网格员) of villages and communities, by name. */
import { declareDataset } from "../dataset-spec.js";

export const informationOfficer = declareDataset({
  name: "InformationOfficer",
  sync: { name: "informationOfficer" },
});
