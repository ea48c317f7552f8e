/**
 * Supervising authorities (挂牌督办单位). The hub writes an authority as
 * `DEPARTMENT@division`, e.g. `EMERGENCY@410200` for 开封市应急管理局: stable,
 * and comparable with a principal's department and territory. Records synced
 * from department systems name it in Chinese ("开封市应急管理局"); such a name
 * matches when it ends with the territory's name followed by the department's.
 */
import { DEPARTMENTS, isDepartment, type Department } from "../../access/index.js";
import { normaliseDivisionCode } from "../../core/division.js";

const STABLE = /^([A-Za-z_]+)@(\d+)$/;

export interface AuthorityHolder {
  department: Department | null;
  /** Significant division prefix ("4102"); "" for none. */
  territory: string;
  /** Name of the territory ("开封市"), for matching authorities named in Chinese. */
  territoryName?: string | null;
}

/** `EMERGENCY@410200` for a department and a territory prefix; null without both. */
export function authorityOf(department: Department | null, territory: string): string | null {
  if (department === null || territory === "") return null;
  const code = normaliseDivisionCode(territory);
  return code.ok ? `${department}@${code.code}` : null;
}

export type ParsedAuthority = { ok: true; authority: string } | { ok: false; reason: string };

/** Normalises an authority given by a client: `emergency@4102` → `EMERGENCY@410200`; other text is kept as written. */
export function parseAuthority(text: string): ParsedAuthority {
  const trimmed = text.trim();
  const m = STABLE.exec(trimmed);
  if (!m) return { ok: true, authority: trimmed };
  const department = m[1]!.toUpperCase();
  if (!isDepartment(department)) return { ok: false, reason: `unknown department ${m[1]}` };
  const code = normaliseDivisionCode(m[2]!);
  if (!code.ok) return { ok: false, reason: `${m[2]} is not a division code: ${code.reason}` };
  return { ok: true, authority: `${department}@${code.code}` };
}

/** True when `supervisedBy` names the holder's own department and territory. */
export function isSameAuthority(supervisedBy: string, holder: AuthorityHolder): boolean {
  if (holder.department === null || holder.territory === "") return false;
  const parsed = parseAuthority(supervisedBy);
  if (!parsed.ok) return false;
  if (STABLE.test(parsed.authority)) return parsed.authority === authorityOf(holder.department, holder.territory);
  const departmentName = DEPARTMENTS.find((d) => d.code === holder.department)!.nameZh;
  return !!holder.territoryName && parsed.authority.endsWith(`${holder.territoryName}${departmentName}`);
}
