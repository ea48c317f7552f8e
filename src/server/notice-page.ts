/**
 * The HTML of an enterprise's public risk notice (安全风险公告), the page its
 * QR code opens on a phone: plain server-rendered HTML with inline styles, no
 * script and nothing loaded from elsewhere. Every value is escaped.
 */
export interface NoticeData {
  creditCode: string;
  name: string;
  sector: string;
  address: string | null;
  region: { name: string } | null;
  riskLevel: string | null;
  riskPointCounts: Array<{ level: string; count: number }>;
  riskPoints: Array<{ name: string; level: string; accidentTypes: string[]; controlMeasures: string | null }>;
  safetyPrincipal: string | null;
  safetyPrincipalPhone: string | null;
  updatedAt: string;
  fileUrl: string;
}

/** What a token holder who may read the enterprise's file sees beneath the notice. */
export interface FileSummary {
  hazards: Array<{ grade: string; state: string; description: string; deadline: string | null; overdue: boolean }>;
  majorHazardSources: Array<{ name: string; grade: string | null }>;
}

const COLOURS: Record<string, { zh: string; css: string }> = {
  RED: { zh: "重大风险（红）", css: "#d7191c" },
  ORANGE: { zh: "较大风险（橙）", css: "#f28a1b" },
  YELLOW: { zh: "一般风险（黄）", css: "#e6c300" },
  BLUE: { zh: "低风险（蓝）", css: "#2b83ba" },
};

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (value: unknown): string => String(value ?? "").replace(/[&<>"']/g, (c) => ENTITIES[c]!);

const colour = (level: string | null) => (level ? COLOURS[level] : undefined);

function riskSection(notice: NoticeData): string {
  const counts = notice.riskPointCounts
    .map((c) => `<span class="chip" style="background:${colour(c.level)!.css}">${escapeHtml(colour(c.level)!.zh)} ${c.count}</span>`)
    .join(" ");
  const rows = notice.riskPoints
    .map(
      (p) => `<tr><td><span class="dot" style="background:${colour(p.level)?.css ?? "#999"}"></span>${escapeHtml(p.name)}</td>
        <td>${escapeHtml(p.accidentTypes.join("、"))}</td><td>${escapeHtml(p.controlMeasures ?? "")}</td></tr>`,
    )
    .join("");
  return `<section><h2>风险告知</h2><p>${counts}</p>
    ${rows ? `<table><thead><tr><th>风险点</th><th>可能导致的事故</th><th>管控措施</th></tr></thead><tbody>${rows}</tbody></table>` : "<p>无在册风险点。</p>"}</section>`;
}

function fileSection(file: FileSummary): string {
  const hazards = file.hazards
    .map((h) => `<tr><td>${escapeHtml(h.grade === "MAJOR" ? "重大" : "一般")}</td><td>${escapeHtml(h.description)}</td><td>${escapeHtml(h.state)}</td><td>${escapeHtml(h.deadline?.slice(0, 10) ?? "")}${h.overdue ? " <b>逾期</b>" : ""}</td></tr>`)
    .join("");
  const sources = file.majorHazardSources.map((s) => `<li>${escapeHtml(s.name)}${s.grade ? `（${escapeHtml(s.grade)}）` : ""}</li>`).join("");
  return `<section><h2>隐患与重大危险源（授权可见）</h2>
    ${hazards ? `<table><thead><tr><th>等级</th><th>隐患</th><th>状态</th><th>整改期限</th></tr></thead><tbody>${hazards}</tbody></table>` : "<p>无未销号隐患。</p>"}
    ${sources ? `<ul>${sources}</ul>` : ""}</section>`;
}

export function noticePage(notice: NoticeData, file: FileSummary | null): string {
  const top = colour(notice.riskLevel);
  const contact = notice.safetyPrincipal || notice.safetyPrincipalPhone ? `${escapeHtml(notice.safetyPrincipal ?? "")} ${escapeHtml(notice.safetyPrincipalPhone ?? "")}` : "凭授权查看";
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(notice.name)} · 安全风险公告</title>
<style>
body{font-family:system-ui,"WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif;margin:0;color:#222;background:#f6f6f6}
header{padding:1rem;color:#fff;background:${top?.css ?? "#555"}}
h1{font-size:1.3rem;margin:0 0 .3rem}h2{font-size:1.05rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
main{padding:0 1rem 1rem;max-width:48rem;margin:auto}section{background:#fff;margin:1rem 0;padding:.2rem 1rem 1rem;border-radius:6px}
table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border-top:1px solid #eee;padding:.35rem;text-align:left;vertical-align:top}
.chip{display:inline-block;color:#fff;padding:.1rem .5rem;border-radius:1rem;margin:.1rem;font-size:.85rem}
.dot{display:inline-block;width:.7rem;height:.7rem;border-radius:50%;margin-right:.35rem}
dl{display:grid;grid-template-columns:7rem 1fr;gap:.3rem;margin:0}dt{color:#666}
</style></head>
<body><header><h1>${escapeHtml(notice.name)}</h1><div>安全风险公告 · ${escapeHtml(top?.zh ?? "无在册风险点")}</div></header>
<main>
<section><h2>企业信息</h2><dl>
<dt>统一社会信用代码</dt><dd>${escapeHtml(notice.creditCode)}</dd>
<dt>行业领域</dt><dd>${escapeHtml(notice.sector)}</dd>
<dt>所在地</dt><dd>${escapeHtml(notice.region?.name ?? "")} ${escapeHtml(notice.address ?? "")}</dd>
<dt>应急联系人</dt><dd>${contact}</dd>
<dt>更新时间</dt><dd>${escapeHtml(notice.updatedAt.slice(0, 10))}</dd>
</dl></section>
${riskSection(notice)}
${file ? fileSection(file) : `<section><p>完整档案（一企一档）：<a href="${escapeHtml(notice.fileUrl)}">${escapeHtml(notice.fileUrl)}</a>，需持有可读取该档案的令牌。</p></section>`}
</main></body></html>`;
}

export function noticeMissingPage(status: number, message: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>emhub</title></head>
<body style="font-family:system-ui,sans-serif;padding:1rem"><h1>${status}</h1><p>${escapeHtml(message)}</p></body></html>`;
}
