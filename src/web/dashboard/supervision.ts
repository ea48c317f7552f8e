/**
 * The supervisor's view of the territory: overdue hazards, the major hazards
 * under supervision with their deadlines, 12350 tip-offs and where each
 * stands, law-enforcement inspections and what they ordered, and the
 * bi-monthly bulletin. Each table is read on its own, so one the reader may
 * not read says so without emptying the others.
 */
import { download } from "./api.js";
import { escapeHtml } from "./colours.js";
import { day, fill, section } from "./tables.js";

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
const HAZARDS = `query Supervision {
  overdueHazards(first: 50) { totalCount edges { node { ${HAZARD} } } }
  supervised: hazards(first: 50, filter: { open: true, grades: [MAJOR] }, orderBy: DEADLINE_ASC) { edges { node { ${HAZARD} } } }
}`;
const TIP_OFFS = `query SupervisionTipOffs { tipOffs(first: 50) { totalCount edges { node { ticket receivedAt enterpriseName location description state } } } }`;
const ENFORCEMENT = `query SupervisionEnforcement {
  enforcementActions(first: 50) { totalCount edges { node { caseNumber inspectedAt unit order orderDeadline penalty fineYuan closed enterprise { name } } } }
}`;

interface TipOffRow {
  ticket: string;
  receivedAt: string;
  enterpriseName: string | null;
  location: string | null;
  description: string;
  state: "RECEIVED" | "REGISTERED" | "DISMISSED";
}

interface EnforcementRow {
  caseNumber: string;
  inspectedAt: string;
  unit: string;
  order: "NONE" | "RECTIFY_NOW" | "RECTIFY_BY_DEADLINE" | "SUSPEND";
  orderDeadline: string | null;
  penalty: string | null;
  fineYuan: number | null;
  closed: boolean;
  enterprise: { name: string } | null;
}

const TIP_OFF_STATE: Record<TipOffRow["state"], string> = { RECEIVED: "已受理", REGISTERED: "已立案为隐患", DISMISSED: "不予立案" };
const ORDER: Record<EnforcementRow["order"], string> = { NONE: "无", RECTIFY_NOW: "责令立即整改", RECTIFY_BY_DEADLINE: "责令限期整改", SUSPEND: "责令停产停业整顿" };



const hazardTable = (element: HTMLElement, rows: HazardRow[]) =>
  fill(element, ["企业", "隐患", "状态", "期限"], rows, (h) => [
    escapeHtml(h.enterprise?.name ?? "—"),
    escapeHtml(h.description ?? ""),
    escapeHtml(h.state),
    `${day(h.deadline)}${h.supervisedBy ? ` · ${escapeHtml(h.supervisedBy)}` : ""}`,
  ]);

const tipOffTable = (element: HTMLElement, rows: TipOffRow[]) =>
  fill(element, ["编号", "受理", "举报对象", "内容", "办理"], rows, (r) => [
    escapeHtml(r.ticket),
    day(r.receivedAt),
    escapeHtml(r.enterpriseName ?? r.location ?? "—"),
    escapeHtml(r.description),
    TIP_OFF_STATE[r.state],
  ]);

const enforcementTable = (element: HTMLElement, rows: EnforcementRow[]) =>
  fill(element, ["检查", "企业", "执法机构", "责令", "处罚", "结案"], rows, (r) => [
    `${day(r.inspectedAt)} ${escapeHtml(r.caseNumber)}`,
    escapeHtml(r.enterprise?.name ?? "—"),
    escapeHtml(r.unit),
    `${ORDER[r.order]}${r.orderDeadline ? ` · ${day(r.orderDeadline)}前` : ""}`,
    escapeHtml([r.penalty, r.fineYuan === null ? null : `${r.fineYuan.toLocaleString("zh-CN")} 元`].filter(Boolean).join(" · ") || "—"),
    r.closed ? "已结案" : "未结案",
  ]);


/** The bi-monthly period of today (China time): 2026-P6 is November–December. */
export function currentPeriod(now = new Date()): string {
  const china = new Date(now.getTime() + 8 * 3600_000);
  return `${china.getUTCFullYear()}-P${Math.floor(china.getUTCMonth() / 2) + 1}`;
}

export interface SupervisionTables {
  overdue: HTMLElement;
  supervised: HTMLElement;
  tipOffs: HTMLElement;
  enforcement: HTMLElement;
}

export function createSupervision(tables: SupervisionTables, bulletinButton: HTMLButtonElement, status: HTMLElement, region: () => string) {
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
  type Hazards = { overdueHazards: { edges: Array<{ node: HazardRow }> }; supervised: { edges: Array<{ node: HazardRow }> } };
  return {
    async load() {
      await Promise.all([
        section<Hazards>(tables.overdue, HAZARDS, (data) => {
          hazardTable(tables.overdue, data.overdueHazards.edges.map((e) => e.node));
          hazardTable(tables.supervised, data.supervised.edges.map((e) => e.node).filter((h) => h.supervised));
        }),
        section<{ tipOffs: { edges: Array<{ node: TipOffRow }> } }>(tables.tipOffs, TIP_OFFS, (data) => tipOffTable(tables.tipOffs, data.tipOffs.edges.map((e) => e.node))),
        section<{ enforcementActions: { edges: Array<{ node: EnforcementRow }> } }>(tables.enforcement, ENFORCEMENT, (data) =>
          enforcementTable(tables.enforcement, data.enforcementActions.edges.map((e) => e.node)),
        ),
      ]);
    },
  };
}
