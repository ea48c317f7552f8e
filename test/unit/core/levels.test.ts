import { describe, expect, it } from "vitest";
import { floodLimitAt, waterLevelState } from "../../../src/core/hydro.js";
import { geoThreatGrade, majorHazardGrade, riskLevelFromLec } from "../../../src/core/risk.js";
import { SIGNAL_COLOURS, levelFromChineseText, levelOfSeverity, levelRank, severityOfLevel } from "../../../src/core/warning-level.js";

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

  it("reads the colour an upgrade or downgrade changes to", () => {
    expect(levelFromChineseText("开封市气象台将暴雨预警由黄色预警升级为橙色预警[Ⅱ级/严重]")).toBe("ORANGE");
    expect(levelFromChineseText("郑州市气象台暴雨橙色预警降级为黄色预警")).toBe("YELLOW");
    expect(levelFromChineseText("上街区气象局升级发布暴雨红色预警[Ⅰ级/特别严重]")).toBe("RED");
    expect(levelFromChineseText("安阳市气象台解除大风蓝色预警")).toBe("BLUE");
  });

  // 气象灾害预警信号发布与传播办法 (中国气象局令第16号) with the haze signal of 2013: the colours of each signal, one line per type
  const SIGNALS: Record<string, string> = {
    台风: "BLUE YELLOW ORANGE RED",
    暴雨: "BLUE YELLOW ORANGE RED",
    暴雪: "BLUE YELLOW ORANGE RED",
    寒潮: "BLUE YELLOW ORANGE RED",
    大风: "BLUE YELLOW ORANGE RED",
    沙尘暴: "YELLOW ORANGE RED",
    高温: "YELLOW ORANGE RED",
    干旱: "ORANGE RED",
    雷电: "YELLOW ORANGE RED",
    冰雹: "ORANGE RED",
    霜冻: "BLUE YELLOW ORANGE",
    大雾: "YELLOW ORANGE RED",
    霾: "YELLOW ORANGE RED",
    道路结冰: "YELLOW ORANGE RED",
  };
  for (const [type, colours] of Object.entries(SIGNALS)) {
    it(`takes the ${type} signal in ${colours} only`, () => {
      expect(SIGNAL_COLOURS[type]).toEqual(colours.split(" "));
    });
  }
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

describe("flood-season limit levels (汛限水位) by period", () => {
  const reservoir = {
    warningLevel: null,
    guaranteedLevel: null,
    historicalMaxLevel: null,
    floodLimitLevel: null,
    floodLimitPeriods: [
      { from: "0601", to: "0715", level: 158.5 },
      { from: "0716", to: "0831", level: 157.0 },
    ],
  };
  const at = (iso: string) => new Date(iso);

  it("judges a level against the limit of its day, in China time", () => {
    // 157.8 m is over the main flood season's limit, and under the early season's
    expect(waterLevelState(157.8, reservoir, at("2026-07-10T08:00:00+08:00"))).toBe("NORMAL");
    expect(waterLevelState(157.8, reservoir, at("2026-07-20T08:00:00+08:00"))).toBe("ABOVE_FLOOD_LIMIT");
    // 07-15 23:30 China time is still the early season, though UTC says 07-15 too and 07-16 starts at 16:00 UTC
    expect(floodLimitAt(reservoir, at("2026-07-15T23:30:00+08:00"))).toBe(158.5);
    expect(floodLimitAt(reservoir, at("2026-07-16T00:10:00+08:00"))).toBe(157.0);
  });

  it("has no limit outside the flood season, and the level is then normal, not unknown", () => {
    expect(floodLimitAt(reservoir, at("2026-11-27T12:00:00+08:00"))).toBeNull();
    expect(waterLevelState(160, reservoir, at("2026-11-27T12:00:00+08:00"))).toBe("NORMAL");
  });

  it("reads a period over the new year, and a limit stored without periods as the whole year's", () => {
    expect(floodLimitAt({ floodLimitLevel: null, floodLimitPeriods: [{ from: "1101", to: "0228", level: 150 }] }, at("2027-01-10T00:00:00+08:00"))).toBe(150);
    expect(floodLimitAt({ floodLimitLevel: 155, floodLimitPeriods: null }, at("2026-03-01T00:00:00+08:00"))).toBe(155);
  });
});
