/** Enterprises (一企一码一档): the emergency bureau's register. */
import { declareDataset, GEOMETRY } from "../dataset-spec.js";

export const enterprise = declareDataset({
  name: "Enterprise",
  key: "creditCode",
  enterprisePath: ["creditCode"],
  defaultOrder: [{ creditCode: "asc" }],
  needs: {
    region: ["regionCode"],
    riskPoints: [],
    riskPointCounts: [],
    majorHazardSources: [],
    enforcementActions: [],
    monitoringPoints: [],
    hazards: [],
    rescueTeams: [],
    supplyDepots: [],
    nearbyShelters: ["lat", "lon"],
    qrCode: [],
    geometry: GEOMETRY,
  },
  sync: { name: "enterprise", updatedAt: true },
});
