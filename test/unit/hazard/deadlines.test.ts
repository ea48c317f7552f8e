import { describe, expect, it } from "vitest";
import {
  cstDate,
  cstDayStart,
  deadlineInstant,
  effectiveDeadline,
  findNewlyOverdue,
  isCalendarDate,
  isOverdue,
} from "../../../src/core/hazard/index.js";

describe("calendar days in +08:00", () => {
  it("cstDate gives the China date of an instant", () => {
    expect(cstDate(new Date("2026-03-10T15:59:59Z"))).toBe("2026-03-10");
    expect(cstDate(new Date("2026-03-10T16:00:00Z"))).toBe("2026-03-11");
    // A Prisma @db.Date value (UTC midnight) keeps its day.
    expect(cstDate(new Date("2026-03-10T00:00:00Z"))).toBe("2026-03-10");
  });

  it("deadlineInstant is the last millisecond of the day in +08:00", () => {
    expect(deadlineInstant("2026-03-10").toISOString()).toBe("2026-03-10T15:59:59.999Z");
    expect(deadlineInstant("2026-12-31").toISOString()).toBe("2026-12-31T15:59:59.999Z");
    expect(cstDayStart("2026-03-10").toISOString()).toBe("2026-03-09T16:00:00.000Z");
  });

  it("rejects what is not a calendar date", () => {
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2026-3-1")).toBe(false);
    expect(() => deadlineInstant("2026-13-01")).toThrow(RangeError);
  });
});

describe("isOverdue", () => {
  const open = { state: "RECTIFYING" as const, deadline: "2026-03-10" };

  it("is on time through the whole deadline day in +08:00", () => {
    expect(isOverdue(open, new Date("2026-03-10T23:59:59+08:00"))).toBe(false);
    expect(isOverdue(open, new Date("2026-03-10T15:59:59Z"))).toBe(false);
    expect(isOverdue(open, new Date("2026-03-10T15:59:59.999Z"))).toBe(false);
  });

  it("is overdue from the first instant of the next day in +08:00", () => {
    expect(isOverdue(open, new Date("2026-03-11T00:00:00+08:00"))).toBe(true);
    expect(isOverdue(open, new Date("2026-03-10T16:00:00Z"))).toBe(true);
  });

  it("is never overdue once CLOSED or CANCELLED, nor without a deadline", () => {
    const late = new Date("2026-04-01T00:00:00+08:00");
    expect(isOverdue({ ...open, state: "CLOSED" }, late)).toBe(false);
    expect(isOverdue({ ...open, state: "CANCELLED" }, late)).toBe(false);
    expect(isOverdue({ state: "REPORTED", deadline: null }, late)).toBe(false);
    expect(isOverdue({ state: "PENDING_ACCEPTANCE", deadline: "2026-03-10" }, late)).toBe(true);
  });

  it("uses the earlier of plan and supervision deadline", () => {
    expect(effectiveDeadline({ deadline: "2026-03-31", supervisionDeadline: "2026-03-15" })).toBe("2026-03-15");
    expect(effectiveDeadline({ deadline: "2026-03-10", supervisionDeadline: "2026-03-15" })).toBe("2026-03-10");
    expect(effectiveDeadline({ deadline: null, supervisionDeadline: "2026-03-15" })).toBe("2026-03-15");
    expect(effectiveDeadline({ deadline: null })).toBeNull();
    const at = new Date("2026-03-16T00:00:00+08:00");
    expect(isOverdue({ state: "RECTIFYING", deadline: "2026-03-31", supervisionDeadline: "2026-03-15" }, at)).toBe(true);
    expect(isOverdue({ state: "REPORTED", deadline: null, supervisionDeadline: "2026-03-15" }, at)).toBe(true);
    expect(isOverdue({ state: "RECTIFYING", deadline: "2026-03-31", supervisionDeadline: null }, at)).toBe(false);
  });
});

describe("findNewlyOverdue", () => {
  it("returns overdue hazards not yet marked, as given", () => {
    const now = new Date("2026-03-11T08:00:00+08:00");
    const hazards = [
      { id: "a", state: "RECTIFYING" as const, deadline: "2026-03-10", overdueSince: null },
      { id: "b", state: "RECTIFYING" as const, deadline: "2026-03-10", overdueSince: new Date("2026-03-11T00:00:00+08:00") },
      { id: "c", state: "RECTIFYING" as const, deadline: "2026-03-11", overdueSince: null },
      { id: "d", state: "CLOSED" as const, deadline: "2026-03-01", overdueSince: null },
      { id: "e", state: "REPORTED" as const, deadline: null, supervisionDeadline: "2026-03-09", overdueSince: null },
    ];
    expect(findNewlyOverdue(hazards, now).map((h) => h.id)).toEqual(["a", "e"]);
  });
});
