import { describe, expect, it } from "vitest";
import { chinaDateOf, parseSourceDate, parseSourceDateTime } from "./time.js";

describe("source times", () => {
  it("reads times without an offset as China Standard Time", () => {
    expect(parseSourceDateTime("2026-07-20 08:00:00")).toBe("2026-07-20T00:00:00.000Z");
    expect(parseSourceDateTime("2026/7/20 8:00")).toBe("2026-07-20T00:00:00.000Z");
    expect(parseSourceDateTime("2026-07-20")).toBe("2026-07-19T16:00:00.000Z");
  });

  it("honours an explicit offset", () => {
    expect(parseSourceDateTime("2026-07-20T08:00:00+08:00")).toBe("2026-07-20T00:00:00.000Z");
    expect(parseSourceDateTime("2026-07-20T08:00:00Z")).toBe("2026-07-20T08:00:00.000Z");
    expect(parseSourceDateTime("2026-07-20T08:00:00.5-0500")).toBe("2026-07-20T13:00:00.500Z");
  });

  it("refuses impossible or unreadable times", () => {
    expect(parseSourceDateTime("2026-02-30 08:00:00")).toBeNull();
    expect(parseSourceDateTime("2026-07-20 25:00")).toBeNull();
    expect(parseSourceDateTime("20 July 2026")).toBeNull();
  });

  it("keeps calendar dates as that date", () => {
    expect(parseSourceDate("2026-08-10")).toBe("2026-08-10T00:00:00.000Z");
    expect(parseSourceDate("2026-08-10 07:30:00")).toBe("2026-08-10T00:00:00.000Z");
    expect(parseSourceDate("2026-08-10T20:00:00Z")).toBe("2026-08-11T00:00:00.000Z");
    expect(chinaDateOf("2026-08-09T17:00:00.000Z")).toBe("2026-08-10");
  });
});
