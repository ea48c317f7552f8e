/** CAP 1.2 alert, info and area as read from XML (GB/T 35965.1 profile). */
import { z } from "zod";
import { isInsideChina } from "../../src/core/geo.js";
import { optionalText, text } from "../shared/fields.js";
import { showValue } from "../shared/reasons.js";
import { parseSourceDateTime } from "../shared/time.js";

const CAP_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

/** CAP date-time: offset required ("2026-07-20T08:00:00+08:00"); returned as ISO UTC. */
const capTime = z.string().transform((value, ctx) => {
  const iso = CAP_TIME.test(value.trim()) ? parseSourceDateTime(value) : null;
  if (iso !== null) return iso;
  ctx.addIssue({ code: "custom", message: `must be a date-time with offset like 2026-07-20T08:00:00+08:00 (got ${showValue(value)})` });
  return z.NEVER;
});
const optionalCapTime = z.preprocess((v) => (v === "" ? undefined : v), capTime.optional()).transform((v) => v ?? null);

/** identifier and sender: no spaces, commas or XML-restricted characters. */
const capToken = text.pipe(z.string().regex(/^[^\s,<&]+$/, "must not contain spaces, commas, < or &"));

const list = <T extends z.ZodType>(item: T) => z.array(item).optional().transform((v) => v ?? []);

/** "lat,lon lat,lon …", closed, at least 4 points, inside China. */
const polygon = z.string().transform((value, ctx) => {
  const points = value.trim().split(/\s+/).map((pair) => pair.split(",").map(Number));
  const bad = points.find((p) => p.length !== 2 || !isInsideChina(p[0]!, p[1]!));
  const [first, last] = [points[0]!, points[points.length - 1]!];
  if (bad) ctx.addIssue({ code: "custom", message: `point '${bad.join(",")}' is not a "lat,lon" inside China` });
  else if (points.length < 4 || first[0] !== last[0] || first[1] !== last[1]) {
    ctx.addIssue({ code: "custom", message: `must be a closed ring of at least 4 points (got ${showValue(value)})` });
  }
  return value.trim();
});

/** "lat,lon radius_km" */
const circle = z.string().transform((value, ctx) => {
  const m = /^(-?[\d.]+),(-?[\d.]+)\s+([\d.]+)$/.exec(value.trim());
  if (!m || !isInsideChina(Number(m[1]), Number(m[2]))) {
    ctx.addIssue({ code: "custom", message: `must be "lat,lon radius" inside China (got ${showValue(value)})` });
  }
  return value.trim();
});

const valuePair = z.object({ valueName: text, value: text });

/** Longest texts an alert may carry: a warning is read on a phone and a wall screen, not a report. */
export const CAP_TEXT_LIMITS = { headline: 200, description: 4000, instruction: 4000, areaDesc: 1000 } as const;
const limited = (max: number) => optionalText.pipe(z.string().max(max, `is longer than ${max} characters`).nullable());

export const capArea = z.object({
  areaDesc: text.pipe(z.string().max(CAP_TEXT_LIMITS.areaDesc, `is longer than ${CAP_TEXT_LIMITS.areaDesc} characters`)),
  polygon: list(polygon),
  circle: list(circle),
  geocode: list(valuePair),
});

export const CAP_SEVERITY = ["Extreme", "Severe", "Moderate", "Minor", "Unknown"] as const;

export const capInfo = z.object({
  language: z.string().trim().optional().transform((v) => v || "en-US"),
  category: list(z.enum(["Geo", "Met", "Safety", "Security", "Rescue", "Fire", "Health", "Env", "Transport", "Infra", "CBRNE", "Other"])),
  event: text,
  urgency: z.enum(["Immediate", "Expected", "Future", "Past", "Unknown"]),
  severity: z.enum(CAP_SEVERITY),
  certainty: z.enum(["Observed", "Likely", "Possible", "Unlikely", "Unknown"]),
  effective: optionalCapTime,
  onset: optionalCapTime,
  expires: optionalCapTime,
  senderName: optionalText,
  headline: limited(CAP_TEXT_LIMITS.headline),
  description: limited(CAP_TEXT_LIMITS.description),
  instruction: limited(CAP_TEXT_LIMITS.instruction),
  parameter: list(valuePair),
  area: list(capArea),
});

export const capAlert = z.object({
  identifier: capToken,
  sender: capToken,
  sent: capTime,
  status: z.enum(["Actual", "Exercise", "System", "Test", "Draft"]),
  msgType: z.enum(["Alert", "Update", "Cancel", "Ack", "Error"]),
  scope: z.enum(["Public", "Restricted", "Private"]),
  references: optionalText,
  note: optionalText,
  info: list(capInfo).refine((infos) => infos.length > 0, "must have at least one <info>"),
});

export type CapAlert = z.output<typeof capAlert>;
export type CapInfo = z.output<typeof capInfo>;
export type CapArea = z.output<typeof capArea>;
