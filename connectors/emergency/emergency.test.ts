import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateCreditCode } from "../../src/core/credit-code.js";
import { DocumentError, type HubRecord, type ParseResult } from "../types.js";
import { emergencyConnector, generateEmergencyFeed } from "./index.js";

const sample = JSON.parse(readFileSync(new URL("./samples/page-1-of-1.json", import.meta.url), "utf8"));

function parse(json: unknown, name = "test.json"): ParseResult {
  const body = Buffer.from(typeof json === "string" ? json : JSON.stringify(json));
  return emergencyConnector.parse({ name, body });
}

function page(data: Record<string, unknown[]>, extra: Record<string, unknown> = {}) {
  const total = Object.values(data).reduce((n, rows) => n + rows.length, 0);
  return { code: 200, msg: "success", page: 1, pageSize: 500, total, data, ...extra };
}

const byDataset = (result: ParseResult, dataset: string) => result.records.filter((r) => r.dataset === dataset);
const find = (result: ParseResult, dataset: string, sourceId: string): HubRecord | undefined =>
  result.records.find((r) => r.dataset === dataset && r.sourceId === sourceId);

const enterprise = sample.data.enterprises[0];

describe("emergency sample page", () => {
  const result = parse(sample, "page-1-of-1.json");

  it("maps every row of every list", () => {
    expect(result.rejected).toEqual([]);
    const counts = Object.fromEntries(
      ["enterprise", "riskPoint", "majorHazardSource", "hazard", "enforcementAction", "shelter", "rescueTeam", "teamMember", "supplyDepot", "supplyItem"].map(
        (d) => [d, byDataset(result, d).length],
      ),
    );
    expect(counts).toEqual({
      enterprise: 22,
      riskPoint: 45,
      majorHazardSource: 10,
      hazard: 44,
      enforcementAction: 4,
      shelter: 13,
      rescueTeam: 22,
      teamMember: 21,
      supplyDepot: 7,
      supplyItem: 35,
    });
  });

  it("is a snapshot of all fourteen datasets (page 1 holds every row)", () => {
    expect(result.snapshotOf).toHaveLength(14);
    expect(result.snapshotOf).toEqual(expect.arrayContaining(["hazard", "emergencyPlan", "expert"]));
  });

  it("maps plans with the events they cover and experts with their specialities", () => {
    const flood = byDataset(result, "emergencyPlan").find((r) => r.sourceId === "YA-410200-001")!;
    expect(flood.data).toMatchObject({ kind: "SPECIAL", level: "CITY", eventTypes: ["暴雨", "洪水", "城市内涝"], filed: true, filedAt: "2023-05-30T00:00:00.000Z", lastDrillAt: "2026-06-18T00:00:00.000Z" });
    const enterprisePlan = byDataset(result, "emergencyPlan").find((r) => r.sourceId === "YA-QY-91410212MA44RT0B6T")!;
    expect(enterprisePlan.data).toMatchObject({ kind: "ENTERPRISE", level: null, enterpriseCode: "91410212MA44RT0B6T", responseLevels: ["Ⅲ级", "Ⅳ级"] });
    expect(byDataset(result, "expert").find((r) => r.sourceId === "ZJ-410200-002")!.data).toMatchObject({ specialities: ["水利", "防汛"], phone: "13903781234", regionCode: "410202" });
  });

  it("keeps enterprises under their valid credit code", () => {
    for (const record of byDataset(result, "enterprise")) {
      expect(validateCreditCode(record.sourceId).ok).toBe(true);
      expect(record.data.creditCode).toBe(record.sourceId);
    }
    const lc = byDataset(result, "enterprise").find((r) => r.data.name === "郑州上街铝城铝业有限公司")!;
    expect(lc.data).toMatchObject({ regionCode: "410106", sector: "工贸（有色）", lat: 34.822168, lon: 113.282745 });
  });

  it("maps Shangjie's six shelters with their classes and 25.77万 m²", () => {
    const shangjie = byDataset(result, "shelter").filter((r) => String(r.data.regionCode).startsWith("410106"));
    expect(shangjie.map((r) => r.data.name).sort()).toEqual(
      ["亚星盛世广场", "体育中心", "新安路游园", "洛宁路游园", "淮阳路游园", "铝城公园"].sort(),
    );
    expect(shangjie.reduce((sum, r) => sum + (r.data.areaM2 as number), 0)).toBe(257_700);
    expect(shangjie.filter((r) => r.data.shelterClass === "II")).toHaveLength(3);
    const park = find(result, "shelter", "410106-BN-001")!;
    expect(park.data).toMatchObject({
      name: "铝城公园",
      capacity: 39_000,
      lat: 34.816208,
      lon: 113.289532,
      level: "COUNTY",
      spaceType: "PARK",
      status: "OPEN",
      regionCode: "410106001000",
    });
  });

  it("maps hazards with dual-prevention codes, the enterprise's sector and CST times", () => {
    const first = find(result, "hazard", sample.data.hazards[0].id)!;
    expect(first.data).toMatchObject({
      grade: "GENERAL",
      state: "CLOSED",
      discoverySource: "1 日常排查",
      sector: "危险化学品",
      regionCode: "410212",
      foundAt: "2026-08-03T01:20:00.000Z",
      deadline: "2026-08-10T00:00:00.000Z",
    });
    expect(first.refs?.riskPointId).toEqual({ dataset: "riskPoint", sourceId: "FXD-410212-0001" });
    const states = new Set(byDataset(result, "hazard").map((r) => r.data.state));
    expect(states).toEqual(new Set(["CLOSED", "RECTIFYING", "REPORTED"]));
    const major = byDataset(result, "hazard").filter((r) => r.data.grade === "MAJOR");
    expect(major.length).toBeGreaterThan(5);
    expect(major.every((r) => r.data.goal !== null)).toBe(true);
  });

  it("refers children to their parents by source id", () => {
    const member = byDataset(result, "teamMember")[0]!;
    expect(member.refs?.teamId).toEqual({ dataset: "rescueTeam", sourceId: "KF-DW-002" });
    expect(member.data).not.toHaveProperty("teamId");
    const item = byDataset(result, "supplyItem").find((r) => r.data.name === "橡皮艇")!;
    expect(item.refs?.depotId).toEqual({ dataset: "supplyDepot", sourceId: "SJ-CK-001" });
    const brigade = find(result, "rescueTeam", "KF-DW-010")!;
    expect(brigade.data).toMatchObject({ category: "ENTERPRISE_FULL_TIME", enterpriseCode: sample.data.enterprises[1].creditCode });
    expect(find(result, "rescueTeam", "KF-DW-006")!.data).toMatchObject({ name: "开封蓝天救援队", category: "SOCIAL" });
  });

  it("tells the national fire and rescue force from the 专（兼）职 teams, and gives an enterprise's brigade no tier", () => {
    const byName = (name: string) => byDataset(result, "rescueTeam").find((r) => r.data.name === name)!.data;
    expect(byName("开封市消防救援支队特勤大队")).toMatchObject({ category: "COMPREHENSIVE_FIRE_RESCUE", level: "CITY" });
    expect(byName("上街区专业应急救援队")).toMatchObject({ category: "COMPREHENSIVE_EMERGENCY", level: "COUNTY" });
    expect(byName("开封中原氯碱化工有限公司专职消防队")).toMatchObject({ category: "ENTERPRISE_FULL_TIME", level: null });
    const team = sample.data.rescueTeams[0];
    const more = parse(
      page({
        rescueTeams: [
          { ...team, teamId: "T-MED", teamType: "医疗" },
          { ...team, teamId: "T-AIR", teamType: "无人机" },
          { ...team, teamId: "T-WATER", teamType: "水上搜救" },
        ],
      }),
    );
    expect(byDataset(more, "rescueTeam").map((r) => r.data.category)).toEqual(["MEDICAL", "AVIATION", "WATER_RESCUE"]);
  });
});

