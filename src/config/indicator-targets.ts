/** The indicator targets (schema/indicator-targets.yaml), validated at start; a target for a territory overrides the default. */
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { z } from "zod";
import { INDICATOR_IDS, type IndicatorId, type IndicatorTarget } from "../core/indicators.js";
import { SCHEMA_DIR } from "./paths.js";

export const INDICATOR_TARGETS_FILE = path.join(SCHEMA_DIR, "indicator-targets.yaml");

const Levels = z.object({ CITY: z.number().int().positive(), COUNTY: z.number().int().positive(), TOWNSHIP: z.number().int().positive() }).strict();
const Target = z
  .object({
    name: z.string().min(1),
    unit: z.string().min(1),
    atLeast: z.number(),
    source: z.string().min(1),
    minimumHeadcount: Levels.optional(),
    sectors: z.array(z.string().min(1)).optional(),
  })
  .strict();
const Override = Target.partial();
const File = z
  .object({
    version: z.literal(1),
    /** Every indicator, each once (a missing one is an error). */
    indicators: z.record(z.enum(INDICATOR_IDS), Target),
    territories: z.record(z.string().regex(/^\d{2,12}$/, "must be a division code"), z.partialRecord(z.enum(INDICATOR_IDS), Override)).default({}),
  })
  .strict();

export interface IndicatorTargets {
  /** The targets that apply in a division: the defaults, overridden by the most specific territory that contains it. */
  forRegion(code: string): Record<IndicatorId, IndicatorTarget>;
}

export function loadIndicatorTargets(file = INDICATOR_TARGETS_FILE): IndicatorTargets {
  const parsed = File.safeParse(YAML.parse(fs.readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const { indicators, territories } = parsed.data;
  const prefixes = Object.keys(territories).sort((a, b) => a.length - b.length);
  return {
    forRegion(code) {
      const targets = { ...indicators } as Record<IndicatorId, IndicatorTarget>;
      for (const prefix of prefixes) {
        if (!code.startsWith(prefix.replace(/0+$/, ""))) continue;
        for (const [id, override] of Object.entries(territories[prefix]!) as Array<[IndicatorId, Partial<IndicatorTarget>]>) targets[id] = { ...targets[id], ...override };
      }
      return targets;
    },
  };
}
