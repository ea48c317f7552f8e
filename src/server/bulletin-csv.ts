/**
 * The bi-monthly bulletin (双月通报) as CSV for Excel: UTF-8 with a byte-order
 * mark (so Excel reads the Chinese correctly), CRLF line ends (RFC 4180).
 * A header row naming the bulletin, a totals section, then the list of major
 * hazards still open, the 突出问题, the 清零 of the previous bulletin's hazards
 * (by region, by sector, and those not cleared), then the region's target
 * indicators. Times are written in China Standard Time.
 * Pure: no I/O.
 */
import { DISCOVERY_SOURCES } from "../core/hazard/discovery-source.js";
import { csvCell, cstMinute, type Cell } from "./csv.js";
import { indicatorRows, type IndicatorReportData } from "./indicators-csv.js";

export interface BulletinMajorHazard {
  enterpriseCode: string;
  enterprise: { name: string } | null;
  regionCode: string;
  sector: string;
  description: string;
  state: string;
  foundAt: string;
  deadline: string | null;
  supervisedBy: string | null;
  supervisionDeadline: string | null;
  overdue: boolean;
}

export interface BulletinData {
  /** The region's target indicators, when the reader may read them (indicators-csv.ts). */
  indicators?: IndicatorReportData | null;
  region: string;
  regionName: string;
  period: string;
  firstDay: string;
  lastDay: string;
  asOf: string;
  new: number;
  closed: number;
  stillOpen: number;
  overdue: number;
  majorHazards: BulletinMajorHazard[];
  /** 突出问题: open hazards that are major, supervised or overdue. */
  prominentIssues: BulletinMajorHazard[];
  /** The discovery sources counted; null: all. */
  sources: string[] | null;
  /** The sectors counted; null: all. */
  sectors: string[] | null;
  clearance: {
    previousPeriod: string;
    listed: number;
    cleared: number;
    notCleared: number;
    byRegion: Array<{ region: string; name: string | null; listed: number; cleared: number; notCleared: number }>;
    bySector: Array<{ sector: string; listed: number; cleared: number; notCleared: number }>;
    notClearedHazards: BulletinMajorHazard[];
  };
  /** The period's law-enforcement inspections; null when the reader may not read them. */
  enforcement: { inspections: number; rectificationOrders: number; suspensions: number; penalties: number; finesYuan: number } | null;
}

const SOURCE_ZH: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(DISCOVERY_SOURCES).map(([key, { zh }]) => [key, zh]));

const STATE_ZH: Readonly<Record<string, string>> = {
  REPORTED: "已登记",
  RECTIFYING: "整改中",
  PENDING_ACCEPTANCE: "待验收",
  CLOSED: "已销号",
  CANCELLED: "已撤销",
};

/** A list of hazards: a header row, then one row per hazard. */
function hazardList(hazards: readonly BulletinMajorHazard[]): Cell[][] {
  return [
    ["序号", "统一社会信用代码", "企业名称", "区划代码", "行业领域", "隐患描述", "状态", "发现时间", "整改期限", "挂牌督办单位", "督办期限", "是否逾期"],
    ...hazards.map((h, i): Cell[] => [
      i + 1,
      h.enterpriseCode,
      h.enterprise?.name ?? null,
      h.regionCode,
      h.sector,
      h.description,
      STATE_ZH[h.state] ?? h.state,
      cstMinute(h.foundAt),
      h.deadline,
      h.supervisedBy,
      h.supervisionDeadline,
      h.overdue ? "是" : "否",
    ]),
  ];
}


export function bulletinCsv(b: BulletinData): string {
  const rows: Cell[][] = [
    ["安全隐患双月通报", b.regionName, b.region, b.period, `${b.firstDay} 至 ${b.lastDay}`, `截至 ${cstMinute(b.asOf)}`, b.sources ? `隐患来源：${b.sources.map((s) => SOURCE_ZH[s] ?? s).join("、")}` : "隐患来源：全部"],
    ["统计范围", `${b.regionName}（${b.region}）辖区内${b.sectors ? `${b.sectors.join("、")}行业` : "各行业"}的隐患`],
    [],
    ["指标", "数量"],
    ["新增隐患", b.new],
    ["本期销号", b.closed],
    ["未销号", b.stillOpen],
    ["逾期未整改", b.overdue],
    ["重大事故隐患（未销号）", b.majorHazards.length],
    ["突出问题（重大、挂牌督办或逾期）", b.prominentIssues.length],
    ...(b.enforcement
      ? [
          ["执法检查", b.enforcement.inspections],
          ["其中责令整改", b.enforcement.rectificationOrders],
          ["其中责令停产停业整顿", b.enforcement.suspensions],
          ["其中行政处罚", b.enforcement.penalties],
          ["罚款（元）", b.enforcement.finesYuan],
        ]
      : []),
    [],
    ["重大事故隐患清单"],
    ...hazardList(b.majorHazards),
    [],
    ["突出问题清单"],
    ...hazardList(b.prominentIssues),
    [],
    [`清零情况（${b.clearance.previousPeriod} 通报时未销号的隐患）`, "上期未销号", "已清零", "未清零"],
    ["合计", b.clearance.listed, b.clearance.cleared, b.clearance.notCleared],
    ...b.clearance.byRegion.map((r): Cell[] => [`${r.name ?? ""}（${r.region}）`, r.listed, r.cleared, r.notCleared]),
    ...b.clearance.bySector.map((s): Cell[] => [s.sector, s.listed, s.cleared, s.notCleared]),
    [],
    ["未清零隐患清单"],
    ...hazardList(b.clearance.notClearedHazards),
    ...(b.indicators ? [[], ["目标指标"], ...indicatorRows(b.indicators)] : []),
  ];
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