describe("emergency bad rows", () => {
  it("rejects a bad credit code, naming field and value, and keeps the other enterprises", () => {
    const bad = { ...enterprise, creditCode: enterprise.creditCode.slice(0, 17) + (enterprise.creditCode.endsWith("X") ? "Y" : "X") };
    const result = parse(page({ enterprises: [bad, sample.data.enterprises[1]] }));
    expect(byDataset(result, "enterprise").map((r) => r.sourceId)).toEqual([sample.data.enterprises[1].creditCode]);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]!.reason).toMatch(
      new RegExp(`^enterprise ${bad.creditCode}: creditCode check character should be '${enterprise.creditCode.at(-1)}', got '.'`),
    );
  });

  it("rejects hazards and risk points of an enterprise not in the document", () => {
    const [hazard] = sample.data.hazards;
    const riskPoint = sample.data.riskPoints[0];
    const result = parse(page({ enterprises: [sample.data.enterprises[1]], riskPoints: [riskPoint], hazards: [hazard] }));
    expect(result.records.map((r) => r.dataset)).toEqual(["enterprise"]);
    expect(result.rejected.map((r) => r.dataset)).toEqual(["riskPoint", "hazard"]);
    expect(result.rejected[1]!.reason).toBe(
      `hazard ${hazard.id}: unknown enterprise ${hazard.creditCode} (not accepted in this document)`,
    );
  });

  it("rejects coordinates outside China", () => {
    const paris = { ...sample.data.shelters[0], longitude: 2.3522, latitude: 48.8566 };
    const result = parse(page({ shelters: [paris, sample.data.shelters[1]] }));
    expect(byDataset(result, "shelter")).toHaveLength(1);
    expect(result.rejected[0]!.reason).toContain("(2.3522, 48.8566) outside China");
  });

  it("keeps the first of duplicate ids and rejects the rest", () => {
    const first = sample.data.rescueTeams[0];
    const again = { ...first, teamName: "重复队伍" };
    const result = parse(page({ rescueTeams: [first, again] }));
    expect(byDataset(result, "rescueTeam").map((r) => r.data.name)).toEqual([first.teamName]);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]!.reason).toContain("duplicate id");
  });

  it("rejects an unknown code with the field and the value", () => {
    const hazard = { ...sample.data.hazards[1], dangerSrc: 12 };
    const result = parse(page({ enterprises: [enterprise], hazards: [hazard] }));
    expect(byDataset(result, "hazard")).toHaveLength(0);
    expect(result.rejected[0]!.reason).toMatch(/dangerSrc 12 is not one of 1, 2/);
  });

  it("rejects a major hazard source whose grade contradicts its R value", () => {
    const mhs = { ...sample.data.majorHazardSources[2], hazardRank: 3 };
    const result = parse(page({ enterprises: sample.data.enterprises, majorHazardSources: [mhs] }));
    expect(result.rejected[0]!.reason).toContain("hazardRank 3 does not match R 128.5");
  });

  it("rejects a risk point whose accident type is not one of GB 6441-86's, and keeps the others", () => {
    const point = sample.data.riskPoints.find((p: { creditCode: string }) => p.creditCode === enterprise.creditCode);
    const frostbite = { ...point, id: "RP-FROSTBITE", accidentTypes: "冻伤、中毒和窒息" };
    const result = parse(page({ enterprises: [enterprise], riskPoints: [point, frostbite] }));
    expect(byDataset(result, "riskPoint").map((r) => r.sourceId)).toEqual([point.id]);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]!.reason).toContain("冻伤: not an accident type of GB 6441-86");
  });

  it("maps an enforcement inspection with what it ordered and imposed, apart from patrols", () => {
    const [suspended] = byDataset(parse(page(sample.data)), "enforcementAction").filter((r) => r.data.order === "SUSPEND");
    expect(suspended!.data).toMatchObject({ caseNumber: "上应急执罚〔2026〕9号", regionCode: "410106", unit: "上街区应急管理局执法大队", hazardSourceIds: ["YH20264101060030"], penalty: "罚款", fineYuan: 50000, closed: false });
    const deadline = { ...sample.data.enforcements[0], orderDeadline: "" };
    const refused = parse(page({ enterprises: sample.data.enterprises, enforcements: [deadline] }));
    expect(refused.rejected[0]!.reason).toContain("orderDeadline is required for 责令限期整改");
  });

  it("rejects a rectifying hazard without a deadline", () => {
    const hazard = { ...sample.data.hazards[1], rectifyDeadline: "" };
    const result = parse(page({ enterprises: [enterprise], hazards: [hazard] }));
    expect(result.rejected[0]!.reason).toContain("rectifyDeadline is required while rectifying");
  });
});

