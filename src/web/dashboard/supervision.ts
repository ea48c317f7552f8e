/** The supervisor's view: overdue hazards and the major hazards under supervision in the territory, with their deadlines, and the bi-monthly bulletin. */
import { download, gql, HubError } from "./api.js";
import { escapeHtml } from "./colours.js";

interface HazardRow {
  description: string | null;
  grade: string;
  state: string;
  deadline: string | null;
  supervised: boolean;
  supervisedBy: string | null;
  overdueSince: string | null;
  enterprise: { name: string } | null;
}

const HAZARD = "description grade state deadline supervised supervisedBy overdueSince enterprise { name }";
const QUERY = `query Supervision {
  overdueHazards(first: 50) { totalCount edges { node { ${HAZARD} } } }
  supervised: hazards(first: 50, filter: { open: true, grades: [MAJOR] }, orderBy: DEADLINE_ASC) { edges { node { ${HAZARD} } } }
}`;

const day = (value: string | null) => escapeHtml((value ?? "").slice(0, 10));

function table(element: HTMLElement, rows: HazardRow[]) {
  element.innerHTML = rows.length
    ? `<tr><th>企业</th><th>隐患</th><th>状态</th><th>期限</th></tr>` +
      rows.map((h) => `<tr><td>${escapeHtml(h.enterprise?.name ?? "—")}</td><td>${escapeHtml(h.description ?? "")}</td><td>${escapeHtml(h.state)}</td><td>${day(h.deadline)}${h.supervisedBy ? ` · ${escapeHtml(h.supervisedBy)}` : ""}</td></tr>`).join("")
    : `<tr><td>无</td></tr>`;
}

/** The bi-monthly period of today (China time): 2026-P6 is November–December. */
export function currentPeriod(now = new Date()): string {
  const china = new Date(now.getTime() + 8 * 3600_000);
  return `${china.getUTCFullYear()}-P${Math.floor(china.getUTCMonth() / 2) + 1}`;
}

export function createSupervision(overdue: HTMLElement, supervised: HTMLElement, bulletinButton: HTMLButtonElement, status: HTMLElement, region: () => string) {
  bulletinButton.addEventListener("click", async () => {
    const period = currentPeriod();
    status.textContent = "…";
    try {
      await download(`/bulletins/${region()}/${period}.csv`, `bulletin-${region()}-${period}.csv`);
      status.textContent = `${period} 已下载`;
    } catch {
      status.textContent = "无权下载或暂无数据";
    }
  });
  return {
    async load() {
      try {
        const data = await gql<{ overdueHazards: { edges: Array<{ node: HazardRow }> }; supervised: { edges: Array<{ node: HazardRow }> } }>(QUERY);
        table(overdue, data.overdueHazards.edges.map((e) => e.node));
        table(supervised, data.supervised.edges.map((e) => e.node).filter((h) => h.supervised));
      } catch (error) {
        overdue.innerHTML = `<tr><td>${escapeHtml(error instanceof HubError ? error.message : "无法读取")}</td></tr>`;
        supervised.innerHTML = "";
      }
    },
  };
}
