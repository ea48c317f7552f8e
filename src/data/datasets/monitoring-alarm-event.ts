/** An alarm's history, one event per step, in order. */
import { declareDataset } from "../dataset-spec.js";

export const monitoringAlarmEvent = declareDataset({
  name: "MonitoringAlarmEvent",
  regionPath: ["alarm", "regionCode"],
  enterprisePath: ["alarm", "enterpriseCode"],
  shared: false,
  defaultOrder: [{ seq: "asc" }],
  relations: { alarm: { dataset: "MonitoringAlarm", from: "alarmId", to: "id" } },
});
