import { describe, expect, it } from "vitest";
import { bulletinCsv } from "../../../src/server/bulletin-csv.js";
import { csvCell, cstMinute } from "../../../src/server/csv.js";

describe("bulletin CSV", () => {
  it("quotes what CSV needs quoted and defuses spreadsheet formulas", () => {
    expect(csvCell("普通文本")).toBe("普通文本");
    expect(csvCell('含"引号",逗号')).toBe('"含""引号"",逗号"');
    expect(csvCell("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvCell("-1+1")).toBe("'-1+1");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(null)).toBe("");
  });

  it("writes times in China Standard Time", () => {
    expect(cstMinute("2026-06-30T16:00:00.000Z")).toBe("2026-07-01 00:00");
  });

  it("starts with a BOM, ends lines with CRLF, and has the totals before the major hazard list and the 突出问题", () => {
    const csv = bulletinCsv({
      region: "410200", regionName: "开封市", period: "2026-P6", firstDay: "2026-11-01", lastDay: "2026-12-31", asOf: "2026-11-22T02:00:00.000Z",
      new: 3, closed: 1, stillOpen: 4, overdue: 0, majorHazards: [], prominentIssues: [], sources: ["ENFORCEMENT"], sectors: ["建筑施工", "城镇燃气"],
      clearance: {
        previousPeriod: "2026-P5", listed: 5, cleared: 3, notCleared: 2,
        byRegion: [{ region: "410202", name: "龙亭区", listed: 5, cleared: 3, notCleared: 2 }],
        bySector: [{ sector: "建筑施工", listed: 5, cleared: 3, notCleared: 2 }],
        notClearedHazards: [],
      },
      enforcement: { inspections: 2, rectificationOrders: 1, suspensions: 1, penalties: 1, finesYuan: 50000 },
    });
    expect(csv.startsWith("\uFEFF安全隐患双月通报,开封市,410200,2026-P6,2026-11-01 至 2026-12-31,截至 2026-11-22 10:00,隐患来源：执法检查\r\n")).toBe(true);
    expect(csv).toContain("\r\n统计范围,开封市（410200）辖区内建筑施工、城镇燃气行业的隐患\r\n");
    expect(csv).toContain("\r\n新增隐患,3\r\n本期销号,1\r\n未销号,4\r\n逾期未整改,0\r\n重大事故隐患（未销号）,0\r\n突出问题（重大、挂牌督办或逾期）,0\r\n");
    expect(csv).toContain("\r\n突出问题（重大、挂牌督办或逾期）,0\r\n执法检查,2\r\n其中责令整改,1\r\n其中责令停产停业整顿,1\r\n其中行政处罚,1\r\n罚款（元）,50000\r\n");
    expect(csv).toMatch(/重大事故隐患清单\r\n序号,.*\r\n\r\n突出问题清单\r\n序号,.*是否逾期\r\n\r\n清零情况/);
    expect(csv).toContain("\r\n清零情况（2026-P5 通报时未销号的隐患）,上期未销号,已清零,未清零\r\n合计,5,3,2\r\n龙亭区（410202）,5,3,2\r\n建筑施工,5,3,2\r\n\r\n未清零隐患清单\r\n序号,");
  });
});
