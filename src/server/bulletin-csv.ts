/**
 * The bi-monthly bulletin (双月通报) as CSV for Excel: UTF-8 with a byte-order
 * mark (so Excel reads the Chinese correctly), CRLF line ends (RFC 4180).
 * A header row naming the bulletin, a totals section, then the list of major
 * hazards still open. Times are written in China Standard Time.
 * Pure: no I/O.
 */
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
}

const STATE_ZH: Readonly<Record<string, string>> = {
  REPORTED: "已登记",
  RECTIFYING: "整改中",
  PENDING_ACCEPTANCE: "待验收",
  CLOSED: "已销号",
  CANCELLED: "已撤销",
};

type Cell = string | number | null;

/** "2026-11-22 14:05" in +08:00. */
export function cstMinute(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600 * 1000).toISOString().slice(0, 16).replace("T", " ");
}

/** One CSV field; text that a spreadsheet would take for a formula is prefixed with an apostrophe. */
export function csvCell(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function bulletinCsv(b: BulletinData): string {
  const rows: Cell[][] = [
    ["安全隐患双月通报", b.regionName, b.region, b.period, `${b.firstDay} 至 ${b.lastDay}`, `截至 ${cstMinute(b.asOf)}`],
    [],
    ["指标", "数量"],
    ["新增隐患", b.new],
    ["本期销号", b.closed],
    ["未销号", b.stillOpen],
    ["逾期未整改", b.overdue],
    ["重大事故隐患（未销号）", b.majorHazards.length],
    [],
    ["重大事故隐患清单"],
    ["序号", "统一社会信用代码", "企业名称", "区划代码", "行业领域", "隐患描述", "状态", "发现时间", "整改期限", "挂牌督办单位", "督办期限", "是否逾期"],
    ...b.majorHazards.map((h, i): Cell[] => [
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
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
