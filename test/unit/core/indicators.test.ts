import { describe, expect, it } from "vitest";
import { loadIndicatorTargets } from "../../../src/config/indicator-targets.js";
import { computeIndicators, passesStandardisation, warningLeadTimes, type DivisionLevel, type IndicatorInputs, type WarningForLeadTime } from "../../../src/core/indicators.js";

const targets = loadIndicatorTargets();
const empty: IndicatorInputs = { level: "COUNTY", name: null, population: null, riskPoints: [], majorHazardSources: [], shelters: [], warnings: [], divisionsUnder: [], ownLevelTeams: [], enterprises: [] };
const byId = (inputs: Partial<IndicatorInputs>, region = "410200", level: DivisionLevel = inputs.level ?? "COUNTY") =>
  new Map(computeIndicators({ ...empty, ...inputs, level }, targets.forRegion(region, level)).map((f) => [f.id, f]));

const at = (text: string) => new Date(`2026-07-20T${text}:00+08:00`);
const alert = (type: string, sent: string, onset: string | null, more: Partial<WarningForLeadTime> = {}): WarningForLeadTime => ({
  msgType: "Alert",
  capStatus: "Actual",
  type,
  sent: at(sent),
  onset: onset === null ? null : at(onset),
  ...more,
});

describe("target indicators", () => {
  it("are unknown, never zero, when there is nothing to count or an input is missing", () => {
    for (const figure of byId({}, "410200", "CITY").values()) {
      if (figure.id === "RESCUE_TEAM_SIZE") continue; // a city with no team of its own fails its floor (below)
      expect(figure.value).toBeNull();
      expect(figure.met).toBeNull();
      expect(figure.unknownBecause).toEqual(expect.any(String));
    }
  });

  it("compute shares and per-person area against the binding plan's targets (开封: 汴政〔2023〕14号 专栏1)", () => {
    const f = byId({
      population: 140_000,
      shelters: [{ areaM2: 200_000, status: "OPEN" }, { areaM2: 57_700, status: "IN_USE" }, { areaM2: 99_999, status: "CLOSED" }],
      riskPoints: [
        { level: "RED", points: [{ code: "JC-1", online: true, lastReadingAt: at("08:00") }] },
        { level: "RED", points: [{ code: "JC-2", online: true, lastReadingAt: at("08:00") }, { code: "JC-3", online: false, lastReadingAt: at("06:30") }] },
        { level: "BLUE", points: [] },
      ],
    }, "410200", "CITY");
    expect(f.get("SHELTER_AREA_PER_PERSON")).toMatchObject({ value: 1.841, numerator: 257_700, denominator: 140_000, target: 1.5, met: true });
    expect(f.get("SHELTER_AREA_PER_PERSON")!.basis).toMatchObject({ plan: "汴政〔2023〕14号", binds: "410200", words: ["应急避难（护）场所面积 1.5平方米/人"] });
    expect(f.get("MAJOR_RISK_POINT_MONITORING")).toMatchObject({ value: 50, numerator: 1, denominator: 2, target: 100, met: false });
    // the point that stopped reporting is named, with the time of its last reading (China time)
    expect(f.get("MAJOR_RISK_POINT_MONITORING")!.note).toBe("离线点位：JC-3（最后数据 2026-07-20 06:30）");
  });

  it("counts a major hazard source without monitoring points as not monitored, whatever it declares", () => {
    const f = byId({ majorHazardSources: [{ points: [] }, { points: [{ code: "JC-9", online: true, lastReadingAt: at("08:00") }] }, { points: [{ code: "JC-8", online: false, lastReadingAt: null }] }] });
    expect(f.get("MAJOR_HAZARD_MONITORING")).toMatchObject({ value: 33.33, numerator: 1, denominator: 3 });
    expect(f.get("MAJOR_HAZARD_MONITORING")!.note).toBe("1 个无监测点位；离线点位：JC-8（从未上报）");
  });
});

