/**
 * Plausibility checks at the door: values no real source sends, refused with
 * the field and the reason before a record is written. Territory (the writer's
 * scope) is checked separately (write-scope.ts). Pure: no I/O.
 */
import { PROVINCE_BOUNDS } from "./geo.js";
import { divisionTreeProblem } from "./division-tree.js";

/** How far ahead of the hub's clock a source's clock may run. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** Times that record something that has happened: none may lie in the future. */
const PAST_TIMES = ["observedAt", "sent", "foundAt", "filedAt", "acceptedAt", "closedAt"] as const;


/** Physical ranges of hydrological values (SL 323 units: m, m³/s, 10⁶ m³). */
export const HYDRO_RANGES = {
  level: { min: -200, max: 9000, unit: "m" },
  flow: { min: 0, max: 200_000, unit: "m³/s" },
  inflow: { min: 0, max: 200_000, unit: "m³/s" },
  outflow: { min: 0, max: 200_000, unit: "m³/s" },
  storage: { min: 0, max: 100_000, unit: "10⁶ m³" },
} as const;

/** How far a reading's level may lie from the station's own characteristic levels. */
export const LEVEL_REACH_M = 100;

export interface PlausibilityContext {
  now: Date;
  /** The hub's province as a significant prefix ("41"). */
  province: string;
}

type Data = Readonly<Record<string, unknown>>;

function asTime(value: unknown): number | null {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "string") {
    const t = Date.parse(value);
    return Number.isNaN(t) ? null : t;
  }
  return null;
}

function futureTime(data: Data, now: Date): string | null {
  for (const field of PAST_TIMES) {
    const t = asTime(data[field]);
    if (t !== null && t > now.getTime() + CLOCK_SKEW_MS) {
      return `${field} ${new Date(t).toISOString()} lies in the future (the hub's clock reads ${now.toISOString()})`;
    }
  }
  return null;
}

function unknownDivision(data: Data): string | null {
  const codes: Array<[string, unknown]> = [["regionCode", data.regionCode]];
  if (Array.isArray(data.regionCodes)) data.regionCodes.forEach((code, i) => codes.push([`regionCodes[${i}]`, code]));
  for (const [field, code] of codes) {
    if (typeof code !== "string") continue;
    const problem = divisionTreeProblem(code);
    if (problem) return `${field} ${problem}`;
  }
  return null;
}

function outsideProvince(data: Data, province: string): string | null {
  const bounds = PROVINCE_BOUNDS[province.slice(0, 2)];
  const { lat, lon } = data;
  if (!bounds || typeof lat !== "number" || typeof lon !== "number") return null;
  if (lat >= bounds.minLat && lat <= bounds.maxLat && lon >= bounds.minLon && lon <= bounds.maxLon) return null;
  return `lon/lat (${lon}, ${lat}) lies outside the hub's province ${province}`;
}

function outOfRange(data: Data): string | null {
  for (const [field, range] of Object.entries(HYDRO_RANGES)) {
    const value = data[field];
    if (typeof value !== "number") continue;
    if (!(value >= range.min && value <= range.max)) return `${field} ${value} ${range.unit} is outside ${range.min}…${range.max} ${range.unit}`;
  }
  return null;
}

/** The first text field holding a NUL character, which no PostgreSQL text may hold. */
function nulCharacter(data: Data): string | null {
  for (const [field, value] of Object.entries(data)) {
    const texts = Array.isArray(value) ? value : [value];
    if (texts.some((text) => typeof text === "string" && text.includes("\u0000"))) return `${field} holds a NUL character (U+0000)`;
  }
  return null;
}

/** Why a record of `dataset` is implausible, naming the field, or null. */
export function implausibility(dataset: string, data: Data, ctx: PlausibilityContext): string | null {
  return (
    nulCharacter(data) ??
    futureTime(data, ctx.now) ??
    unknownDivision(data) ??
    outsideProvince(data, ctx.province) ??
    (dataset === "hydroReading" ? outOfRange(data) : null)
  );
}

/** The station's characteristic levels a reading is compared with. */
export interface StationLevels {
  warningLevel?: number | null;
  guaranteedLevel?: number | null;
  floodLimitLevel?: number | null;
  floodLimitPeriods?: ReadonlyArray<{ level: number }> | null;
  historicalMaxLevel?: number | null;
}

/** Why a reading's level lies too far from every level the station knows, or null. */
export function levelFarFromStation(level: unknown, station: StationLevels): string | null {
  if (typeof level !== "number") return null;
  const known = [station.warningLevel, station.guaranteedLevel, station.floodLimitLevel, ...(station.floodLimitPeriods ?? []).map((p) => p.level), station.historicalMaxLevel].filter(
    (v): v is number => typeof v === "number",
  );
  if (known.length === 0) return null;
  const nearest = Math.min(...known.map((v) => Math.abs(v - level)));
  if (nearest <= LEVEL_REACH_M) return null;
  return `level ${level} m lies more than ${LEVEL_REACH_M} m from every characteristic level of the station (${known.join(", ")} m)`;
}
