import { describe, expect, it } from "vitest";
import {
  bimonthlyPeriod,
  bulletin,
  groupByChildRegion,
  hazardStats,
  parseBimonthlyPeriod,
  type StatsHazard,
} from "../../../src/core/hazard/stats.js";

/** An instant written in China Standard Time. */
const cst = (local: string) => new Date(`${local}+08:00`);

function h(id: string, fields: Partial<StatsHazard> & Pick<StatsHazard, "state" | "foundAt">): StatsHazard {
  return {
    id,
    regionCode: "410202",
    sector: "工贸",
    grade: "GENERAL",
    closedAt: null,
    deadline: null,
    supervisedBy: null,
    overdueSince: null,
    ...fields,
  };
}

// Kaifeng (4102): 龙亭区 410202, 兰考县 410225; 410200 is the city itself; 410505 is in Anyang.
const FIXTURE: StatsHazard[] = [
  // closed after 2.5 days (03-02 09:00 → 03-04 21:00)
  h("h1", { regionCode: "410202", sector: "危险化学品", state: "CLOSED", foundAt: cst("2026-03-02T09:00:00"), closedAt: cst("2026-03-04T21:00:00"), deadline: "2026-03-10" }),
  // closed after 1 day
  h("h2", { regionCode: "410225", state: "CLOSED", foundAt: cst("2026-03-10T08:00:00"), closedAt: cst("2026-03-11T08:00:00"), deadline: "2026-03-20" }),
  // MAJOR, supervised, closed after 35 days (03-15 → 04-19)
  h("h3", { regionCode: "410225001000", grade: "MAJOR", state: "CLOSED", foundAt: cst("2026-03-15T10:00:00"), closedAt: cst("2026-04-19T10:00:00"), deadline: "2026-04-30", supervisedBy: "开封市应急管理局" }),
  // MAJOR, supervised, open; binding deadline is the plan's 05-14 (earlier than supervision 05-31)
  h("h4", { regionCode: "410202", sector: "建筑施工", grade: "MAJOR", state: "RECTIFYING", foundAt: cst("2026-04-01T09:00:00"), deadline: "2026-05-14", supervisionDeadline: "2026-05-31", supervisedBy: "开封市应急管理局" }),
  // open, deadline 05-15
  h("h5", { regionCode: "410202", state: "PENDING_ACCEPTANCE", foundAt: cst("2026-04-20T09:00:00"), deadline: "2026-05-15" }),
  // registered at city level, cancelled (time unknown)
  h("h6", { regionCode: "410200", state: "CANCELLED", foundAt: cst("2026-03-20T09:00:00") }),
  // MAJOR, not supervised, no deadline yet, found in the last second of April
  h("h7", { regionCode: "410225", grade: "MAJOR", state: "REPORTED", foundAt: cst("2026-04-30T23:59:59") }),
  // found exactly at 05-01 00:00: outside [03-01, 05-01)
  h("h8", { regionCode: "410225", state: "RECTIFYING", foundAt: cst("2026-05-01T00:00:00"), deadline: "2026-05-05" }),
  // found the last second of February: outside the window, still open
  h("h9", { regionCode: "410202", state: "RECTIFYING", foundAt: cst("2026-02-28T23:59:59"), deadline: "2026-03-31" }),
  // Anyang: closed after 4.5 days (03-05 08:00 → 03-09 20:00)
  h("h10", { regionCode: "410505", state: "CLOSED", foundAt: cst("2026-03-05T08:00:00"), closedAt: cst("2026-03-09T20:00:00") }),
  // closed after 8 days (04-25 10:00 → 05-03 10:00), after the end of April
  h("h11", { regionCode: "410202", state: "CLOSED", foundAt: cst("2026-04-25T10:00:00"), closedAt: cst("2026-05-03T10:00:00"), deadline: "2026-04-30" }),
  // cancelled on 05-05, so still open at the end of April
  h("h12", { regionCode: "410225", state: "CANCELLED", foundAt: cst("2026-04-10T10:00:00"), deadline: "2026-04-20", cancelledAt: cst("2026-05-05T10:00:00") }),
];

const NOW = cst("2026-05-15T12:00:00");