describe("warning release figures (发布覆盖面, 公众覆盖率)", () => {
  const rainstorm = alert("暴雨", "07:15", "08:00", { id: "w1" });
  const gale = alert("大风", "09:00", "10:00", { id: "w2" });
  const report = (warningId: string, regionCode: string, channel: string, reached: number | null) => ({ warningId, regionCode, channel, reached });

  it("are unknown, not zero, where no release report came", () => {
    const f = byId({ code: "410106", population: 140_000, warnings: [rainstorm, gale], disseminations: [] }, "410106");
    expect(f.get("PUBLIC_WARNING_COVERAGE")).toMatchObject({ value: null, unknownBecause: "no release report came for the 2 warning(s) of the past year" });
    expect(f.get("WARNING_RELEASE_COVERAGE")).toMatchObject({ value: null, met: null });
  });

  it("take the largest channel's reach in the division over its population, and count the warnings that reached it", () => {
    const f = byId(
      {
        code: "410106",
        population: 140_000,
        warnings: [rainstorm, gale],
        disseminations: [
          report("w1", "410106", "SMS", 100_000),
          report("w1", "410106001000", "SMS", 18_000), // a street of the district: the SMS channel reached 118,000 in all
          report("w1", "410106", "NEW_MEDIA", 96_000),
          report("w1", "410106", "LOUDSPEAKER", null),
          report("w2", "410100", "SMS", 9_000_000), // city-wide: it reached the district, its people are not counted for it
        ],
      },
      "410106",
    );
    expect(f.get("WARNING_RELEASE_COVERAGE")).toMatchObject({ value: 100, numerator: 2, denominator: 2, target: 100, met: true });
    // w1: 118,000 / 140,000; w2: no report within the district counts its people
    expect(f.get("PUBLIC_WARNING_COVERAGE")).toMatchObject({ numerator: 118_000, denominator: 280_000, value: 42.14, target: 90, met: false });
  });

  it("leave out a warning without a report, and say so", () => {
    const f = byId({ code: "410106", population: 140_000, warnings: [rainstorm, gale], disseminations: [report("w1", "410181", "SMS", 50_000)] }, "410106");
    expect(f.get("WARNING_RELEASE_COVERAGE")).toMatchObject({ value: 0, numerator: 0, denominator: 1, note: "1 条预警无发布回执，未计入" });
  });
});

describe("response figures", () => {
  const asOf = at("18:00");
  const process = (occurred: string, reports: Array<{ stage: "INITIAL" | "UPDATE"; sent: string; needingAid?: number; aid?: string }>) => ({
    occurredAt: at(occurred),
    endedAt: null,
    reports: reports.map((r) => ({ stage: r.stage, sentAt: at(r.sent), needingAid: r.needingAid ?? null, aidDeliveredAt: r.aid ? at(r.aid) : null })),
  });

  it("judge the hours to aid against a ceiling: the longest one counts", () => {
    const targets10 = targets.forRegion("410200", "CITY");
    const within = computeIndicators({ ...empty, level: "CITY", asOf, disasterProcesses: [process("07:30", [{ stage: "UPDATE", sent: "16:30", needingAid: 600, aid: "15:40" }])] }, targets10);
    expect(within.find((f) => f.id === "AID_WITHIN_10_HOURS")).toMatchObject({ value: 8.2, target: 10, atMost: true, met: true });
    const beyond = computeIndicators(
      { ...empty, level: "CITY", asOf, disasterProcesses: [process("07:30", [{ stage: "UPDATE", sent: "16:30", needingAid: 600, aid: "15:40" }]), process("02:00", [{ stage: "UPDATE", sent: "16:30", needingAid: 50, aid: "13:00" }])] },
      targets10,
    );
    expect(beyond.find((f) => f.id === "AID_WITHIN_10_HOURS")).toMatchObject({ value: 11, numerator: 1, denominator: 2, met: false });
  });

  it("count 初报 on time among the processes whose 初报 was due, and villages with an officer", () => {
    const f = byId({
      asOf,
      disasterProcesses: [process("07:30", [{ stage: "INITIAL", sent: "09:05" }]), process("09:00", [{ stage: "INITIAL", sent: "12:20" }]), process("14:10", []), process("17:00", [])],
      villages: ["410106100201", "410106100202", "410106100203"],
      officerVillages: ["410106100201", "410106100201", "410106100202"],
      plans: [{ lastDrillAt: new Date("2026-07-05T10:00:00+08:00") }, { lastDrillAt: null }],
    });
    // the process of 17:00 is not due yet (19:00)
    expect(f.get("DISASTER_REPORT_ON_TIME")).toMatchObject({ numerator: 1, denominator: 3, value: 33.33 });
    expect(f.get("INFORMATION_OFFICER_COVERAGE")).toMatchObject({ numerator: 2, denominator: 3, value: 66.67 });
    expect(f.get("PLAN_DRILL_RATE")).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
  });
});

