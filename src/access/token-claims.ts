/**
 * Turns the verified claims of a token into a Principal. Pure: no I/O.
 * Every refusal is an AuthError saying which claim is wrong.
 */
import type { JWTPayload } from "jose";
import { creditCodeDivision, validateCreditCode } from "../core/credit-code.js";
import { parseDivisionPrefix } from "../core/division.js";
import type { ClaimNames } from "./config.js";
import { AuthError } from "./errors.js";
import { departmentFrom, isRole, type Department, type Principal, type Role } from "./principal.js";

function claimText(payload: JWTPayload, claim: string): string | null {
  const value = payload[claim];
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isInteger(value)) return String(value);
  throw new AuthError(`${claim} claim must be a string`);
}

function mapRoles(payload: JWTPayload, claim: string): Role[] {
  const value = payload[claim];
  if (value === undefined || value === null) return [];
  const items = typeof value === "string" ? value.split(/[\s,]+/) : Array.isArray(value) ? value : null;
  if (items === null) throw new AuthError(`${claim} claim must be an array or a string`);
  const roles = new Set<Role>();
  for (const item of items) {
    if (typeof item !== "string") continue;
    const role = item.trim().toUpperCase();
    if (isRole(role)) roles.add(role);
  }
  return [...roles];
}

function mapDepartment(payload: JWTPayload, claim: string): Department | null {
  const text = claimText(payload, claim);
  if (text === null) return null;
  const department = departmentFrom(text);
  if (department === null) throw new AuthError(`department claim ${JSON.stringify(text)} unknown`);
  return department;
}

function mapTerritory(payload: JWTPayload, claim: string): string | null {
  const text = claimText(payload, claim);
  if (text === null) return null;
  const parsed = parseDivisionPrefix(text);
  if (!parsed.ok) throw new AuthError(`territory claim is not a division code (${parsed.reason})`);
  return parsed.code;
}

function mapEnterprise(payload: JWTPayload, claim: string): string {
  const text = claimText(payload, claim);
  const checked = text === null ? null : validateCreditCode(text);
  if (checked === null || !checked.ok) {
    const why = checked && !checked.ok ? ` (${checked.reason})` : "";
    throw new AuthError(`enterprise role requires a valid credit code claim${why}`);
  }
  return checked.code;
}

/** The territory of an enterprise without a region claim: the division in positions 3–8 of its code. */
function enterpriseTerritory(creditCode: string): string {
  const parsed = parseDivisionPrefix(creditCodeDivision(creditCode));
  if (!parsed.ok) throw new AuthError(`credit code carries no valid division code (${parsed.reason})`);
  return parsed.code;
}

/** Maps verified claims (signature, iss, aud, exp, nbf already checked) into a Principal. */
export function principalFromClaims(payload: JWTPayload, claims: ClaimNames, issuer: string): Principal {
  const subject = claimText(payload, claims.subject);
  if (subject === null) throw new AuthError(`subject claim ${claims.subject} is missing`);
  const roles = mapRoles(payload, claims.roles);
  const department = mapDepartment(payload, claims.department);
  let territory = mapTerritory(payload, claims.territory);
  let enterpriseCode: string | null = null;

  if (roles.includes("ENTERPRISE")) {
    if (roles.length > 1 || department !== null) {
      throw new AuthError("enterprise role cannot be combined with other roles or a department");
    }
    enterpriseCode = mapEnterprise(payload, claims.enterprise);
    territory ??= enterpriseTerritory(enterpriseCode);
  } else if (territory === null) {
    if (!roles.includes("ADMIN")) throw new AuthError(`territory claim ${claims.territory} is missing`);
    territory = "";
  }

  const principal: Principal = {
    subject,
    department,
    roles,
    territory,
    enterpriseCode,
    anonymous: false,
    issuer,
    expiresAt: typeof payload.exp === "number" ? new Date(payload.exp * 1000) : null,
  };
  if (typeof payload.jti === "string") principal.tokenId = payload.jti;
  return principal;
}
