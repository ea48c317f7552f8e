/**
 * Who may take which action on a hazard. Each action lists the roles that may
 * take it and, per role, any condition; an actor with several roles may act
 * when any one of them allows it. ANALYST is listed nowhere: it is read-only.
 * Pure: no I/O.
 */
import { forbidden, type HazardError } from "./result.js";
import type { ActorRole, HazardAction, HazardActor, HazardGrade, HazardState } from "./types.js";

export interface PermissionContext {
  action: HazardAction;
  grade: HazardGrade;
  /** null while the hazard is being reported. */
  state: HazardState | null;
  actor: HazardActor;
}

interface Condition {
  test: (c: PermissionContext) => boolean;
  denial: (c: PermissionContext) => string;
}

interface PermissionRule {
  /** The action applies to hazards of this grade only, whoever acts. */
  grade?: HazardGrade;
  roles: Partial<Record<ActorRole, true | Condition>>;
}

const ownEnterprise: Condition = {
  test: (c) => c.actor.ownEnterprise,
  denial: () => "an enterprise may act only on its own hazards",
};

/** A MAJOR hazard is decided only by its supervising authority. */
const authorityIfMajor: Condition = {
  test: (c) => c.grade === "GENERAL" || c.actor.isSupervisingAuthority,
  denial: (c) => `only the supervising authority may ${c.action} a MAJOR hazard`,
};

const generalOnly: Condition = {
  test: (c) => c.grade === "GENERAL",
  denial: (c) => `only the supervising authority may ${c.action} a MAJOR hazard`,
};

/** 自查自改自报: the enterprise closes its own GENERAL hazards. */
const ownGeneral: Condition = {
  test: (c) => c.actor.ownEnterprise && c.grade === "GENERAL",
  denial: (c) =>
    c.actor.ownEnterprise
      ? `only the supervising authority may ${c.action} a MAJOR hazard`
      : ownEnterprise.denial(c),
};

/** The listing authority re-lists; a higher authority may take the listing over. */
const authorityOrAbove: Condition = {
  test: (c) => c.actor.isSupervisingAuthority || c.actor.isAboveListing === true,
  denial: (c) => `only the supervising authority, or one above it, may ${c.action} this hazard`,
};

const ownGeneralStillReported: Condition = {
  test: (c) => c.actor.ownEnterprise && c.grade === "GENERAL" && c.state === "REPORTED",
  denial: (c) =>
    c.actor.ownEnterprise
      ? "an enterprise may cancel only its own GENERAL hazard that is still REPORTED"
      : ownEnterprise.denial(c),
};

const CLOSING: PermissionRule["roles"] = {
  ADMIN: true,
  SUPERVISOR: authorityIfMajor,
  INSPECTOR: generalOnly,
  ENTERPRISE: ownGeneral,
};

const RECTIFYING_WORK: PermissionRule["roles"] = {
  ADMIN: true,
  SUPERVISOR: true,
  INSPECTOR: true,
  ENTERPRISE: ownEnterprise,
};

export const HAZARD_PERMISSIONS: Readonly<Record<HazardAction, PermissionRule>> = {
  REPORT: { roles: { ADMIN: true, SUPERVISOR: true, INSPECTOR: true, SERVICE: true, ENTERPRISE: ownEnterprise } },
  PLAN: { roles: RECTIFYING_WORK },
  SUBMIT: { roles: RECTIFYING_WORK },
  ACCEPT: { roles: CLOSING },
  REJECT: { roles: CLOSING },
  SUPERVISE: { grade: "MAJOR", roles: { ADMIN: true, SUPERVISOR: authorityOrAbove } },
  CANCEL: { roles: { ADMIN: true, SUPERVISOR: authorityIfMajor, ENTERPRISE: ownGeneralStillReported } },
  FIX_ON_SPOT: { grade: "GENERAL", roles: CLOSING },
};

/** null when the actor may take the action; otherwise a FORBIDDEN error saying why not. */
export function checkHazardPermission(c: PermissionContext): HazardError | null {
  const rule = HAZARD_PERMISSIONS[c.action];
  if (rule.grade && rule.grade !== c.grade) {
    return forbidden(`${c.action} applies only to ${rule.grade} hazards`);
  }
  const denials: string[] = [];
  for (const role of c.actor.roles) {
    const grant = rule.roles[role];
    if (grant === undefined) continue;
    if (grant === true || grant.test(c)) return null;
    denials.push(grant.denial(c));
  }
  if (denials.length > 0) return forbidden(denials[0]!);
  if (c.actor.roles.length > 0 && c.actor.roles.every((r) => r === "ANALYST")) {
    return forbidden("ANALYST is read-only");
  }
  const who = c.actor.roles.length > 0 ? c.actor.roles.join("/") : "an actor without a role";
  return forbidden(`${who} may not ${c.action} a hazard`);
}