describe("item 1: 上街区's shelter area, where the records and 上政〔2022〕3号 disagree", () => {
  // 上政〔2022〕3号: 「应急避难场所6个…总面积达到25.77万m2,人均避难面积达到1.31m2」; 「总人口约14万人」
  const shangjie = byId({ population: 140_000, shelters: [{ areaM2: 257_700, status: "OPEN" }] }, "410106");

  it("shows both figures and says they disagree, and is not judged against 开封's target", () => {
    const figure = shangjie.get("SHELTER_AREA_PER_PERSON")!;
    expect(figure.value).toBe(1.841);
    expect(figure.stated).toMatchObject({ value: 1.31, citation: { plan: "上政〔2022〕3号", words: ["总面积达到25.77万m2,人均避难面积达到1.31m2"] } });
    expect(figure.conflict).toMatch(/1\.841.*上政〔2022〕3号写明 1\.31/);
    expect(figure.met).toBeNull();
    expect(figure.target).toBeNull();
    expect(figure.source).not.toMatch(/汴政/);
    expect(figure.unknownBecause).toMatch(/上政〔2022〕3号、豫政〔2021〕66号/);
  });

  it("is never a silent 'met' when a binding target exists and the plan's own figure falls short of it", () => {
    const withTarget = targets.forRegion("410106", "COUNTY");
    withTarget.SHELTER_AREA_PER_PERSON = { ...withTarget.SHELTER_AREA_PER_PERSON, atLeast: 1.5, basis: withTarget.MAJOR_RISK_POINT_MONITORING.basis };
    const figure = computeIndicators({ ...empty, population: 140_000, shelters: [{ areaM2: 257_700, status: "OPEN" }] }, withTarget).find((f) => f.id === "SHELTER_AREA_PER_PERSON")!;
    expect(figure.met).toBeNull();
    expect(figure.unknownBecause).toMatch(/disagree/);
  });
});

describe("item 2: a plan binds its own territory and what lies under it", () => {
  it("judges 上街区 (郑州) by 上政 and the province plan only", () => {
    for (const figure of byId({}, "410106").values()) expect(figure.source + JSON.stringify(figure.basis)).not.toMatch(/汴政/);
    expect(byId({}, "410106").get("MAJOR_RISK_POINT_MONITORING")).toMatchObject({ target: null, basis: null });
    expect(byId({}, "410106").get("RESCUE_COVERAGE")!.basis).toMatchObject({ plan: "上政〔2022〕3号" });
  });

  it("judges 开封 and its counties by 汴政 and the province plan, not by 上政's lead time", () => {
    const lead = byId({ warnings: [alert("暴雨", "08:00", "09:30")] }, "410202").get("WARNING_LEAD_TIME")!;
    expect(lead).toMatchObject({ value: 90, target: null, met: null });
    expect(lead.unknownBecause).toMatch(/汴政〔2023〕14号、豫政〔2021〕66号/);
    expect(byId({}, "410202").get("MAJOR_RISK_POINT_MONITORING")!.basis!.plan).toBe("汴政〔2023〕14号");
  });

  it("says so where no plan sets a target (standardisation: the plans set no figure)", () => {
    expect(byId({}, "410505").get("STANDARDISATION_RATE")).toMatchObject({ target: null, basis: null });
    expect(byId({}, "410505").get("STANDARDISATION_RATE")!.source).toMatch(/殷政〔2023〕8号、豫政〔2021〕66号）没有设定此目标/);
    expect(byId({}, "410500").get("RESCUE_COVERAGE")!.basis).toMatchObject({ plan: "豫政〔2021〕66号", binds: "410000" });
  });
});

describe("item 3: standardisation counts only a pass", () => {
  it("does not count 未达标 or a blank grade", () => {
    expect(["一级", "二级", "三级", "二级达标"].map(passesStandardisation)).toEqual([true, true, true, true]);
    expect(["未达标", "", "  ", null, "小微达标"].map(passesStandardisation)).toEqual([false, false, false, false, false]);
    const f = byId({
      enterprises: [
        { sizeClass: "规上", sector: "工贸（有色）", standardisationGrade: "三级", liabilityInsurance: null },
        { sizeClass: "规上", sector: "工贸（有色）", standardisationGrade: "未达标", liabilityInsurance: null },
      ],
    }, "410106");
    expect(f.get("STANDARDISATION_RATE")).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
  });
});

