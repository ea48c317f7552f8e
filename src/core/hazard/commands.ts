/**
 * What a caller asks to do to a hazard. Every command except REPORT names the
 * version the client last saw (optimistic concurrency).
 * Pure: no I/O.
 */
import type { HazardGrade } from "./types.js";

export interface ReportCommand {
  action: "REPORT";
  grade: HazardGrade;
  description: string;
  foundAt: Date;
  category?: string | null;
  discoverySource?: string | null;
  /** Defaults to the actor's id. */
  foundBy?: string | null;
  note?: string | null;
  evidence?: readonly string[] | null;
}

export interface PlanCommand {
  action: "PLAN";
  expectedVersion: number;
  measures: string;
  funds?: number | null;
  responsiblePerson: string;
  /** Calendar date "YYYY-MM-DD" in China Standard Time. */
  deadline: string;
  /** Required for a MAJOR hazard. */
  goal?: string | null;
  /** Required for a MAJOR hazard. */
  safetyMeasures?: string | null;
  note?: string | null;
}

export interface SubmitCommand {
  action: "SUBMIT";
  expectedVersion: number;
  note?: string | null;
  evidence?: readonly string[] | null;
}

export interface AcceptCommand {
  action: "ACCEPT";
  expectedVersion: number;
  /** Must be given; may be blank (stored as null). */
  opinion: string;
}

export interface RejectCommand {
  action: "REJECT";
  expectedVersion: number;
  /** Must be non-blank: the enterprise needs to know what to fix. */
  opinion: string;
  evidence?: readonly string[] | null;
}

export interface SuperviseCommand {
  action: "SUPERVISE";
  expectedVersion: number;
  /** The supervising authority (挂牌督办单位), as its code (EMERGENCY@410200). */
  authority: string;
  /**
   * Why that authority may not list this hazard (not in the reference list,
   * not covering the hazard, not regulating its sector), as worked out by the
   * caller, which holds the list and the catalogue; null when it may.
   */
  authorityProblem?: string | null;
  /** Calendar date "YYYY-MM-DD" in China Standard Time. */
  deadline: string;
  note?: string | null;
}

export interface CancelCommand {
  action: "CANCEL";
  expectedVersion: number;
  reason: string;
}

/** 即查即改: a GENERAL hazard planned, fixed and accepted in one go. */
export interface FixOnSpotCommand {
  action: "FIX_ON_SPOT";
  expectedVersion: number;
  measures: string;
  responsiblePerson: string;
  funds?: number | null;
  note?: string | null;
  evidence?: readonly string[] | null;
  /** Acceptance opinion, as for ACCEPT: must be given, may be blank. */
  opinion: string;
}

export type HazardCommand =
  | ReportCommand
  | PlanCommand
  | SubmitCommand
  | AcceptCommand
  | RejectCommand
  | SuperviseCommand
  | CancelCommand
  | FixOnSpotCommand;
