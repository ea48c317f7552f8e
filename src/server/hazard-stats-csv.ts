/**
 * The 条块 matrix of hazard figures as CSV for Excel, in the bulletin's form
 * (UTF-8 with BOM, CRLF): one row per sector and region under the one asked
 * for, then the sectors' totals and the regions' totals. Pure: no I/O.
 */
import type { HazardStats as Figures } from "../core/hazard/stats.js";
import { csvCell, cstMinute, type Cell } from "./csv.js";

export interface HazardStatsData extends Figures {
  region: string;
  asOf: string;
  byRegion: Array<Figures & { region: string; name: string | null }>;
  bySector: Array<Figures & { sector: string }>;
  matrix: Array<Figures & { sector: string; region: string; name: string | null }>;
}

const HEADER = ["行业领域", "区划代码", "区划", "隐患总数", "未销号", "已销号", "已撤销", "整改率", "逾期", "重大隐患", "挂牌督办", "销号天数中位数"];

const figures = (f: Figures): Cell[] => [f.total, f.open, f.closed, f.cancelled, f.rectificationRate ?? "无", f.overdue, f.major, f.majorSupervised, f.medianDaysToClose];

export function hazardStatsRows(stats: HazardStatsData, regionName: string | null): Cell[][] {
  return [
    HEADER,
    ...stats.matrix.map((cell): Cell[] => [cell.sector, cell.region, cell.name, ...figures(cell)]),
    ...stats.bySector.map((row): Cell[] => [row.sector, stats.region, `${regionName ?? stats.region}（合计）`, ...figures(row)]),
    ...stats.byRegion.map((row): Cell[] => ["各行业合计", row.region, row.name, ...figures(row)]),
    ["各行业合计", stats.region, regionName, ...figures(stats)],
  ];
}

export function hazardStatsCsv(stats: HazardStatsData, regionName: string | null): string {
  const rows: Cell[][] = [["隐患条块统计", regionName, stats.region, `截至 ${cstMinute(stats.asOf)}`], [], ...hazardStatsRows(stats, regionName)];
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
