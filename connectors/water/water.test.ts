import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DocumentError, type ParseResult } from "../types.js";
import { waterConnector } from "./index.js";
import { tableOfFileName } from "./sl323.parser.js";

const read = (name: string) => readFileSync(new URL(`./samples/${name}`, import.meta.url));
const parse = (name: string, body: Buffer | string) =>
  waterConnector.parse({ name, body: typeof body === "string" ? Buffer.from(body) : body });
const json = (tables: unknown) => parse("sl323.json", JSON.stringify(tables));
const ofDataset = (result: ParseResult, dataset: string) => result.records.filter((r) => r.dataset === dataset);
const station = (code: string, extra: Record<string, unknown> = {}) => ({
  STCD: code, STNM: "测试站", RVNM: "惠济河", STTP: "ZZ", LGTD: 114.37, LTTD: 34.8, ADDVCD: "410203", ...extra,
});

describe("water JSON sample", () => {
  const result = parse("sl323-2026-07-20T08.json", read("sl323-2026-07-20T08.json"));

  it("maps 9 stations and 12 readings (3 of them rainfall), nothing rejected, stations as a snapshot", () => {
    expect(result.rejected).toEqual([]);
    expect(ofDataset(result, "hydroStation")).toHaveLength(9);
    expect(ofDataset(result, "hydroReading")).toHaveLength(12);
    expect(result.snapshotOf).toEqual(["hydroStation"]);
  });

  it("reads ST_PPTN_R rainfall: DRP mm over INTV hours, for the rain gauge", () => {
    const rain = ofDataset(result, "hydroReading").filter((r) => r.data.rainfall !== null);
    expect(rain.map((r) => [r.data.stationCode, r.data.rainfall, r.data.rainfallHours])).toEqual([
      ["41001300", 8.5, 1],
      ["41001300", 21, 1],
      ["41001300", 16.5, 1],
    ]);
    expect(rain.every((r) => r.data.level === null)).toBe(true);
  });

  it("merges river thresholds into the station", () => {
    const liuyuankou = ofDataset(result, "hydroStation").find((r) => r.sourceId === "40105100")!;
    expect(liuyuankou.data).toEqual({
      code: "40105100", name: "柳园口", river: "黄河", stationType: "ZZ", lon: 114.38321, lat: 34.905612,
      regionCode: "410202", warningLevel: 77.3, guaranteedLevel: 80.15, floodLimitLevel: null, floodLimitPeriods: null, historicalMaxLevel: 78.92,
    });
  });

  it("keeps every flood-season limit of a reservoir with its period, and nulls for stations without thresholds", () => {
    const byCode = new Map(ofDataset(result, "hydroStation").map((r) => [r.sourceId, r.data]));
    expect(byCode.get("31004500")).toMatchObject({
      name: "小南海水库",
      stationType: "RR",
      warningLevel: null,
      floodLimitPeriods: [
        { from: "0601", to: "0715", level: 158.5 },
        { from: "0716", to: "0831", level: 157 },
      ],
    });
    expect(byCode.get("41001100")).toMatchObject({ name: "峡窝", warningLevel: null, guaranteedLevel: null, floodLimitLevel: null });
    expect(byCode.get("41001300")).toMatchObject({ stationType: "PP", river: null });
  });

  it("maps readings with CST times and reservoir columns", () => {
    const caomen = ofDataset(result, "hydroReading").find((r) => r.sourceId.startsWith("50601200"))!;
    expect(caomen.sourceId).toBe("50601200@2026-07-20T00:00:00.000Z");
    expect(caomen.data).toMatchObject({ stationCode: "50601200", observedAt: "2026-07-20T00:00:00.000Z", level: 71.92, flow: null });
    const reservoir = ofDataset(result, "hydroReading").find((r) => r.sourceId === "31004500@2026-07-20T00:00:00.000Z")!;
    expect(reservoir.data).toMatchObject({ level: 157.46, inflow: 326, outflow: 180, storage: 61.2, flow: null });
  });
});

