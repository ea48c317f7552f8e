/**
 * Vocabulary of the hazard closed loop (排查→登记→整改→验收→销号): states,
 * grades, actions, actor roles, and the slice of a hazard the rules read.
 * Pure: no I/O.
 */
export const HAZARD_STATES = ["REPORTED", "RECTIFYING", "PENDING_ACCEPTANCE", "CLOSED", "CANCELLED"] as const;
export type HazardState = (typeof HAZARD_STATES)[number];

/** States in which the loop is finished: nothing is open, nothing can be overdue. */
export const TERMINAL_STATES: readonly HazardState[] = ["CLOSED", "CANCELLED"];

export function isOpenState(state: HazardState): boolean {
  return !TERMINAL_STATES.includes(state);
}

/** States in which a hazard is open: reported, being rectified or awaiting acceptance. */
export const OPEN_STATES: readonly HazardState[] = HAZARD_STATES.filter(isOpenState);

/** 一般事故隐患 / 重大事故隐患. */
export const HAZARD_GRADES = ["GENERAL", "MAJOR"] as const;
export type HazardGrade = (typeof HAZARD_GRADES)[number];

export const HAZARD_ACTIONS = [
  "REPORT",
  "PLAN",
  "SUBMIT",
  "ACCEPT",
  "REJECT",
  "SUPERVISE",
  "CANCEL",
  "FIX_ON_SPOT",
] as const;
export type HazardAction = (typeof HAZARD_ACTIONS)[number];

export const ACTOR_ROLES = ["ADMIN", "SUPERVISOR", "INSPECTOR", "ANALYST", "ENTERPRISE", "SERVICE"] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

/**
 * Who acts, with the facts about them the caller has already worked out.
 * `ownEnterprise`: the actor is the enterprise the hazard belongs to.
 * `isSupervisingAuthority`: the actor's department/territory supervises this hazard.
 * `isAboveListing`: the actor acts for a higher authority than the one the
 * hazard is listed under, so it may take the listing over (挂牌督办 escalated).
 */
export interface HazardActor {
  id: string;
  roles: readonly ActorRole[];
  ownEnterprise: boolean;
  isSupervisingAuthority: boolean;
  isAboveListing?: boolean;
}

/** The fields of a stored hazard the decision reads; a full row fits. */
export interface HazardSnapshot {
  state: HazardState;
  grade: HazardGrade;
  version: number;
  foundAt: Date;
  /** The authority the hazard is listed under (挂牌督办), if any. */
  supervisedBy?: string | null;
}