describe("item 4: the effective lead time of sudden severe weather", () => {
  const types = targets.forRegion("410106", "COUNTY").WARNING_LEAD_TIME.warningTypes!;

  it("takes each event's first Alert to its onset and leaves out updates, cancellations, other types and exercises", () => {
    const warnings = [
      alert("暴雨", "08:00", "08:50"),
      alert("大风", "10:00", "10:00", { msgType: "Cancel" }),
      alert("暴雨", "08:30", "08:30", { msgType: "Update" }),
      alert("高温", "06:00", "12:00"),
      alert("洪水", "06:00", "18:00"),
      alert("雷电", "14:00", "15:10"),
      alert("冰雹", "14:00", "16:00", { capStatus: "Exercise" }),
      alert("大风", "16:00", null),
    ];
    expect(warningLeadTimes(warnings, types)).toEqual([50, 70]);
    expect(byId({ warnings }, "410106").get("WARNING_LEAD_TIME")).toMatchObject({ value: 60, denominator: 2, target: 60, met: true });
    expect(byId({ warnings }, "410106").get("WARNING_LEAD_TIME")!.basis!.words).toEqual(["突发灾害性天气有效预警时间达到60分钟"]);
  });

  it("says what the method leaves out", () => {
    expect(byId({}, "410106").get("WARNING_LEAD_TIME")!.method).toMatch(/Update.*Cancel.*高温.*洪水/s);
  });
});

describe("item 5: every high-risk sector the binding plan lists", () => {
  it("counts 上街区's aluminium smelters and builders (豫政〔2021〕66号: 金属冶炼, 建筑施工 …)", () => {
    const f = byId({
      enterprises: [
        { sizeClass: "规上", sector: "工贸（有色）", standardisationGrade: null, liabilityInsurance: true },
        { sizeClass: "规上", sector: "建筑施工", standardisationGrade: null, liabilityInsurance: false },
        { sizeClass: "小微", sector: "工贸（轻工）", standardisationGrade: null, liabilityInsurance: false },
      ],
    }, "410106");
    expect(f.get("LIABILITY_INSURANCE_HIGH_RISK")).toMatchObject({ value: 50, numerator: 1, denominator: 2, target: 100, met: false });
    expect(f.get("LIABILITY_INSURANCE_HIGH_RISK")!.note).toMatch(/豫政〔2021〕66号.*矿山、危险化学品、交通运输、建筑施工、民用爆炸物品、金属冶炼、渔业生产/);
  });

  it("takes 殷都区's own list, which names 烟花爆竹", () => {
    const fireworks = [{ sizeClass: "小微", sector: "烟花爆竹", standardisationGrade: null, liabilityInsurance: false }];
    expect(byId({ enterprises: fireworks }, "410505").get("LIABILITY_INSURANCE_HIGH_RISK")).toMatchObject({ denominator: 1, met: false });
    expect(byId({ enterprises: fireworks }, "410106").get("LIABILITY_INSURANCE_HIGH_RISK")).toMatchObject({ denominator: null });
  });
});

describe("item 6: team floors", () => {
  it("a township with no team of its own fails, it is not unknown", () => {
    const f = byId({ ownLevelTeams: [] }, "410202001", "TOWNSHIP").get("RESCUE_TEAM_SIZE")!;
    expect(f).toMatchObject({ value: null, met: false });
    expect(f.note).toMatch(/不少于20人/);
  });

  it("takes 上街区's township floor as 20 (said three times) and notes the line that says 30", () => {
    const teams = { ownLevelTeams: [{ headcount: 25 }, { headcount: 18 }] };
    const f = byId(teams, "410106001", "TOWNSHIP").get("RESCUE_TEAM_SIZE")!;
    expect(f).toMatchObject({ value: 50, numerator: 1, denominator: 2, met: false, name: expect.stringContaining("不少于20人") });
    expect(f.basis!.plan).toBe("上政〔2022〕3号");
    expect(f.conflict).toMatch(/不少于30人.*按20人计/);
    expect(byId(teams, "410106", "COUNTY").get("RESCUE_TEAM_SIZE")!.conflict).toBeNull();
  });

  it("has the village floor of 10 (上街区) and the province's city floor of 100", () => {
    expect(byId({ ownLevelTeams: [{ headcount: 10 }] }, "410106001001", "VILLAGE").get("RESCUE_TEAM_SIZE")).toMatchObject({ met: true, name: expect.stringContaining("不少于10人") });
    const city = byId({ ownLevelTeams: [{ headcount: 80 }] }, "410500", "CITY").get("RESCUE_TEAM_SIZE")!;
    expect(city).toMatchObject({ met: false, name: expect.stringContaining("不少于100人") });
    expect(city.basis!.plan).toBe("豫政〔2021〕66号");
    expect(byId({ ownLevelTeams: [{ headcount: 5 }] }, "410505001", "VILLAGE").get("RESCUE_TEAM_SIZE")).toMatchObject({ met: null, target: null });
  });
});
