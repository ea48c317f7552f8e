import { describe, expect, it } from "vitest";
import { accumulated, DEFAULT_RAIN_THRESHOLDS, parseRainThresholds, rainAlerts } from "../../../src/core/rainfall.js";

const at = (hh: number) => new Date(`2026-07-20T${String(hh).padStart(2, "0")}:00:00+08:00`);

describe("rainfall", () => {
  const hours = [2, 10, 25, 18, 4].map((mm, i) => ({ observedAt: at(10 + i), rainfall: mm }));

  it("accumulates the rain of the last hours, the reading at the end included", () => {
    expect(accumulated(hours, 1, at(12))).toBe(25);
    expect(accumulated(hours, 3, at(13))).toBe(53);
    expect(accumulated(hours, 24, at(14))).toBe(59);
  });

  it("raises an alert when fresh readings cross a threshold, once, at the first that crossed it", () => {
    const alerts = rainAlerts(hours.slice(0, 2), hours.slice(2), DEFAULT_RAIN_THRESHOLDS);
    expect(alerts).toEqual([
      { hours: 1, millimetres: 25, threshold: 20, observedAt: at(12) },
      { hours: 3, millimetres: 53, threshold: 50, observedAt: at(13) },
      { hours: 24, millimetres: 55, threshold: 50, observedAt: at(13) },
    ]);
    // already over before: no new alert
    expect(rainAlerts(hours.slice(0, 4), hours.slice(4), DEFAULT_RAIN_THRESHOLDS)).toEqual([]);
    expect(rainAlerts([], [{ observedAt: at(9), rainfall: 35 }], DEFAULT_RAIN_THRESHOLDS).map((a) => a.hours)).toEqual([1]);
  });

  it("takes 20 mm in an hour as 短时强降水 (the China Meteorological Administration's threshold)", () => {
    expect(rainAlerts([], [{ observedAt: at(9), rainfall: 20 }], DEFAULT_RAIN_THRESHOLDS).map((a) => a.hours)).toEqual([1]);
    expect(rainAlerts([], [{ observedAt: at(9), rainfall: 19.9 }], DEFAULT_RAIN_THRESHOLDS)).toEqual([]);
  });

  it("reads thresholds from configuration", () => {
    expect(parseRainThresholds("1:30, 6:80")).toEqual([{ hours: 1, millimetres: 30 }, { hours: 6, millimetres: 80 }]);
    expect(() => parseRainThresholds("1h:30")).toThrow(/hours:millimetres/);
  });
});
