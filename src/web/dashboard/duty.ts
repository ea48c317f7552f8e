/**
 * The duty view (值班): who leads and who is on duty now at the bureaus of the
 * territory, with their phones, and the disaster processes whose reports are
 * overdue (初报 2 hours after the disaster, 核报 5 days after its end).
 */
import { escapeHtml } from "./colours.js";
import { fill, section } from "./tables.js";

interface ShiftRow {
  unit: string;
  role: "LEADER" | "OFFICER";
  name: string | null;
  phone: string | null;
  endsAt: string;
}

interface ProcessRow {
  name: string;
  regionCode: string;
  occurredAt: string;
  overdue: Array<"INITIAL" | "FINAL">;
  initialReportDueAt: string;
  finalReportDueAt: string | null;
}

const ROLE: Record<ShiftRow["role"], string> = { LEADER: "带班领导", OFFICER: "值班员" };
const OVERDUE: Record<ProcessRow["overdue"][number], string> = { INITIAL: "初报逾期", FINAL: "核报逾期" };
const time = (value: string) => escapeHtml(new Date(value).toLocaleString("zh-CN", { hour12: false }));

export interface DutyTables {
  onDuty: HTMLElement;
  overdueReports: HTMLElement;
}

export function createDuty(tables: DutyTables) {
  return {
    async load() {
      const now = new Date().toISOString();
      await Promise.all([
        section<{ dutyShifts: { edges: Array<{ node: ShiftRow }> } }>(tables.onDuty, `query Duty { dutyShifts(first: 100, filter: { onDutyAt: "${now}" }) { edges { node { unit role name phone endsAt } } } }`, (data) =>
          fill(tables.onDuty, ["单位", "岗位", "姓名", "电话", "至"], data.dutyShifts.edges.map((e) => e.node), (s) => [
            escapeHtml(s.unit),
            ROLE[s.role],
            escapeHtml(s.name ?? "—"),
            escapeHtml(s.phone ?? "—"),
            time(s.endsAt),
          ]),
        ),
        section<{ disasterEvents: { edges: Array<{ node: ProcessRow }> } }>(
          tables.overdueReports,
          "query DutyReports { disasterEvents(first: 100) { edges { node { name regionCode occurredAt overdue initialReportDueAt finalReportDueAt } } } }",
          (data) =>
            fill(tables.overdueReports, ["灾害过程", "发生", "逾期", "应报时间"], data.disasterEvents.edges.map((e) => e.node).filter((p) => p.overdue.length > 0), (p) => [
              escapeHtml(p.name),
              time(p.occurredAt),
              p.overdue.map((stage) => OVERDUE[stage]).join("、"),
              p.overdue.map((stage) => time(stage === "INITIAL" ? p.initialReportDueAt : p.finalReportDueAt!)).join("、"),
            ]),
        ),
      ]);
    },
  };
}