describe("emergency documents", () => {
  it("throws DocumentError for a body that is not JSON", () => {
    expect(() => parse("<html>502 Bad Gateway</html>")).toThrow(DocumentError);
    expect(() => parse("<html>502 Bad Gateway</html>")).toThrow(/not JSON/);
  });

  it("throws DocumentError when the envelope is missing", () => {
    expect(() => parse({ enterprises: [] })).toThrow(/not an emergency API page/);
    expect(() => parse([1, 2])).toThrow(DocumentError);
  });

  it("throws DocumentError when the source answers an error code", () => {
    expect(() => parse({ ...page({}), code: 500, msg: "数据库连接失败" })).toThrow(/code 500: 数据库连接失败/);
  });

  it("returns nothing for an empty page", () => {
    expect(parse(page({}))).toEqual({ records: [], rejected: [], snapshotOf: [] });
  });

  it("treats a page of several as incremental", () => {
    const result = parse(page({ enterprises: [enterprise] }, { page: 2, pageSize: 1, total: 3 }));
    expect(result.records).toHaveLength(1);
    expect(result.snapshotOf).toEqual([]);
  });
});

describe("generateEmergencyFeed", () => {
  it("is deterministic and parses without rejections", () => {
    const json = generateEmergencyFeed({ enterprises: 40, hazardsPerEnterprise: 3, seed: 7 });
    expect(generateEmergencyFeed({ enterprises: 40, hazardsPerEnterprise: 3, seed: 7 })).toBe(json);
    expect(generateEmergencyFeed({ enterprises: 40, hazardsPerEnterprise: 3, seed: 8 })).not.toBe(json);
    const result = parse(json);
    expect(result.rejected).toEqual([]);
    expect(byDataset(result, "enterprise")).toHaveLength(40);
    expect(byDataset(result, "hazard")).toHaveLength(120);
    expect(result.snapshotOf).toEqual(["enterprise", "hazard"]);
  });
});
