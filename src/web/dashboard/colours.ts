/** Colours of the page: warning levels (GB/T 27962 signal colours), the four risk colours (四色), water-level states. */
export const LEVEL_COLOURS: Record<string, string> = { BLUE: "#1e6fd9", YELLOW: "#f0c419", ORANGE: "#f28a1b", RED: "#d7191c" };
export const LEVEL_NAMES: Record<string, string> = { BLUE: "蓝色", YELLOW: "黄色", ORANGE: "橙色", RED: "红色" };
export const WATER_COLOURS: Record<string, string> = {
  UNKNOWN: "#9e9e9e",
  NORMAL: "#2e9d4b",
  ABOVE_FLOOD_LIMIT: "#f0c419",
  ABOVE_WARNING: "#f28a1b",
  ABOVE_GUARANTEED: "#d7191c",
  ABOVE_HISTORICAL_MAX: "#7b0c0c",
};
export const WATER_NAMES: Record<string, string> = {
  UNKNOWN: "无数据",
  NORMAL: "正常",
  ABOVE_FLOOD_LIMIT: "超汛限",
  ABOVE_WARNING: "超警戒",
  ABOVE_GUARANTEED: "超保证",
  ABOVE_HISTORICAL_MAX: "超历史",
};

/** Monitoring alarm levels: the outer thresholds (高高报, 低低报) red, the inner ones orange. */
export const ALARM_COLOURS: Record<string, string> = { HIGH_HIGH: "#d7191c", LOW_LOW: "#d7191c", HIGH: "#f28a1b", LOW: "#f28a1b" };
export const ALARM_NAMES: Record<string, string> = { HIGH_HIGH: "高高报", HIGH: "高报", LOW: "低报", LOW_LOW: "低低报" };
export const ALARM_STATE_NAMES: Record<string, string> = { RAISED: "未确认", ACKNOWLEDGED: "已确认", HANDLED: "已处置", CLEARED: "已消警" };

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/** Text for innerHTML: every value the hub sends is escaped. */
export const escapeHtml = (value: unknown): string => String(value ?? "").replace(/[&<>"']/g, (c) => ENTITIES[c]!);
