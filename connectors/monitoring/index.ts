/** 应急管理局's monitoring and early-warning system: points of major hazard sources and risk points, readings, alarms. */
import type { Connector } from "../types.js";
import { mapMonitoring } from "./map.js";

/** The dual-prevention register the points' hazard sources and risk points are named in. */
const DUAL_PREVENTION_SYSTEM = "河南省安全生产风险隐患双重预防体系";

export const monitoringConnector: Connector = {
  name: "monitoring",
  department: "EMERGENCY",
  sourceSystem: "河南省危险化学品安全生产风险监测预警系统",
  sourceSystems: { majorHazardSource: DUAL_PREVENTION_SYSTEM, riskPoint: DUAL_PREVENTION_SYSTEM },
  sampleAsOf: "2026-11-20T18:00:00+08:00",
  sampleDocuments: ["samples/monitoring-2026-11-20T18.json"],
  parse: mapMonitoring,
};
