import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { DocumentError, type ParseResult } from "../types.js";
import { transportConnector } from "./index.js";

const sampleBytes = readFileSync(new URL("./samples/road-hazards.csv", import.meta.url));
const sampleLines = iconv.decode(sampleBytes, "gb18030").trim().split(/\r?\n/);
const [HEADER] = sampleLines;
const parseBytes = (body: Buffer, name = "road-hazards.csv"): ParseResult => transportConnector.parse({ name, body });
const parseLines = (...lines: string[]) => parseBytes(iconv.encode(lines.join("\r\n"), "gb18030"));
const line = (code: string) => sampleLines.find((l) => l.startsWith(`${code},`))!;

describe("transport sample", () => {
  const result = parseBytes(sampleBytes);

  it("decodes GB18030 and maps all 14 sections as a snapshot", () => {
    expect(result.rejected).toEqual([]);
    expect(result.records).toHaveLength(14);
    expect(result.snapshotOf).toEqual(["roadHazard"]);
  });

  it("maps a flooded underpass closure that is still open-ended", () => {
    const underpass = result.records.find((r) => r.sourceId === "KF-XA-001")!;
    expect(underpass.data).toEqual({
      code: "KF-XA-001",
      kind: "SUNKEN_UNDERPASS",
      route: "城市道路",
      name: "五一路下穿陇海铁路立交",
      startStake: null,
      endStake: null,
      regionCode: "410205",
      lon: 114.357218,
      lat: 34.781406,
      maintainingUnit: "开封市市政设施管理中心",
      status: "REMEDIATED",
      closed: true,
      closureReason: "暴雨积水深度超过27厘米",
      closedFrom: "2026-07-20T01:40:00.000Z",
      closedUntil: null,
    });
  });

  it("maps kinds, statuses, stakes and closures", () => {
    const kinds = new Set(result.records.map((r) => r.data.kind));
    expect(kinds).toEqual(
      new Set(["SUNKEN_UNDERPASS", "UNSAFE_BRIDGE", "WATERSIDE_CLIFF", "TRAFFIC_CONTROL", "SHARP_CURVE_STEEP_SLOPE", "LONG_STEEP_DOWNGRADE"]),
    );
    const g30 = result.records.find((r) => r.sourceId === "SJ-JT-001")!;
    expect(g30.data).toMatchObject({ route: "G30", startStake: "K588+200", endStake: "K589+100", closed: true, status: "IDENTIFIED" });
    expect(result.records.filter((r) => r.data.closed)).toHaveLength(6);
    expect(result.records.find((r) => r.sourceId === "YD-CP-001")!.data.regionCode).toBe("410505103000");
  });
});

describe("transport bad rows", () => {
  it("rejects coordinates outside China and keeps the other rows", () => {
    const bad = line("KF-XA-003").replace("114.384570,34.792215", "34.792215,114.384570");
    const result = parseLines(HEADER!, bad, line("KF-XA-002"));
    expect(result.records.map((r) => r.sourceId)).toEqual(["KF-XA-002"]);
    expect(result.rejected[0]!.reason).toBe("roadHazard KF-XA-003: 经度 经度/纬度 (34.792215, 114.38457) outside China");
  });

  it("rejects an unknown type or status, naming the value", () => {
    const result = parseLines(HEADER!, line("KF-XA-003").replace("下凹式立交", "隧道"), line("SJ-LS-001").replace("已整治", "完成"));
    expect(result.records).toEqual([]);
    expect(result.rejected[0]!.reason).toContain("类型 '隧道' is not one of 临水临崖");
    expect(result.rejected[1]!.reason).toContain("状态 '完成' is not one of 排查, 整治中, 已整治");
  });

  it("rejects a closure without a start and a stake in the wrong form", () => {
    const result = parseLines(HEADER!, line("KF-XA-001").replace("2026-07-20 09:40:00", ""), line("SJ-LS-001").replace("K603+450", "603.45"));
    expect(result.rejected[0]!.reason).toContain("封闭开始 is required when 是否封闭 is 是");
    expect(result.rejected[1]!.reason).toContain("起点桩号 is not a stake like K23+400 (got '603.45')");
  });

  it("keeps the first of duplicate codes", () => {
    const result = parseLines(HEADER!, line("KF-XA-003"), line("KF-XA-002").replace("KF-XA-002", "KF-XA-003"));
    expect(result.records.map((r) => r.data.name)).toEqual(["东京大道下穿陇海铁路立交"]);
    expect(result.rejected[0]!.reason).toBe("roadHazard KF-XA-003: duplicate id");
  });
});

describe("transport documents", () => {
  const utf8 = Buffer.from(sampleLines.join("\n"), "utf8");

  it("refuses the same CSV in UTF-8", () => {
    expect(() => parseBytes(utf8)).toThrow(DocumentError);
    expect(() => parseBytes(utf8)).toThrow(/not GB18030: .*; the bytes are valid UTF-8$/);
  });

  it("refuses UTF-8 whose bytes happen to decode, because the headers are not found", () => {
    expect(() => parseBytes(Buffer.from("编号,类型\n", "utf8"))).toThrow(
      /not GB18030: no known header \(编号, 类型, 路线, 名称, 行政区划代码, 状态\) after decoding; the bytes are valid UTF-8/,
    );
  });

  it("refuses UTF-8 with a byte-order mark", () => {
    expect(() => parseBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]))).toThrow(
      /not GB18030: the file starts with a UTF-8 byte-order mark/,
    );
  });

  it("refuses bytes that do not decode", () => {
    const broken = Buffer.concat([sampleBytes.subarray(0, 200), Buffer.from([0xff, 0x0a]), sampleBytes.subarray(200)]);
    expect(() => parseBytes(broken)).toThrow(/not GB18030: undecodable bytes on line \d+/);
  });

  it("names the missing required columns", () => {
    const header = HEADER!.replace("状态,", "").replace("路线,", "");
    expect(() => parseLines(header)).toThrow(/missing required columns: 路线, 状态/);
  });

  it("returns nothing for an empty file or a header only", () => {
    expect(parseBytes(Buffer.alloc(0))).toEqual({ records: [], rejected: [], snapshotOf: [] });
    expect(parseLines(HEADER!)).toEqual({ records: [], rejected: [], snapshotOf: [] });
  });
});