describe("hazardStats", () => {
  it("counts the hazards found in March–April as they stand now", () => {
    // In [03-01, 05-01): h1 h2 h3 h4 h5 h6 h7 h10 h11 h12 = 10 (h8 starts at the bound, h9 is before).
    // open: h4 h5 h7 = 3; closed: h1 h2 h3 h10 h11 = 5; cancelled: h6 h12 = 2.
    // rate: 5 / (10 − 2) = 0.625.
    // overdue at 05-15 12:00: h4 (05-14 has ended); h5 is due today, h7 has no deadline → 1.
    // major: h3 h4 h7 = 3; supervised: h3 h4 = 2.
    // days to close: h1 2.5, h2 1, h3 35, h10 4.5, h11 8 → sorted 1 2.5 4.5 8 35 → median 4.5.
    expect(hazardStats(FIXTURE, { from: cst("2026-03-01T00:00:00"), to: cst("2026-05-01T00:00:00"), now: NOW })).toEqual({
      total: 10,
      open: 3,
      closed: 5,
      cancelled: 2,
      rectificationRate: 0.625,
      overdue: 1,
      major: 3,
      majorSupervised: 2,
      medianDaysToClose: 4.5,
    });
  });

  it("takes the mean of the middle two for an even count", () => {
    // March: h1 h2 h3 h6 h10 = 5; closed h1 h2 h3 h10 = 4; cancelled h6 → rate 4 / 4 = 1.
    // days 1 2.5 4.5 35 → (2.5 + 4.5) / 2 = 3.5. major h3, supervised.
    expect(hazardStats(FIXTURE, { from: cst("2026-03-01T00:00:00"), to: cst("2026-04-01T00:00:00"), now: NOW })).toEqual({
      total: 5,
      open: 0,
      closed: 4,
      cancelled: 1,
      rectificationRate: 1,
      overdue: 0,
      major: 1,
      majorSupervised: 1,
      medianDaysToClose: 3.5,
    });
  });

  it("rounds the rate to 4 decimals", () => {
    // h1 and h2 closed, h5 open: 2 / 3 = 0.66666… → 0.6667.
    const three = [FIXTURE[0]!, FIXTURE[1]!, FIXTURE[4]!];
    expect(hazardStats(three, { now: NOW }).rectificationRate).toBe(0.6667);
  });

  it("gives counts of 0 and a rate of none (null, not 0) when there is nothing to rectify", () => {
    expect(hazardStats([], { now: NOW })).toMatchObject({ total: 0, rectificationRate: null, medianDaysToClose: null });
    const onlyCancelled = [FIXTURE[5]!];
    expect(hazardStats(onlyCancelled, { now: NOW }).rectificationRate).toBeNull();
  });
});

describe("groupByChildRegion", () => {
  it("splits Kaifeng's hazards by county, city-level ones under the city, others left out", () => {
    const groups = groupByChildRegion(FIXTURE, "410200", ["410202", "410225"]);
    expect([...groups.keys()]).toEqual(["410202", "410225", "410200"]);
    expect(groups.get("410202")!.map((x) => x.id)).toEqual(["h1", "h4", "h5", "h9", "h11"]);
    expect(groups.get("410225")!.map((x) => x.id)).toEqual(["h2", "h3", "h7", "h8", "h12"]);
    expect(groups.get("410200")!.map((x) => x.id)).toEqual(["h6"]);
  });

  it("reads prefixes in either form and keeps empty children", () => {
    const groups = groupByChildRegion(FIXTURE, "4102", ["410202", "410205"]);
    expect(groups.get("410205")).toEqual([]);
    expect(groups.get("4102")!.map((x) => x.id)).toEqual(["h2", "h3", "h6", "h7", "h8", "h12"]);
  });
});

