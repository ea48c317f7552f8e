import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { ALL_CONNECTORS } from "../../../connectors/index.js";
import { inSeason, placeSample, samplePlacement, sampleShift, shiftDateStamps } from "../../../src/sync/sample-clock.js";
import { sampleDocuments } from "../../../src/sync/sample-documents.js";

const asOf = new Date("2026-07-20T17:00:00+08:00");

describe("the sample clock", () => {
  it("moves time stamps by the exact interval, in the form they had, and dates by calendar days in China time", () => {
    const now = new Date("2026-11-28T09:30:40+08:00");
    const shift = sampleShift(asOf, now);
    expect(shift.days).toBe(131);
    expect(shiftDateStamps("<sent>2026-07-20T15:30:00+08:00</sent>", shift)).toBe("<sent>2026-11-28T08:00:00+08:00</sent>");
    expect(shiftDateStamps('"TM": "2026-07-20 17:00:00"', shift)).toBe('"TM": "2026-11-28 09:30:00"');
    expect(shiftDateStamps("deadline 2026-07-31, at 2026-07-21 08:10", shift)).toBe("deadline 2026-12-09, at 2026-11-29 00:40");
    // a stamp the clock cannot read, and digits that are part of something else, stay
    expect(shiftDateStamps("id 12026-07-20 and 2026-13-45", shift)).toBe("id 12026-07-20 and 2026-13-45");
  });

  it("keeps what was in force at sampleAsOf in force at the load, whatever the hour", () => {
    for (const now of [new Date("2026-11-28T00:05:00+08:00"), new Date("2026-11-28T23:55:00+08:00")]) {
      const shift = sampleShift(asOf, now);
      const [sent, expires] = shiftDateStamps("2026-07-20T16:00:00+08:00 2026-07-20T18:00:00+08:00", shift).split(" ").map((s) => new Date(s).getTime());
      expect(sent!).toBeLessThanOrEqual(now.getTime());
      expect(expires!).toBeGreaterThan(now.getTime());
    }
  });

  it("touches only ASCII stamps in a GB18030 document", () => {
    const text = "编号,名称,封闭开始\nKF-001,五一路下穿陇海铁路立交,2026-07-20 09:40:00\n";
    const placed = iconv.decode(placeSample(iconv.encode(text, "gb18030"), asOf, new Date("2026-07-21T17:00:00+08:00")), "gb18030");
    expect(placed).toBe("编号,名称,封闭开始\nKF-001,五一路下穿陇海铁路立交,2026-07-21 09:40:00\n");
  });
});

describe("the sample clock and the samples' season", () => {
  const flood = { name: "汛期", from: "06-01", to: "09-30" };

  it("places a flood-season sample at the load inside the season, at last season's day and hour outside it", () => {
    const august = new Date("2027-08-03T10:00:00+08:00");
    expect(samplePlacement(asOf, august, flood)).toEqual(august);
    // 7 December: the July sample is last July's, not a 高温 warning in December
    expect(samplePlacement(asOf, new Date("2026-12-07T20:00:00+08:00"), flood)).toEqual(new Date("2026-07-20T17:00:00+08:00"));
    // before the season of a year: the year before
    expect(samplePlacement(asOf, new Date("2028-03-01T08:00:00+08:00"), flood)).toEqual(new Date("2027-07-20T17:00:00+08:00"));
    // the season's edges, in China time (30 September 23:30 in China is still the 30th)
    expect(inSeason(new Date("2026-09-30T15:30:00Z"), flood)).toBe(true);
    expect(inSeason(new Date("2026-09-30T16:30:00Z"), flood)).toBe(false);
    expect(inSeason(new Date("2026-05-31T16:00:00Z"), flood)).toBe(true);
  });

  it("places a sample without a season at the load whatever the day, and reads a season across the new year", () => {
    const december = new Date("2026-12-07T20:00:00+08:00");
    expect(samplePlacement(asOf, december)).toEqual(december);
    const winter = { name: "冬季", from: "11-15", to: "03-15" };
    expect(inSeason(december, winter)).toBe(true);
    expect(inSeason(new Date("2027-02-01T12:00:00+08:00"), winter)).toBe(true);
    expect(inSeason(new Date("2027-07-01T12:00:00+08:00"), winter)).toBe(false);
  });

  it("loads every flood-season connector's warnings and readings as last season's in December", () => {
    const december = new Date("2026-12-07T20:00:00+08:00");
    for (const connector of ALL_CONNECTORS.filter((c) => c.sampleSeason)) {
      for (const doc of sampleDocuments(connector, { at: december })) {
        const months = [...doc.body.toString("latin1").matchAll(/\b20\d\d-(\d\d)-\d\d/g)].map((m) => Number(m[1]));
        expect(months.length, doc.name).toBeGreaterThan(0);
        // every stamp within the flood season or the weeks around it, none in November or December
        expect(months.filter((m) => m >= 11), doc.name).toEqual([]);
      }
    }
    const forced = sampleDocuments(ALL_CONNECTORS.find((c) => c.name === "meteorology")!, { at: december, outOfSeason: "now" });
    expect(forced[0]!.body.toString("latin1")).toContain("2026-12-07T");
  });
});
