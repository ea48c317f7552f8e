import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DocumentError, type ParseResult } from "../types.js";
import { naturalResourcesConnector } from "./index.js";

const sampleText = readFileSync(new URL("./samples/geo-hazard-points.geojson", import.meta.url), "utf8");
const sample = JSON.parse(sampleText);
const parse = (json: unknown): ParseResult =>
  naturalResourcesConnector.parse({ name: "points.geojson", body: Buffer.from(typeof json === "string" ? json : JSON.stringify(json)) });
const collection = (...features: unknown[]) => ({ type: "FeatureCollection", features });
const feature = (index: number, properties: Record<string, unknown> = {}, coordinates?: number[]) => {
  const base = sample.features[index];
  return {
    ...base,
    properties: { ...base.properties, ...properties },
    geometry: coordinates ? { type: "Point", coordinates } : base.geometry,
  };
};

describe("natural-resources sample", () => {
  const result = parse(sampleText);

  it("maps all eleven points as a snapshot", () => {
    expect(result.rejected).toEqual([]);
    expect(result.records).toHaveLength(11);
    expect(result.snapshotOf).toEqual(["geoHazardPoint"]);
  });

  it("maps Shangjie's five small collapses (6–10 people, 800万元 together)", () => {
    const shangjie = result.records.filter((r) => String(r.data.regionCode).startsWith("410106"));
    expect(shangjie.map((r) => r.data.name)).toEqual([
      "五云山中线1号崩塌",
      "五云山中线2号崩塌",
      "方顶村崩塌",
      "黑马实业崩塌",
      "沙固陇海铁路线崩塌",
    ]);
    for (const r of shangjie) {
      expect(r.data).toMatchObject({ hazardType: "COLLAPSE", scale: "SMALL", threatGrade: "SMALL", regionCode: "410106100000" });
      expect(r.data.threatenedPeople).toBeGreaterThanOrEqual(6);
      expect(r.data.threatenedPeople).toBeLessThanOrEqual(10);
    }
    expect(shangjie.reduce((sum, r) => sum + (r.data.threatenedPropertyWan as number), 0)).toBe(800);
  });

  it("reads GeoJSON [lon, lat] without swapping, and splits lists", () => {
    const point = result.records.find((r) => r.sourceId === "410106-BT-001")!;
    expect(point.data).toMatchObject({
      code: "410106-BT-001",
      lon: 113.296512,
      lat: 34.751238,
      location: "郑州市上街区峡窝镇五云山村五云山中线北侧边坡",
      threatenedHouseholds: 2,
      triggers: ["降雨", "人类工程活动"],
      monitorName: "侯建设",
      monitorPhone: "13598817201",
      measures: ["MONITORING", "RELOCATION"],
    });
    const landslide = result.records.find((r) => r.sourceId === "410505-HP-001")!;
    expect(landslide.data).toMatchObject({ hazardType: "LANDSLIDE", threatGrade: "MEDIUM", lat: 36.061472 });
  });
});

describe("natural-resources bad input", () => {
  it("rejects swapped coordinates (outside China) and keeps the other points", () => {
    const result = parse(collection(feature(0, {}, [34.751238, 113.296512]), feature(1)));
    expect(result.records.map((r) => r.sourceId)).toEqual(["410106-BT-002"]);
    expect(result.rejected[0]!.reason).toBe(
      "geoHazardPoint 410106-BT-001: geometry.coordinates [34.751238, 113.296512] outside China (GeoJSON order is [lon, lat])",
    );
  });

  it("rejects an unknown hazard type, naming the value", () => {
    const result = parse(collection(feature(0, { 灾害类型: "塌方" })));
    expect(result.rejected[0]!.reason).toContain("灾害类型 '塌方' is not one of 崩塌, 滑坡");
  });

  it("rejects a threat grade that contradicts the people and property threatened", () => {
    const result = parse(collection(feature(0, { 威胁人数: 600 })));
    expect(result.rejected[0]!.reason).toContain("险情等级 小型 (SMALL) does not match 威胁人数 600 and 威胁财产 200 万元 (expected LARGE)");
  });

  it("accepts 威胁财产(万元) with ASCII brackets", () => {
    const { "威胁财产（万元）": _, ...rest } = sample.features[0].properties;
    const result = parse(collection({ ...sample.features[0], properties: { ...rest, "威胁财产(万元)": 200 } }));
    expect(result.records[0]!.data.threatenedPropertyWan).toBe(200);
  });

  it("keeps the first of duplicate codes", () => {
    const result = parse(collection(feature(0), feature(1, { 编号: "410106-BT-001" })));
    expect(result.records.map((r) => r.data.name)).toEqual(["五云山中线1号崩塌"]);
    expect(result.rejected[0]!.reason).toBe("geoHazardPoint 410106-BT-001: duplicate id");
  });

  it("rejects a feature that is not a Point", () => {
    const line = { ...feature(0), geometry: { type: "LineString", coordinates: [[113.29, 34.75], [113.3, 34.76]] } };
    expect(parse(collection(line)).rejected[0]!.reason).toContain("geometry.type");
  });

  it("throws DocumentError for a document that is not a FeatureCollection", () => {
    expect(() => parse("{")).toThrow(DocumentError);
    expect(() => parse({ type: "Feature" })).toThrow(/not a GeoJSON FeatureCollection/);
    expect(() => parse({ type: "FeatureCollection" })).toThrow(/without a features array/);
  });

  it("returns nothing, and no snapshot, for an empty collection", () => {
    expect(parse(collection())).toEqual({ records: [], rejected: [], snapshotOf: [] });
  });
});
