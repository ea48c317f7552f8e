import { describe, expect, it } from "vitest";
import { waterLevelState } from "../../../src/core/hydro.js";
import { geoThreatGrade, majorHazardGrade, riskLevelFromLec } from "../../../src/core/risk.js";
import { isAllowedSignal, levelFromChineseText, levelOfSeverity, levelRank, severityOfLevel } from "../../../src/core/warning-level.js";

describe("warning colour ↔ CAP severity", () => {
  it("maps both ways", () => {
    expect(severityOfLevel("RED")).toBe("Extreme");
    expect(severityOfLevel("ORANGE")).toBe("Severe");
    expect(severityOfLevel("YELLOW")).toBe("Moderate");
    expect(severityOfLevel("BLUE")).toBe("Minor");
    for (const level of ["RED", "ORANGE", "YELLOW", "BLUE"] as const) expect(levelOfSeverity(severityOfLevel(level))).toBe(level);
    expect(levelOfSeverity("Unknown")).toBeNull();
  });

  it("reads the colour from a Chinese headline and ranks levels", () => {
    expect(levelFromChineseText("郑州市气象台发布暴雨黄色预警[Ⅲ级/较重]")).toBe("YELLOW");
    expect(levelFromChineseText("无颜色")).toBeNull();
    expect(levelRank("RED")).toBeGreaterThan(levelRank("ORANGE"));
  });

  it("knows which signal types take which colours", () => {
    expect(isAllowedSignal("暴雨", "BLUE")).toBe(true);
    expect(isAllowedSignal("高温", "BLUE")).toBe(false);
    expect(isAllowedSignal("冰雹", "YELLOW")).toBe(false);
  });
});

describe("grading rules", () => {
  it("LEC cut-offs", () => {
    expect(riskLevelFromLec(400)).toBe("RED");
    expect(riskLevelFromLec(320)).toBe("ORANGE");
    expect(riskLevelFromLec(160)).toBe("ORANGE");
    expect(riskLevelFromLec(70)).toBe("YELLOW");
    expect(riskLevelFromLec(69.9)).toBe("BLUE");
  });

  it("GB 18218 major hazard grade from R", () => {
    expect([majorHazardGrade(100), majorHazardGrade(99), majorHazardGrade(10), majorHazardGrade(9.9)]).toEqual([1, 2, 3, 4]);
  });

  it("geological threat grade", () => {
    expect(geoThreatGrade(8, 160)).toBe("SMALL");
    expect(geoThreatGrade(100, 0)).toBe("MEDIUM");
    expect(geoThreatGrade(0, 10000)).toBe("HUGE");
  });

  it("water level against thresholds; no threshold is no alert", () => {
    const t = { warningLevel: 75, guaranteedLevel: 77, floodLimitLevel: null, historicalMaxLevel: 78.5 };
    expect(waterLevelState(74.9, t)).toBe("NORMAL");
    expect(waterLevelState(75, t)).toBe("ABOVE_WARNING");
    expect(waterLevelState(77.2, t)).toBe("ABOVE_GUARANTEED");
    expect(waterLevelState(79, t)).toBe("ABOVE_HISTORICAL_MAX");
    expect(waterLevelState(90, { warningLevel: null, guaranteedLevel: null, floodLimitLevel: null, historicalMaxLevel: null })).toBe("UNKNOWN");
    expect(waterLevelState(null, t)).toBe("UNKNOWN");
  });
});
