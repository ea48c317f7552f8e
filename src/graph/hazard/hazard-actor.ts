/**
 * The facts about the caller that the workflow's role rules read, worked out
 * from the principal and the stored hazard.
 */
import { hasRole, type Principal } from "../../access/index.js";
import { isWithinDivision } from "../../core/division.js";
import type { HazardActor } from "../../core/hazard/index.js";
import type { Row } from "../../data/reader.js";
import { ErrorCode, HubError } from "../../errors/hub-error.js";
import type { HubContext } from "../context.js";
import { actsForListing, isAboveListing } from "./authority.js";

/** Changing hazards needs a signed-in caller. */
export function signedIn(ctx: HubContext): Principal {
  if (ctx.principal.anonymous) throw new HubError(ErrorCode.UNAUTHENTICATED, "sign in (a bearer token) to change hazards");
  return ctx.principal;
}

/** A government caller whose territory contains the hazard. */
function governs(p: Principal, hazard: Row): boolean {
  const territory = p.territory;
  return p.department !== null && !hasRole(p, "ENTERPRISE") && (territory === "" || isWithinDivision(hazard.regionCode as string, territory));
}

/**
 * The supervising authority of a hazard: a government caller whose territory
 * contains it and, once it is listed (挂牌督办), who acts for the listing
 * authority; before that, for a MAJOR hazard, an EMERGENCY SUPERVISOR of a
 * territory containing it.
 */
export function isSupervisingAuthority(ctx: HubContext, hazard: Row): boolean {
  const p = ctx.principal;
  if (!governs(p, hazard)) return false;
  if (hazard.supervisedBy) return actsForListing(p, hazard);
  if (hazard.grade === "MAJOR") return p.department === "EMERGENCY" && hasRole(p, "SUPERVISOR");
  return true;
}

export function hazardActor(ctx: HubContext, hazard: Row | null, enterpriseCode: string): HazardActor {
  const p = ctx.principal;
  return {
    id: p.subject,
    roles: p.roles,
    ownEnterprise: p.enterpriseCode !== null && p.enterpriseCode === enterpriseCode,
    isSupervisingAuthority: hazard ? isSupervisingAuthority(ctx, hazard) : false,
    isAboveListing: hazard !== null && governs(p, hazard) && isAboveListing(p, hazard),
  };
}
