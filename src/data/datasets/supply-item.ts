/** A depot's stock. */
import { declareDataset } from "../dataset-spec.js";

export const supplyItem = declareDataset({
  name: "SupplyItem",
  regionPath: ["depot", "regionCode"],
  relations: { depot: { dataset: "SupplyDepot", from: "depotId", to: "id" } },
  sync: { name: "supplyItem" },
});
