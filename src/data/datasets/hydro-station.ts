/** Hydrological stations (SL 323 ST_STBPRP_B). */
import { declareDataset, GEOMETRY } from "../dataset-spec.js";

export const hydroStation = declareDataset({
  name: "HydroStation",
  key: "code",
  defaultOrder: [{ code: "asc" }],
  needs: {
    sttp: ["stationType"],
    latestReading: [],
    levelState: ["warningLevel", "guaranteedLevel", "floodLimitLevel", "floodLimitPeriods", "historicalMaxLevel"],
    floodLimitLevel: ["floodLimitLevel", "floodLimitPeriods"],
    readings: [],
    hourly: [],
    rainfall: [],
    geometry: GEOMETRY,
  },
  sync: { name: "hydroStation" },
});
