import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { placeSample, sampleShift, shiftDateStamps } from "../../../src/sync/sample-clock.js";

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