describe("bimonthlyPeriod", () => {
  it("maps a key to its window in +08:00", () => {
    const p6 = bimonthlyPeriod("2026-P6");
    expect(p6).toEqual({
      key: "2026-P6",
      year: 2026,
      index: 6,
      from: new Date("2026-10-31T16:00:00Z"),
      to: new Date("2026-12-31T16:00:00Z"),
      firstDay: "2026-11-01",
      lastDay: "2026-12-31",
    });
    const p1 = bimonthlyPeriod("2026-P1");
    expect([p1.from.toISOString(), p1.to.toISOString(), p1.lastDay]).toEqual([
      "2025-12-31T16:00:00.000Z",
      "2026-02-28T16:00:00.000Z",
      "2026-02-28",
    ]);
    expect(bimonthlyPeriod("2028-P1").lastDay).toBe("2028-02-29");
  });

  it("finds the period of an instant by its China date", () => {
    expect(bimonthlyPeriod(new Date("2026-02-28T16:30:00Z")).key).toBe("2026-P2");
    expect(bimonthlyPeriod(new Date("2026-12-31T15:59:59.999Z")).key).toBe("2026-P6");
    expect(bimonthlyPeriod(new Date("2026-12-31T16:00:00Z")).key).toBe("2027-P1");
  });

  it("refuses keys that are not periods", () => {
    for (const key of ["2026-P0", "2026-P7", "26-P1", "2026P1"]) {
      expect(parseBimonthlyPeriod(key)).toBeNull();
      expect(() => bimonthlyPeriod(key)).toThrow(RangeError);
    }
  });
});

describe("bulletin", () => {
  it("reports March–April as at 05-01 00:00 +08:00", () => {
    const b = bulletin(FIXTURE, bimonthlyPeriod("2026-P2"), NOW);
    // asOf = period end, the period being over.
    // new: found in [03-01, 05-01): h1 h2 h3 h4 h5 h6 h7 h10 h11 h12 = 10.
    // closed in the window: h1 (03-04) h2 (03-11) h3 (04-19) h10 (03-09) = 4; h11 closed 05-03.
    // open at 05-01 00:00: h4 h5 h7 h9, h11 (closed later), h12 (cancelled later) = 6;
    //   h6 cancelled at an unknown time counts as finished; h8 is found exactly at the end.
    // overdue then: h9 (03-31), h11 (04-30 ended at that very instant), h12 (04-20) = 3;
    //   h4 (05-14) and h5 (05-15) not yet; h7 has no deadline.
    // majors open then: h4 (found 04-01), h7 (04-30).
    expect(b).toMatchObject({
      period: "2026-P2",
      asOf: cst("2026-05-01T00:00:00"),
      new: 10,
      closed: 4,
      stillOpen: 6,
      overdue: 3,
    });
    expect(b.majors.map((x) => x.id)).toEqual(["h4", "h7"]);
  });

  it("reports the running period as at now", () => {
    const b = bulletin(FIXTURE, bimonthlyPeriod("2026-P3"), NOW);
    // asOf = now (05-15 12:00). new: h8 = 1. closed: h11 (05-03) = 1.
    // open now: h4 h5 h7 h8 h9 = 5 (h12 cancelled 05-05).
    // overdue now: h4 (05-14), h8 (05-05), h9 (03-31) = 3; h5 is due today.
    expect(b).toMatchObject({ period: "2026-P3", asOf: NOW, new: 1, closed: 1, stillOpen: 5, overdue: 3 });
    expect(b.majors.map((x) => x.id)).toEqual(["h4", "h7"]);
  });

  it("tracks 清零: the hazards the previous bulletin listed open, and which are open still", () => {
    const b = bulletin(FIXTURE, bimonthlyPeriod("2026-P3"), NOW);
    // listed by 2026-P2 (open at 05-01 00:00): h9 h4 h12 h5 h11 h7, oldest first;
    // since then h11 closed (05-03) and h12 was cancelled (05-05): h9 h4 h5 h7 are not cleared. h8 (found 05-01) was never listed.
    expect(b.clearance.previousPeriod).toBe("2026-P2");
    expect(b.clearance.listedAt).toEqual(cst("2026-05-01T00:00:00"));
    expect(b.clearance.listed.map((x) => x.id)).toEqual(["h9", "h4", "h12", "h5", "h11", "h7"]);
    expect(b.clearance.notCleared.map((x) => x.id)).toEqual(["h9", "h4", "h5", "h7"]);
    // the first bulletin of a year follows the last of the year before
    expect(bulletin(FIXTURE, bimonthlyPeriod("2026-P1"), NOW).clearance.previousPeriod).toBe("2025-P6");
  });
});
