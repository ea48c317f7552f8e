/**
 * Input checks for each hazard command. The first failing field is reported.
 * Pure: no I/O.
 */
import type {
  FixOnSpotCommand,
  HazardCommand,
  PlanCommand,
  ReportCommand,
  SuperviseCommand,
} from "./commands.js";
import { isCalendarDate } from "./cst-date.js";
import { badInput, type HazardError } from "./result.js";
import { HAZARD_GRADES, type HazardGrade } from "./types.js";

/** A reporting system's clock may run a little ahead of ours. */
const FOUND_AT_CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface ValidationContext {
  grade: HazardGrade;
  /** Calendar day (+08:00) the hazard was found; null while it is being reported. */
  reportDate: string | null;
  now: Date;
}

/** The trimmed text, or null when missing or blank. */
export function trimmedText(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const t = value.trim();
  return t === "" ? null : t;
}

function required(field: string, value: unknown, label: string): HazardError | null {
  return trimmedText(value) === null ? badInput(field, `${label} is required`) : null;
}

function evidence(value: unknown): HazardError | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || value.some((e) => trimmedText(e) === null)) {
    return badInput("evidence", "evidence must be a list of non-empty references");
  }
  return null;
}

function funds(value: unknown): HazardError | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    return badInput("funds", "funds must be a non-negative amount");
  }
  return null;
}

function dayNotBeforeReport(field: string, value: unknown, reportDate: string | null): HazardError | null {
  if (!isCalendarDate(value)) return badInput(field, `${field} must be a calendar date YYYY-MM-DD`);
  if (reportDate !== null && value < reportDate) {
    return badInput(field, `${field} ${value} is before the report date ${reportDate}`);
  }
  return null;
}

function opinionGiven(value: unknown): HazardError | null {
  return typeof value === "string" ? null : badInput("opinion", "an acceptance opinion is required");
}

function firstError(...checks: Array<() => HazardError | null>): HazardError | null {
  for (const check of checks) {
    const error = check();
    if (error) return error;
  }
  return null;
}

function validateReport(c: ReportCommand, ctx: ValidationContext): HazardError | null {
  return firstError(
    () => (HAZARD_GRADES.includes(c.grade) ? null : badInput("grade", "grade must be GENERAL or MAJOR")),
    () => required("description", c.description, "description"),
    () => {
      if (!(c.foundAt instanceof Date) || Number.isNaN(c.foundAt.getTime())) {
        return badInput("foundAt", "foundAt must be a valid instant");
      }
      if (c.foundAt.getTime() > ctx.now.getTime() + FOUND_AT_CLOCK_SKEW_MS) {
        return badInput("foundAt", "foundAt is in the future");
      }
      return null;
    },
    () => evidence(c.evidence),
  );
}

function validatePlan(c: PlanCommand, ctx: ValidationContext): HazardError | null {
  return firstError(
    () => required("measures", c.measures, "measures"),
    () => funds(c.funds),
    () => required("responsiblePerson", c.responsiblePerson, "responsible person"),
    () => dayNotBeforeReport("deadline", c.deadline, ctx.reportDate),
    () => (ctx.grade === "MAJOR" ? required("goal", c.goal, "for a MAJOR hazard the goal") : null),
    () =>
      ctx.grade === "MAJOR"
        ? required("safetyMeasures", c.safetyMeasures, "for a MAJOR hazard the safety measures")
        : null,
  );
}

function validateSupervise(c: SuperviseCommand, ctx: ValidationContext): HazardError | null {
  return firstError(
    () => required("authority", c.authority, "supervising authority"),
    () => (c.authorityProblem ? badInput("authority", c.authorityProblem) : null),
    () => dayNotBeforeReport("deadline", c.deadline, ctx.reportDate),
  );
}

function validateFixOnSpot(c: FixOnSpotCommand): HazardError | null {
  return firstError(
    () => required("measures", c.measures, "measures"),
    () => funds(c.funds),
    () => required("responsiblePerson", c.responsiblePerson, "responsible person"),
    () => evidence(c.evidence),
    () => opinionGiven(c.opinion),
  );
}

/** null when the command's input is acceptable. */
export function validateHazardCommand(c: HazardCommand, ctx: ValidationContext): HazardError | null {
  switch (c.action) {
    case "REPORT":
      return validateReport(c, ctx);
    case "PLAN":
      return validatePlan(c, ctx);
    case "SUBMIT":
      return evidence(c.evidence);
    case "ACCEPT":
      return opinionGiven(c.opinion);
    case "REJECT":
      return firstError(
        () => required("opinion", c.opinion, "a rejection opinion"),
        () => evidence(c.evidence),
      );
    case "SUPERVISE":
      return validateSupervise(c, ctx);
    case "CANCEL":
      return required("reason", c.reason, "a cancellation reason");
    case "FIX_ON_SPOT":
      return validateFixOnSpot(c);
  }
}

