/**
 * Supervising authorities for the workflow: whom a hazard's listing (挂牌督办)
 * names, whether the caller acts for it or above it, and whether an authority
 * a client names may list a hazard. The reference list is src/core/authority.ts;
 * whether an authority "may see" a hazard is the sharing catalogue's answer for
 * its department and territory, so the sector axis (条) applies to listings too.
 */
import { rowScope, type Catalog, type Principal } from "../../access/index.js";
import { actsFor, authorityOf, isAbove, resolveAuthority, type Authority } from "../../core/authority.js";
import { divisionPrefix, isWithinDivision } from "../../core/division.js";
import type { Row } from "../../data/reader.js";

/** The authority a hazard is listed under, or null (not listed, or named as no authority of the list). */
export function listingOf(hazard: Row): Authority | null {
  const supervisedBy = hazard.supervisedBy as string | null;
  return supervisedBy ? resolveAuthority(supervisedBy) : null;
}

/** True when the caller's department and territory act for the hazard's listing authority. */
export function actsForListing(principal: Principal, hazard: Row): boolean {
  const listing = listingOf(hazard);
  return listing !== null && actsFor(listing, principal.department, principal.territory);
}

/**
 * True when the caller may take the listing over: it acts for the same
 * department (or the emergency bureau) in a territory above the listing's;
 * a listing that names no authority of the list may be taken over by the
 * emergency bureau of any territory containing the hazard.
 */
export function isAboveListing(principal: Principal, hazard: Row): boolean {
  if (!hazard.supervisedBy || principal.territory === "") return false;
  const listing = listingOf(hazard);
  if (listing === null) return principal.department === "EMERGENCY";
  return (principal.department === listing.department || principal.department === "EMERGENCY") && isAbove(principal.territory, listing);
}

/** Whether officials of the authority could read the hazard under the catalogue (territory and sector). */
function authoritySees(catalog: Catalog, authority: Authority, hazard: Row): boolean {
  const official: Principal = {
    subject: authority.code,
    department: authority.department as Principal["department"],
    roles: ["SUPERVISOR"],
    territory: divisionPrefix(authority.division),
    enterpriseCode: null,
    anonymous: false,
    issuer: null,
    expiresAt: null,
  };
  const scope = rowScope(catalog, official, "Hazard");
  return !scope.deny && (scope.sectors === null || scope.sectors.includes(hazard.sector as string));
}

export interface NamedAuthority {
  /** The code to store, or the text as given when it names no authority. */
  code: string;
  /** Why it may not list the hazard; null when it may. */
  problem: string | null;
}

/** The authority a listing names (the caller's own when none is given), checked against the hazard. */
export function namedAuthority(catalog: Catalog, principal: Principal, given: string | null | undefined, hazard: Row): NamedAuthority {
  const text = given?.trim() ?? "";
  const authority = text === "" ? authorityOf(principal.department, principal.territory) : resolveAuthority(text);
  if (authority === null) {
    const problem = text === ""
      ? "name the supervising authority: you act for none of the reference list"
      : `'${text}' is no supervising authority of the reference list (query authorities for their codes and names, e.g. EMERGENCY@410200 or 开封市应急管理局)`;
    return { code: text, problem };
  }
  const region = hazard.regionCode as string;
  if (!isWithinDivision(region, authority.division)) {
    return { code: authority.code, problem: `${authority.name} (${authority.code}) does not cover the hazard's division ${region}` };
  }
  if (!authoritySees(catalog, authority, hazard)) {
    return { code: authority.code, problem: `${authority.name} (${authority.code}) does not supervise the hazard's sector ${String(hazard.sector)}` };
  }
  return { code: authority.code, problem: null };
}
