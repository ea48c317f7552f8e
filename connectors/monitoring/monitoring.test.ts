import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DocumentError, type ParseResult } from "../types.js";
import { monitoringConnector } from "./index.js";

const sample = readFileSync(new URL("./samples/monitoring-2026-11-20T18.json", import.meta.url));
const parse = (document: unknown): ParseResult => monitoringConnector.parse({ name: "push.json", body: Buffer.from(JSON.stringify(document)) });
const point = (more: Record<string, unknown> = {}) => ({
  pointCode: "JC-1",
  pointName: "储罐液位",
  creditCode: "91410212MA3X7K2P1F",
  hazardCode: "WXY-410212-001",
  quotaType: "液位",
  unit: "m",
  rangeLow: 0,
  rangeHigh: 12,
  thresholdLL: 1,
  thresholdL: 1.5,
  thresholdH: 9.6,
  thresholdHH: 10.8,
  ...more,
});

describe("monitoring sample", () => {
  const result = monitoringConnector.parse({ name: "sample.json", body: sample });

  it("maps every point, reading and alarm, with points as a snapshot", () => {
    expect(result.rejected).toEqual([]);
    const count = (dataset: string) => result.records.filter((r) => r.dataset === dataset).length;
    expect([count("monitoringPoint"), count("monitoringReading"), count("monitoringAlarm")]).toEqual([16, 46, 2]);
    expect(result.snapshotOf).toEqual(["monitoringPoint"]);
  });

  it("names a point's major hazard source and risk point by their dual-prevention codes", () => {
    const pressure = result.records.find((r) => r.sourceId === "JC-410205-005-PT01")!;
    expect(pressure.data).toMatchObject({ enterpriseCode: "91410205MA3Y0D8Q2J", indicator: "PRESSURE", unit: "MPa", low: 0.2, high: 1.6, highHigh: 1.77, lowLow: null });
    expect(pressure.refs).toEqual({ majorHazardSourceId: { dataset: "majorHazardSource", sourceId: "WXY-410205-005" }, riskPointId: { dataset: "riskPoint", sourceId: "FXD-410205-0010" } });
  });

  it("reads China time and keeps a cleared alarm's clearing", () => {
    const cleared = result.records.find((r) => r.sourceId === "BJ-20261120-0002")!;
    expect(cleared.data).toEqual({ pointCode: "JC-410505-008-PT01", level: "HIGH", value: 6.3, raisedAt: "2026-11-20T01:12:00.000Z", clearedAt: "2026-11-20T01:40:00.000Z" });
  });
});

describe("monitoring records refused", () => {
  it("quarantines bad rows with the field and the reason, and keeps the rest", () => {
    const result = parse({
      points: [point(), point({ pointCode: "JC-2", thresholdH: 0.5 }), point({ pointCode: "JC-3", quotaType: "湿度" }), point({ pointCode: "JC-4", hazardCode: null })],
      readings: [
        { pointCode: "JC-1", collectTime: "2026-11-20 18:00:00", value: 6.4 },
        { pointCode: "JC-1", collectTime: "2026-11-20 18:00:00", value: 6.5 },
        { pointCode: "JC-1", collectTime: "昨天", value: 6.4 },
        { pointCode: "JC-1", collectTime: "2026-11-20 18:05:00", value: "高" },
      ],
      alarms: [{ alarmId: "BJ-1", pointCode: "JC-1", alarmTime: "2026-11-20 18:00:00", value: 11, alarmLevel: "高高报", alarmStatus: "消警", clearTime: null }],
    });
    expect(result.records.map((r) => r.sourceId)).toEqual(["JC-1", "JC-1@2026-11-20 18:00:00"]);
    const reasons = result.rejected.map((r) => r.reason);
    expect(reasons).toEqual([
      "monitoringPoint JC-2: thresholds out of order: 高报 0.5 is below 低报 1.5",
      expect.stringMatching(/^monitoringPoint JC-3: quotaType/),
      expect.stringMatching(/^monitoringPoint JC-4: hazardCode a point belongs to a major hazard source/),
      expect.stringMatching(/^monitoringReading JC-1@2026-11-20 18:00:00: duplicate id/),
      expect.stringMatching(/^monitoringReading JC-1@昨天: collectTime/),
      expect.stringMatching(/^monitoringReading JC-1@2026-11-20 18:05:00: value/),
      expect.stringMatching(/^monitoringAlarm BJ-1: clearTime is required when alarmStatus is 消警/),
    ]);
  });

  it("refuses a document that is not one", () => {
    expect(() => monitoringConnector.parse({ name: "x.json", body: Buffer.from("{") })).toThrow(DocumentError);
    expect(() => parse({ readings: "JC-1,6.4" })).toThrow(/not a monitoring document: readings/);
  });
});
