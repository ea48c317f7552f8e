/**
 * The facts about the caller that the workflow's role rules read, worked out
 * from the principal and the stored hazard.
 */
import { hasRole, type Principal } from "../../access/index.js";
import { normaliseDivisionCode, isWithinDivision } from "../../core/division.js";
import type { HazardActor } from "../../core/hazard/index.js";
import type { Row } from "../../data/reader.js";
import { ErrorCode, HubError } from "../../errors/hub-error.js";
import type { HubContext } from "../context.js";
import { isSameAuthority } from "./authority.js";

/** Changing hazards needs a signed-in caller. */
export function signedIn(ctx: HubContext): Principal {
  if (ctx.principal.anonymous) throw new HubError(ErrorCode.UNAUTHENTICATED, "sign in (a bearer token) to change hazards");
  return ctx.principal;
}

function withinTerritory(regionCode: string, territory: string): boolean {
  return territory === "" || isWithinDivision(regionCode, territory);
}

async function territoryName(ctx: HubContext, territory: string): Promise<string | null> {
  const code = normaliseDivisionCode(territory);
  if (!code.ok) return null;
  const region = await ctx.reader.byKey("Region", code.code);
  return (region?.name as string | undefined) ?? null;
}

/**
 * The supervising authority of a hazard: a government caller whose territory
 * contains it and, once it is listed (挂牌督办), whose department and territory
 * are the listing authority; before that, for a MAJOR hazard, an EMERGENCY
 * SUPERVISOR of a territory containing it.
 */
export async function isSupervisingAuthority(ctx: HubContext, hazard: Row): Promise<boolean> {
  const p = ctx.principal;
  if (p.department === null || hasRole(p, "ENTERPRISE")) return false;
  if (!withinTerritory(hazard.regionCode as string, p.territory)) return false;
  const supervisedBy = hazard.supervisedBy as string | null;
  if (supervisedBy) {
    return isSameAuthority(supervisedBy, { department: p.department, territory: p.territory, territoryName: await territoryName(ctx, p.territory) });
  }
  if (hazard.grade === "MAJOR") return p.department === "EMERGENCY" && hasRole(p, "SUPERVISOR");
  return true;
}

export async function hazardActor(ctx: HubContext, hazard: Row | null, enterpriseCode: string): Promise<HazardActor> {
  const p = ctx.principal;
  return {
    id: p.subject,
    roles: p.roles,
    ownEnterprise: p.enterpriseCode !== null && p.enterpriseCode === enterpriseCode,
    isSupervisingAuthority: hazard ? await isSupervisingAuthority(ctx, hazard) : false,
  };
}
