/**
 * Who is asking: the principal every access decision is made for.
 * Built from a verified token (token-claims.ts) or ANONYMOUS when there is none.
 */
export const DEPARTMENTS = [
  { code: "EMERGENCY", nameZh: "应急管理局" },
  { code: "WATER", nameZh: "水利局" },
  { code: "METEOROLOGY", nameZh: "气象局" },
  { code: "NATURAL_RESOURCES", nameZh: "自然资源局" },
  { code: "TRANSPORT", nameZh: "交通运输局" },
  { code: "PUBLIC_SECURITY", nameZh: "公安局" },
  { code: "HOUSING", nameZh: "住房和城乡建设局" },
  { code: "FIRE_RESCUE", nameZh: "消防救援支队" },
] as const;

export type Department =
  | "EMERGENCY"
  | "WATER"
  | "METEOROLOGY"
  | "NATURAL_RESOURCES"
  | "TRANSPORT"
  | "PUBLIC_SECURITY"
  | "HOUSING"
  | "FIRE_RESCUE";

export const DEPARTMENT_CODES: readonly Department[] = DEPARTMENTS.map((d) => d.code);

export const ROLES = ["ADMIN", "SUPERVISOR", "INSPECTOR", "ANALYST", "ENTERPRISE", "SERVICE"] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_NAMES_ZH: Readonly<Record<Role, string>> = {
  ADMIN: "系统管理员",
  SUPERVISOR: "监管人员",
  INSPECTOR: "执法检查人员",
  ANALYST: "分析人员",
  ENTERPRISE: "生产经营单位",
  SERVICE: "部门业务系统",
};

export interface Principal {
  /** Stable id of the user or system (the token's subject). */
  subject: string;
  /** The government department the principal acts for; null for enterprises and anonymous callers. */
  department: Department | null;
  /** Known roles only; unknown roles in a token are dropped. */
  roles: Role[];
  /**
   * Significant division prefix of the principal's territory ("41" Henan, "4102" Kaifeng,
   * "410106" Shangjie). "" means no territorial limit: anonymous callers (who only ever
   * see PUBLIC data) and ADMIN principals issued without a region claim.
   */
  territory: string;
  /** The enterprise's unified social credit code; set only for ENTERPRISE principals. */
  enterpriseCode: string | null;
  anonymous: boolean;
  /** The `iss` of the token that authenticated the principal. */
  issuer: string | null;
  expiresAt: Date | null;
  /** The token's `jti`, when it has one. */
  tokenId?: string;
}

export const ANONYMOUS: Readonly<Principal> = Object.freeze({
  subject: "anonymous",
  department: null,
  roles: Object.freeze([]) as unknown as Role[],
  territory: "",
  enterpriseCode: null,
  anonymous: true,
  issuer: null,
  expiresAt: null,
});

/** True when the principal holds at least one of `roles`. */
export function hasRole(principal: Principal, ...roles: Role[]): boolean {
  return roles.some((role) => principal.roles.includes(role));
}

export function isDepartment(value: string): value is Department {
  return (DEPARTMENT_CODES as readonly string[]).includes(value);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Resolves a department given by code (any case) or by its Chinese name. */
export function departmentFrom(value: string): Department | null {
  const text = value.trim();
  const upper = text.toUpperCase();
  if (isDepartment(upper)) return upper;
  return DEPARTMENTS.find((d) => d.nameZh === text)?.code ?? null;
}
