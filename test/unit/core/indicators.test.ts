import { describe, expect, it } from "vitest";
import { loadIndicatorTargets } from "../../../src/config/indicator-targets.js";
import { computeIndicators, leadMinutes, type IndicatorInputs } from "../../../src/core/indicators.js";

const targets = loadIndicatorTargets();
const empty: IndicatorInputs = { level: "COUNTY", population: null, riskPoints: [], majorHazardSources: [], shelters: [], warningLeadMinutes: [], divisionsUnder: [], ownLevelTeams: [], enterprises: [] };
const byId = (inputs: Partial<IndicatorInputs>, region = "410200") => new Map(computeIndicators({ ...empty, ...inputs }, targets.forRegion(region)).map((f) => [f.id, f]));

describe("target indicators", () => {
  it("are unknown, never zero, when there is nothing to count or an input is missing", () => {
    for (const figure of byId({}).values()) {
      expect(figure.value).toBeNull();
      expect(figure.met).toBeNull();
      expect(figure.unknownBecause).toEqual(expect.any(String));
    }
  });

  it("compute shares, per-person area and mean lead time against their targets", () => {
    const f = byId({
      population: 140_000,
      shelters: [{ areaM2: 200_000, status: "OPEN" }, { areaM2: 57_700, status: "IN_USE" }, { areaM2: 99_999, status: "CLOSED" }],
      riskPoints: [{ level: "RED", onlineMonitored: true }, { level: "RED", onlineMonitored: false }, { level: "BLUE", onlineMonitored: false }],
      warningLeadMinutes: [30, 90, 120],
      enterprises: [
        { sizeClass: "规上", sector: "危险化学品", standardisationGrade: "二级", liabilityInsurance: true },
        { sizeClass: "规上", sector: "工贸（机械）", standardisationGrade: null, liabilityInsurance: null },
        { sizeClass: "小微", sector: "烟花爆竹", standardisationGrade: null, liabilityInsurance: false },
      ],
    });
    expect(f.get("SHELTER_AREA_PER_PERSON")).toMatchObject({ value: 1.841, numerator: 257_700, denominator: 140_000, met: true });
    expect(f.get("MAJOR_RISK_POINT_MONITORING")).toMatchObject({ value: 50, numerator: 1, denominator: 2, met: false });
    expect(f.get("WARNING_LEAD_TIME")).toMatchObject({ value: 80, denominator: 3, met: true });
    expect(f.get("STANDARDISATION_RATE")).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    expect(f.get("LIABILITY_INSURANCE_HIGH_RISK")).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
  });

  it("takes a territory's own target where its plan sets one (上街区: township teams of 30)", () => {
    const teams = { level: "TOWNSHIP" as const, ownLevelTeams: [{ headcount: 25 }, { headcount: 32 }] };
    expect(byId(teams, "410202001").get("RESCUE_TEAM_SIZE")).toMatchObject({ value: 100, numerator: 2 });
    expect(byId(teams, "410106001").get("RESCUE_TEAM_SIZE")).toMatchObject({ value: 50, numerator: 1, source: expect.stringMatching(/上政〔2022〕3号/) });
  });

  it("measures a warning's lead time from sending to onset, and none without an onset ahead", () => {
    expect(leadMinutes(new Date("2026-07-20T08:00:00+08:00"), new Date("2026-07-20T09:30:00+08:00"))).toBe(90);
    expect(leadMinutes(new Date("2026-07-20T08:00:00+08:00"), null)).toBeNull();
    expect(leadMinutes(new Date("2026-07-20T08:00:00+08:00"), new Date("2026-07-20T07:00:00+08:00"))).toBeNull();
  });
});
