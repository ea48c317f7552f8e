/** Online monitoring points (监测点位) of major hazard sources and major risk points, with their latest value. */
import { declareDataset, ENTERPRISE, ENTERPRISE_PARENT } from "../dataset-spec.js";

export const monitoringPoint = declareDataset({
  name: "MonitoringPoint",
  key: "code",
  enterprisePath: ["enterpriseCode"],
  relations: { enterprise: ENTERPRISE },
  defaultOrder: [{ code: "asc" }],
  needs: {
    enterprise: ["enterpriseCode"],
    majorHazardSource: ["majorHazardSourceId"],
    riskPoint: ["riskPointId"],
    online: ["lastReadingAt"],
    offlineSince: ["lastReadingAt", "fetchedAt"],
    alarmLevel: ["lastValue", "lowLow", "low", "high", "highHigh"],
    readings: [],
    hourly: [],
    alarms: [],
    geometry: ["enterpriseCode"],
  },
  // a point's territory is its enterprise's
  sync: { name: "monitoringPoint", parents: [{ ...ENTERPRISE_PARENT, inheritRegion: true }] },
});