describe("water CSV sample", () => {
  const result = parse("ST_RIVER_R_2026072014.csv", read("ST_RIVER_R_2026072014.csv"));

  it("reads river readings from a table named by the file, without a snapshot", () => {
    expect(result.rejected).toEqual([]);
    expect(result.snapshotOf).toEqual([]);
    const levels = Object.fromEntries(result.records.map((r) => [r.data.stationCode, r.data.level]));
    expect(levels).toEqual({ "40105100": 76.05, "40105150": 73.88, "50601200": 72.31, "41001100": 139.4, "41001200": 122.05, "31004600": 76.42 });
    expect(result.records.find((r) => r.data.stationCode === "40105150")!.data.flow).toBe(2140);
  });

  it("knows tables by file name", () => {
    expect(tableOfFileName("exports/ST_RSVR_R.csv")).toBe("ST_RSVR_R");
    expect(tableOfFileName("st_river_r_20260720.csv")).toBe("ST_RIVER_R");
    expect(tableOfFileName("rivers.csv")).toBeNull();
  });
});

describe("water bad input", () => {
  it("rejects an STCD that is not 8 characters and keeps the other stations", () => {
    const result = json({ ST_STBPRP_B: [station("5060120"), station("50601201")] });
    expect(ofDataset(result, "hydroStation").map((r) => r.sourceId)).toEqual(["50601201"]);
    expect(result.rejected[0]!.reason).toBe("hydroStation 5060120: STCD must be 8 characters (SL 323 STCD) (got '5060120')");
  });

  it("rejects coordinates outside China", () => {
    const result = json({ ST_STBPRP_B: [station("50601201", { LGTD: 34.8, LTTD: 114.37 })] });
    expect(result.records).toEqual([]);
    expect(result.rejected[0]!.reason).toContain("LGTD/LTTD (34.8, 114.37) outside China");
  });

  it("keeps the first of duplicate readings", () => {
    const rows = [
      { STCD: "50601200", TM: "2026-07-20 08:00:00", Z: 71.9 },
      { STCD: "50601200", TM: "2026-07-20T08:00:00+08:00", Z: 99 },
    ];
    const result = json({ ST_RIVER_R: rows });
    expect(result.records.map((r) => r.data.level)).toEqual([71.9]);
    expect(result.rejected[0]!.reason).toContain("duplicate id");
  });

  it("accepts a reading of a station not in the document, rejects one without a value", () => {
    const result = json({ ST_RIVER_R: [{ STCD: "99999999", TM: "2026-07-20 08:00", Z: 1 }, { STCD: "50601200", TM: "2026-07-20 09:00" }] });
    expect(result.records.map((r) => r.data.stationCode)).toEqual(["99999999"]);
    expect(result.rejected[0]!.reason).toBe("hydroReading 50601200@2026-07-20T01:00:00.000Z: Z and Q are both empty");
  });

  it("rejects thresholds of a station that is not in the document", () => {
    const result = json({ ST_STBPRP_B: [station("50601201")], ST_RVFCCH_B: [{ STCD: "50601202", WRZ: 70 }] });
    expect(result.records).toHaveLength(1);
    expect(result.rejected[0]!.reason).toContain("ST_RVFCCH_B row for a station not accepted");
  });

  it("throws DocumentError for JSON that is not JSON or not tables", () => {
    expect(() => parse("sl323.json", "{ST_RIVER_R: [")).toThrow(DocumentError);
    expect(() => json([1, 2])).toThrow(/expected an object of SL 323 tables/);
    expect(() => json({ ST_RIVER_R: "none" })).toThrow(/ST_RIVER_R must be an array/);
  });

  it("throws DocumentError for a CSV missing a required column or of an unknown table", () => {
    expect(() => parse("ST_RIVER_R.csv", "STCD,Z\n50601200,71.2\n")).toThrow(/missing required columns TM/);
    expect(() => parse("levels.csv", "STCD,TM,Z\n")).toThrow(/cannot tell the SL 323 table/);
    expect(() => parse("ST_RIVER_R.csv", 'STCD,TM,Z\n"50601200,2026\n')).toThrow(DocumentError);
  });

  it("returns nothing for empty documents", () => {
    expect(json({})).toEqual({ records: [], rejected: [], snapshotOf: [] });
    expect(parse("ST_RIVER_R.csv", "STCD,TM,Z\n")).toEqual({ records: [], rejected: [], snapshotOf: [] });
  });
});
