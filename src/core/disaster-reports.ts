/**
 * When a county's disaster reports are due (《自然灾害情况统计调查制度》): the
 * 初报 within 2 hours of the disaster, the 核报 within 5 days after it ends;
 * whether a report came on time; and whether the people needing aid had it
 * within 10 hours (「受灾人员基本生活得到有效救助的时间 <10小时」). Pure.
 */

export type ReportStage = "INITIAL" | "UPDATE" | "FINAL";

/** Hours after the disaster a county's 初报 is due. */
export const INITIAL_REPORT_HOURS = 2;
/** Days after the disaster ends a county's 核报 is due. */
export const FINAL_REPORT_DAYS = 5;
/** Hours within which the people needing aid are to have it. */
export const AID_HOURS = 10;

const HOUR_MS = 3_600_000;

export interface DisasterProcess {
  occurredAt: Date;
  endedAt: Date | null;
}

export interface ReportSent {
  stage: ReportStage;
  sentAt: Date;
  needingAid: number | null;
  aidDeliveredAt: Date | null;
}

export function initialReportDueAt(event: DisasterProcess): Date {
  return new Date(event.occurredAt.getTime() + INITIAL_REPORT_HOURS * HOUR_MS);
}

/** The 核报's due time, once the process has ended. */
export function finalReportDueAt(event: DisasterProcess): Date | null {
  return event.endedAt ? new Date(event.endedAt.getTime() + FINAL_REPORT_DAYS * 24 * HOUR_MS) : null;
}

/** The stage's due time, or null (a 续报 has none of its own). */
export function dueAt(event: DisasterProcess, stage: ReportStage): Date | null {
  return stage === "INITIAL" ? initialReportDueAt(event) : stage === "FINAL" ? finalReportDueAt(event) : null;
}

/** A report sent by its due time (a 续报 always is). */
export function onTime(event: DisasterProcess, report: Pick<ReportSent, "stage" | "sentAt">): boolean {
  const due = dueAt(event, report.stage);
  return due === null || report.sentAt.getTime() <= due.getTime();
}

/** The reports overdue at `now`: the 初报 or the 核报 past its due time with none sent. */
export function overdueStages(event: DisasterProcess, reports: ReadonlyArray<Pick<ReportSent, "stage">>, now: Date): ReportStage[] {
  const sent = new Set(reports.map((r) => r.stage));
  return (["INITIAL", "FINAL"] as const).filter((stage) => {
    const due = dueAt(event, stage);
    return due !== null && !sent.has(stage) && now.getTime() > due.getTime();
  });
}

/**
 * Hours from the disaster to the aid of those needing it, from the latest
 * report that says when it came; null when no report says, or nobody needed aid.
 */
export function hoursToAid(event: DisasterProcess, reports: readonly ReportSent[]): number | null {
  const latest = [...reports].sort((a, b) => b.sentAt.getTime() - a.sentAt.getTime()).find((r) => r.needingAid !== null);
  if (!latest || latest.needingAid === 0 || latest.aidDeliveredAt === null) return null;
  return (latest.aidDeliveredAt.getTime() - event.occurredAt.getTime()) / HOUR_MS;
}
