/**
 * The plans and their targets (schema/indicator-targets.yaml), validated at
 * start, and resolved for a division: the target of the most specific plan
 * that binds it (a plan binds its territory and what lies under it), never a
 * plan of another territory.
 */
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { z } from "zod";
import { divisionPrefix } from "../core/division.js";
import { INDICATOR_IDS, type Citation, type DivisionLevel, type IndicatorId, type IndicatorTarget } from "../core/indicators.js";
import { SCHEMA_DIR } from "./paths.js";

export const INDICATOR_TARGETS_FILE = path.join(SCHEMA_DIR, "indicator-targets.yaml");

const Division = z.string().regex(/^\d{6}$/, "must be a 6-digit division code");
const Words = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).transform((w) => (typeof w === "string" ? [w] : w));
const Headcounts = z.partialRecord(z.enum(["CITY", "COUNTY", "TOWNSHIP", "VILLAGE"]), z.number().int().positive());
const Target = z
  .object({
    plan: z.string().min(1),
    /** The figure must reach this … */
    atLeast: z.number().optional(),
    /** … or stay at or below this (a time that must not be exceeded). */
    atMost: z.number().optional(),
    article: z.string().min(1),
    words: Words,
    minimumHeadcount: Headcounts.optional(),
    sectors: z.array(z.string().min(1)).optional(),
    /** Another line of the same plan that says otherwise (for one level of division, when given). */
    conflict: z.object({ article: z.string().min(1), words: Words, note: z.string().min(1), level: z.enum(["CITY", "COUNTY", "TOWNSHIP", "VILLAGE"]).optional() }).strict().optional(),
  })
  .strict()
  .refine((t) => (t.atLeast === undefined) !== (t.atMost === undefined), "a target gives atLeast or atMost, one of them");
const Indicator = z.object({ name: z.string().min(1), unit: z.string().min(1), method: z.string().min(1), targets: z.array(Target) }).strict();
const File = z
  .object({
    version: z.literal(2),
    plans: z.record(z.string().min(1), z.object({ title: z.string().min(1), binds: Division, text: z.string().min(1) }).strict()),
    /** Every indicator, each once (a missing one is an error). */
    indicators: z.record(z.enum(INDICATOR_IDS), Indicator),
    statements: z
      .array(z.object({ indicator: z.enum(INDICATOR_IDS), region: z.string().regex(/^\d{6}(\d{6})?$/), plan: z.string().min(1), value: z.number(), article: z.string().min(1), words: Words }).strict())
      .default([]),
    highRiskSectors: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)),
    suddenWeatherTypes: z.array(z.string().min(1)).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    const known = (plan: string, at: Array<string | number>) => {
      if (!file.plans[plan]) ctx.addIssue({ code: "custom", path: at, message: `plan "${plan}" is not among plans` });
    };
    for (const [id, indicator] of Object.entries(file.indicators))
      indicator.targets.forEach((target, i) => {
        known(target.plan, ["indicators", id, "targets", i, "plan"]);
        for (const sector of target.sectors ?? [])
          if (!file.highRiskSectors[sector]) ctx.addIssue({ code: "custom", path: ["indicators", id, "targets", i, "sectors"], message: `"${sector}" is not in highRiskSectors` });
      });
    file.statements.forEach((statement, i) => known(statement.plan, ["statements", i, "plan"]));
  });

const LEVEL_NAMES: Record<DivisionLevel, string> = { PROVINCE: "省级", CITY: "市级", COUNTY: "县（区）级", TOWNSHIP: "乡镇（街道）级", VILLAGE: "村（社区）级" };

export type IndicatorTargetsFile = z.output<typeof File>;

export interface IndicatorTargets {
  /** The targets that bind a division of `level`. */
  forRegion(code: string, level: DivisionLevel): Record<IndicatorId, IndicatorTarget>;
  /** The plans, their texts and what they bind (for checking quotations). */
  readonly file: IndicatorTargetsFile;
}

export function loadIndicatorTargets(file = INDICATOR_TARGETS_FILE): IndicatorTargets {
  const parsed = File.safeParse(YAML.parse(fs.readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const data = parsed.data;
  const citation = (plan: string, article: string, words: string[]): Citation => ({ plan, title: data.plans[plan]!.title, binds: data.plans[plan]!.binds, article, words });
  /** The plans binding `code`, the most specific first. */
  const bindingPlans = (code: string) =>
    Object.entries(data.plans)
      .filter(([, plan]) => code.startsWith(divisionPrefix(plan.binds)))
      .sort(([, a], [, b]) => divisionPrefix(b.binds).length - divisionPrefix(a.binds).length)
      .map(([name]) => name);

  return {
    file: data,
    forRegion(code, level) {
      const plans = bindingPlans(code);
      const resolved = {} as Record<IndicatorId, IndicatorTarget>;
      for (const id of INDICATOR_IDS) {
        const indicator = data.indicators[id];
        // the binding targets of this indicator, the most specific plan's first
        const binding = plans.flatMap((plan) => indicator.targets.filter((t) => t.plan === plan));
        const first = binding[0];
        const statement = data.statements.find((s) => s.indicator === id && s.region === code);
        const target: IndicatorTarget = {
          name: indicator.name,
          unit: indicator.unit,
          method: indicator.method,
          atLeast: first?.atLeast ?? null,
          atMost: first?.atMost ?? null,
          basis: first ? citation(first.plan, first.article, first.words) : null,
          noTarget: first
            ? null
            : plans.length === 0
              ? "no plan binds this division"
              : `约束本区域的规划（${plans.join("、")}）没有设定此目标`,
          statement: statement ? { value: statement.value, citation: citation(statement.plan, statement.article, statement.words) } : null,
          conflict: null,
        };
        const conflictOf = (t: (typeof binding)[number] | undefined) =>
          t?.conflict && (t.conflict.level === undefined || t.conflict.level === level) ? { citation: citation(t.plan, t.conflict.article, t.conflict.words), note: t.conflict.note } : null;
        target.conflict = conflictOf(first);
        if (id === "RESCUE_TEAM_SIZE") {
          const floor = level === "PROVINCE" ? undefined : binding.find((t) => t.minimumHeadcount?.[level] !== undefined);
          target.minimumHeadcount = floor ? { count: floor.minimumHeadcount![level as Exclude<DivisionLevel, "PROVINCE">]!, basis: citation(floor.plan, floor.article, floor.words) } : null;
          target.conflict = conflictOf(floor);
          if (floor) target.basis = citation(floor.plan, floor.article, floor.words);
          else Object.assign(target, { atLeast: null, basis: null, noTarget: `约束本区域的规划（${plans.join("、") || "无"}）没有规定${LEVEL_NAMES[level]}队伍人数` });
        }
        if (id === "LIABILITY_INSURANCE_HIGH_RISK") {
          const list = binding.find((t) => t.sectors !== undefined);
          target.sectors = list ? { names: list.sectors!.flatMap((sector) => data.highRiskSectors[sector]!), basis: citation(list.plan, list.article, list.words) } : null;
        }
        if (id === "WARNING_LEAD_TIME") target.warningTypes = data.suddenWeatherTypes;
        resolved[id] = target;
      }
      return resolved;
    },
  };
}
