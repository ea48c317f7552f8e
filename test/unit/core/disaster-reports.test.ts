import { describe, expect, it } from "vitest";
import { finalReportDueAt, hoursToAid, initialReportDueAt, onTime, overdueStages } from "../../../src/core/disaster-reports.js";

const at = (text: string) => new Date(`2026-07-${text}:00+08:00`);
const rain = { occurredAt: at("20T07:30"), endedAt: null };

describe("disaster report deadlines (《自然灾害情况统计调查制度》)", () => {
  it("puts the 初报 2 hours after the disaster, the 核报 5 days after its end", () => {
    expect(initialReportDueAt(rain)).toEqual(at("20T09:30"));
    expect(finalReportDueAt(rain)).toBeNull();
    expect(finalReportDueAt({ ...rain, endedAt: at("22T18:00") })).toEqual(at("27T18:00"));
  });

  it("judges a report by its stage's due time; a 续报 is never late", () => {
    expect(onTime(rain, { stage: "INITIAL", sentAt: at("20T09:30") })).toBe(true);
    expect(onTime(rain, { stage: "INITIAL", sentAt: at("20T09:31") })).toBe(false);
    expect(onTime(rain, { stage: "UPDATE", sentAt: at("29T09:00") })).toBe(true);
  });

  it("names the reports overdue with none sent", () => {
    expect(overdueStages(rain, [], at("20T09:00"))).toEqual([]);
    expect(overdueStages(rain, [], at("20T10:00"))).toEqual(["INITIAL"]);
    expect(overdueStages(rain, [{ stage: "INITIAL" }], at("20T10:00"))).toEqual([]);
    const ended = { ...rain, endedAt: at("21T12:00") };
    expect(overdueStages(ended, [{ stage: "INITIAL" }], at("26T13:00"))).toEqual(["FINAL"]);
  });

  it("counts the hours to aid from the latest report that says when it came", () => {
    const report = (sent: string, needingAid: number | null, aid: string | null) => ({ stage: "UPDATE" as const, sentAt: at(sent), needingAid, aidDeliveredAt: aid ? at(aid) : null });
    expect(hoursToAid(rain, [report("20T09:05", 420, null)])).toBeNull();
    expect(hoursToAid(rain, [report("20T09:05", 420, null), report("20T16:30", 600, "20T15:40")])).toBeCloseTo(8.1667, 3);
    expect(hoursToAid(rain, [report("20T16:30", 0, null)])).toBeNull();
  });
});
