/** Water levels and rainfall (SL 323 ST_RIVER_R, ST_RSVR_R, ST_PPTN_R), newest first. */
import { declareDataset } from "../dataset-spec.js";

export const hydroReading = declareDataset({
  name: "HydroReading",
  regionPath: ["station", "regionCode"],
  shared: false,
  defaultOrder: [{ observedAt: "desc" }],
  relations: { station: { dataset: "HydroStation", from: "stationCode", to: "code" } },
  sync: { name: "hydroReading", writer: "readings" },
});
