/** The live list: new warnings, water-level alerts, monitoring alarms and hazard changes as they arrive over graphql-ws, newest first. */
import { ALARM_COLOURS, ALARM_NAMES, escapeHtml, LEVEL_COLOURS, LEVEL_NAMES, WATER_COLOURS, WATER_NAMES } from "./colours.js";

const MAX_ITEMS = 50;
const CHANGE = { ISSUED: "发布", UPDATED: "更新", CANCELLED: "解除" } as Record<string, string>;
const ALARM_ACTION: Record<string, string> = { RAISE: "报警", ACKNOWLEDGE: "已确认", HANDLE: "已处置", CLEAR: "消警", ESCALATE: "超时未确认，已上报" };
const ACTION: Record<string, string> = { REPORT: "登记", PLAN: "制定整改方案", SUBMIT: "提交验收", ACCEPT: "验收销号", REJECT: "验收不通过", SUPERVISE: "挂牌督办", CANCEL: "撤销", OVERDUE: "逾期", FIX_ON_SPOT: "立即整改", SYNC: "同步更新" };

export function createLiveList(list: HTMLElement, onWarning: (id: string) => void) {
  const add = (kind: string, colour: string, html: string, onClick?: () => void) => {
    const item = document.createElement("li");
    item.className = `live-item live-${kind}`;
    item.style.borderLeftColor = colour;
    item.innerHTML = `<time>${escapeHtml(new Date().toLocaleTimeString("zh-CN"))}</time> ${html}`;
    if (onClick) {
      item.classList.add("clickable");
      item.addEventListener("click", onClick);
    }
    list.prepend(item);
    while (list.children.length > MAX_ITEMS) list.lastElementChild!.remove();
  };
  return {
    warning(change: { change: string; warning: { id: string; identifier: string; headline: string; level: string } }) {
      const w = change.warning;
      add(
        "warning",
        LEVEL_COLOURS[w.level] ?? "#555",
        `<b>${escapeHtml(CHANGE[change.change] ?? change.change)}</b> ${escapeHtml(w.headline)} <small data-identifier="${escapeHtml(w.identifier)}">${escapeHtml(LEVEL_NAMES[w.level])}</small>`,
        () => onWarning(w.id),
      );
    },
    water(alert: { state: string; level: number; station: { name: string } }) {
      add("water", WATER_COLOURS[alert.state] ?? "#555", `<b>水位</b> ${escapeHtml(alert.station.name)} ${escapeHtml(alert.level)} m ${escapeHtml(WATER_NAMES[alert.state] ?? alert.state)}`);
    },
    alarm(change: { action: string; alarm: { level: string; value: number; point: { name: string; unit: string | null } | null; enterprise: { name: string } | null } }) {
      const a = change.alarm;
      add(
        "alarm",
        ALARM_COLOURS[a.level] ?? "#555",
        `<b>监测${escapeHtml(ALARM_ACTION[change.action] ?? change.action)}</b> ${escapeHtml(a.enterprise?.name ?? "")} ${escapeHtml(a.point?.name ?? "")} ${escapeHtml(a.value)} ${escapeHtml(a.point?.unit ?? "")} <small>${escapeHtml(ALARM_NAMES[a.level] ?? a.level)}</small>`,
      );
    },
    hazard(change: { action: string; hazard: { state: string; grade: string; description: string | null } }) {
      add("hazard", change.hazard.grade === "MAJOR" ? "#d7191c" : "#546e7a", `<b>隐患${escapeHtml(ACTION[change.action] ?? change.action)}</b> ${escapeHtml(change.hazard.description ?? "")}`);
    },
  };
}
