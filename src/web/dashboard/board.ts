/** The situation board: the region's figures as tiles and two ECharts bar charts, redrawn whenever the situation feed sends. */
import { BarChart } from "echarts/charts";
import { GridComponent, TitleComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { escapeHtml, LEVEL_COLOURS, LEVEL_NAMES } from "./colours.js";

echarts.use([BarChart, GridComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export interface Situation {
  region: string;
  regionName: string | null;
  asOf: string;
  warningsInForce: number | null;
  warningsByLevel: Array<{ level: string; count: number }>;
  warningsByType: Array<{ type: string; count: number }>;
  stationsAboveWarning: number | null;
  stationsAboveGuaranteed: number | null;
  hazardsOpen: number | null;
  hazardsOverdue: number | null;
  hazardsMajor: number | null;
  hazardsSupervised: number | null;
  alarmsOpen: number | null;
  alarmsEscalated: number | null;
  disasterReportsOverdue: number | null;
  sheltersOpen: number | null;
  shelterCapacity: number | null;
  teamsOnStandby: number | null;
  standbyHeadcount: number | null;
  connectors: Array<{ name: string; dataAgeSeconds: number | null; stale: boolean }>;
}

export const SITUATION_FIELDS = `region regionName asOf warningsInForce warningsByLevel { level count } warningsByType { type count }
  stationsAboveWarning stationsAboveGuaranteed hazardsOpen hazardsOverdue hazardsMajor hazardsSupervised alarmsOpen alarmsEscalated disasterReportsOverdue
  sheltersOpen shelterCapacity teamsOnStandby standbyHeadcount connectors { name dataAgeSeconds stale }`;

const FONT = 'system-ui, "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif';
const shown = (value: number | null) => (value === null ? "—" : value.toLocaleString("zh-CN"));

export function createBoard(figures: HTMLElement, warningsChart: HTMLElement, hazardsChart: HTMLElement) {
  const warnings = echarts.init(warningsChart);
  const hazards = echarts.init(hazardsChart);
  const bar = (title: string, labels: string[], values: Array<number | null>, colours: string[]) => ({
    // a wall screen redraws on every feed message: no animation, the figures are shown as they are
    animation: false,
    textStyle: { fontFamily: FONT },
    tooltip: {},
    title: { text: title, textStyle: { fontSize: 13, fontFamily: FONT } },
    grid: { left: 40, right: 10, top: 36, bottom: 24 },
    xAxis: { type: "category", data: labels, axisLabel: { fontFamily: FONT } },
    yAxis: { type: "value", minInterval: 1 },
    series: [{ type: "bar", data: values.map((value, i) => ({ value: value ?? 0, itemStyle: { color: colours[i] } })), label: { show: true, position: "top" } }],
  });
  return {
    update(s: Situation) {
      const tiles: Array<[string, string, string?]> = [
        ["生效预警", shown(s.warningsInForce)],
        ["超警戒水位站", shown(s.stationsAboveWarning), s.stationsAboveGuaranteed ? `超保证 ${s.stationsAboveGuaranteed}` : undefined],
        ["未销号隐患", shown(s.hazardsOpen), s.hazardsOverdue ? `逾期 ${s.hazardsOverdue}` : undefined],
        ["重大隐患", shown(s.hazardsMajor), s.hazardsSupervised ? `督办 ${s.hazardsSupervised}` : undefined],
        ["监测报警", shown(s.alarmsOpen), s.alarmsEscalated ? `超时上报 ${s.alarmsEscalated}` : undefined],
        ["灾情报送逾期", shown(s.disasterReportsOverdue)],
        ["开放避难场所", shown(s.sheltersOpen), s.shelterCapacity !== null ? `可容纳 ${shown(s.shelterCapacity)} 人` : undefined],
        ["待命救援队", shown(s.teamsOnStandby), s.standbyHeadcount !== null ? `${shown(s.standbyHeadcount)} 人` : undefined],
      ];
      const stale = s.connectors.filter((c) => c.stale).map((c) => c.name);
      figures.innerHTML =
        tiles.map(([label, value, note]) => `<div class="tile"><span class="value">${escapeHtml(value)}</span><span class="label">${escapeHtml(label)}</span>${note ? `<span class="note">${escapeHtml(note)}</span>` : ""}</div>`).join("") +
        `<p class="freshness">${stale.length ? `数据滞后：${escapeHtml(stale.join("、"))}` : "各部门数据正常"} · 更新于 ${escapeHtml(new Date(s.asOf).toLocaleTimeString("zh-CN"))}</p>`;
      figures.dataset.warningsInForce = String(s.warningsInForce ?? "");
      const levels = [...s.warningsByLevel].reverse();
      warnings.setOption(bar("生效预警（按级别）", levels.map((l) => LEVEL_NAMES[l.level]!), levels.map((l) => l.count), levels.map((l) => LEVEL_COLOURS[l.level]!)));
      hazards.setOption(bar("隐患", ["未销号", "逾期", "重大", "督办"], [s.hazardsOpen, s.hazardsOverdue, s.hazardsMajor, s.hazardsSupervised], ["#546e7a", "#d7191c", "#f28a1b", "#6a1b9a"]));
    },
    resize() {
      warnings.resize();
      hazards.resize();
    },
  };
}
