import { describe, expect, it } from "vitest";
import { DIVISION_TREE, divisionName, divisionTreeProblem } from "../../../src/core/division-tree.js";
import { implausibility, levelFarFromStation } from "../../../src/core/plausibility.js";

const now = new Date("2026-07-20T08:00:00Z");
const ctx = { now, province: "41" };

describe("the division tree", () => {
  it("holds the province, its 17 cities, 济源 and the counties, each under its city", () => {
    expect(DIVISION_TREE.filter((d) => d.level === "CITY")).toHaveLength(17);
    expect(divisionName("410200")).toBe("开封市");
    expect(divisionName("410106")).toBe("上街区");
    expect(DIVISION_TREE.find((d) => d.code === "410106")!.parentCode).toBe("410100");
    expect(DIVISION_TREE.find((d) => d.code === "419001")).toMatchObject({ name: "济源市", parentCode: "410000" });
  });

  it("refuses a code of the province that is not in it, and checks a township code down to its county", () => {
    expect(divisionTreeProblem("419999")).toMatch(/419999 is not in the division tree/);
    expect(divisionTreeProblem("411800")).toMatch(/not in the division tree/);
    expect(divisionTreeProblem("410106")).toBeNull();
    expect(divisionTreeProblem("410106001000")).toBeNull();
    expect(divisionTreeProblem("410199001000")).toMatch(/not in the division tree/);
  });

  it("cannot judge a province whose tree it does not hold", () => {
    expect(divisionTreeProblem("110101")).toBeNull();
  });
});

describe("implausible values", () => {
  it("refuses a time more than five minutes ahead of the hub's clock, naming the field", () => {
    expect(implausibility("hydroReading", { observedAt: "2099-01-01T00:00:00Z" }, ctx)).toMatch(/^observedAt 2099-01-01T00:00:00.000Z lies in the future/);
    expect(implausibility("warning", { sent: new Date(now.getTime() + 6 * 60_000) }, ctx)).toMatch(/^sent .* lies in the future/);
    expect(implausibility("hydroReading", { observedAt: new Date(now.getTime() + 4 * 60_000).toISOString() }, ctx)).toBeNull();
  });

  it("refuses a division outside the tree and coordinates outside the province", () => {
    expect(implausibility("enterprise", { regionCode: "419999" }, ctx)).toMatch(/^regionCode 419999 is not in the division tree/);
    expect(implausibility("warning", { regionCodes: ["410200", "410299"] }, ctx)).toMatch(/^regionCodes\[1\] 410299/);
    expect(implausibility("geoHazardPoint", { regionCode: "410106", lat: 39.9, lon: 116.4 }, ctx)).toMatch(/lon\/lat \(116.4, 39.9\) lies outside the hub's province 41/);
    expect(implausibility("geoHazardPoint", { regionCode: "410106", lat: 34.8, lon: 113.3 }, ctx)).toBeNull();
  });

  it("refuses text holding a NUL character", () => {
    expect(implausibility("enterprise", { name: "某\u0000公司" }, ctx)).toBe("name holds a NUL character (U+0000)");
    expect(implausibility("warning", { regionCodes: ["410200", "41\u00000"] }, ctx)).toMatch(/^regionCodes holds a NUL/);
  });

  it("refuses hydrological values outside their physical range", () => {
    expect(implausibility("hydroReading", { level: 1e308 }, ctx)).toMatch(/^level 1e\+308 m is outside -200…9000 m/);
    expect(implausibility("hydroReading", { storage: -1 }, ctx)).toMatch(/^storage -1/);
    expect(implausibility("hydroReading", { level: Number.NaN }, ctx)).toMatch(/^level NaN/);
    expect(implausibility("hydroReading", { level: 102.5, flow: 30 }, ctx)).toBeNull();
  });

  it("refuses a level far from every characteristic level of its station", () => {
    const station = { warningLevel: 101.5, guaranteedLevel: 103.0, floodLimitLevel: null };
    expect(levelFarFromStation(250, station)).toMatch(/level 250 m lies more than 100 m from every characteristic level/);
    expect(levelFarFromStation(99.2, station)).toBeNull();
    expect(levelFarFromStation(250, {})).toBeNull();
  });
});
