/**
 * Who may issue which warnings (预警发布): each department issues the event
 * types of its own standard, each in the colours that standard gives it —
 * 气象 the signals of 中国气象局令第16号, 水利 洪水 and 枯水 (SL 758) and
 * 干旱, 自然资源 地质灾害气象风险, 应急 综合 and 安全生产. The rules come from
 * the sharing catalogue (`warningIssuers`). Pure: no I/O.
 */
import type { WarningLevel } from "./warning-level.js";

export interface IssuerRule {
  /** The standard or rule the types and colours come from. */
  standard: string;
  /** Event type → the colours it may take. */
  types: Readonly<Record<string, readonly WarningLevel[]>>;
}

/** By department code. */
export type IssuerRules = Readonly<Record<string, IssuerRule>>;

const COLOUR_ZH: Record<WarningLevel, string> = { BLUE: "蓝色", YELLOW: "黄色", ORANGE: "橙色", RED: "红色" };

/** Why `department` may not issue a `type` warning of `level`, or null when it may. */
export function issuingRefusal(rules: IssuerRules, department: string, type: string, level: WarningLevel): string | null {
  const rule = rules[department];
  if (!rule) return `FORBIDDEN: ${department} issues no warnings (the catalogue's warningIssuers)`;
  const colours = rule.types[type];
  if (!colours) return `FORBIDDEN: ${department} issues ${Object.keys(rule.types).join("、")} warnings (${rule.standard}), not ${type}`;
  if (!colours.includes(level)) return `${type} has no ${level} (${COLOUR_ZH[level]}) warning: ${colours.map((c) => COLOUR_ZH[c]).join("、")} only (${rule.standard})`;
  return null;
}
