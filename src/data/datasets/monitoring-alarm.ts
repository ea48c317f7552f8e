/** Alarms of online monitoring points, newest first, with their lifecycle (raised → acknowledged → handled → cleared). */
import { declareDataset, ENTERPRISE } from "../dataset-spec.js";

export const monitoringAlarm = declareDataset({
  name: "MonitoringAlarm",
  enterprisePath: ["enterpriseCode"],
  relations: { enterprise: ENTERPRISE, point: { dataset: "MonitoringPoint", from: "pointCode", to: "code" } },
  defaultOrder: [{ raisedAt: "desc" }],
  needs: { point: ["pointCode"], enterprise: ["enterpriseCode"], events: [], escalated: ["escalatedAt"], geometry: ["enterpriseCode"] },
  sync: { name: "monitoringAlarm", writer: "alarm" },
});
