/**
 * What the supervision figures are computed over: the hazards of a region as
 * the caller may read them (ctx.reader applies the territory and the
 * catalogue), the regions directly under it, and when cancelled hazards were
 * cancelled (their CANCEL event).
 */
import pLimit from "p-limit";
import { canReadDataset, rowScope } from "../../access/index.js";
import { normaliseDivisionCode } from "../../core/division.js";
import type { StatsHazard } from "../../core/hazard/index.js";
import { statsHazardOf } from "../../data/hazard-row.js";
import type { Row, Where } from "../../data/reader.js";
import { territoryWhere } from "../../data/scope-where.js";
import { ErrorCode, HubError } from "../../errors/hub-error.js";
import { parseRegionArg } from "../common/list.js";
import type { HubContext } from "../context.js";

export interface RegionArg {
  /** Significant prefix ("4102"). */
  prefix: string;
  /** Normalised code ("410200"). */
  code: string;
}

/**
 * How many figure reads (a region's hazards, parsed into rows) a process runs
 * at once: the others wait their turn, so that clients asking for heavy
 * figures take turns with each other instead of with every other request.
 */
const figureReads = pLimit(1);

/** The columns the figures read: a narrow row, so that a province's hazards are read and parsed quickly. */
const FIGURE_COLUMNS = ["id", "regionCode", "sector", "grade", "state", "foundAt", "closedAt", "deadline", "supervisionDeadline", "supervisedBy", "overdueSince"];

/** Supervision figures are for the government readers of hazards; others are refused, never given zeros. */
export function assertSupervisionReader(ctx: HubContext, dataset: string): void {
  if (ctx.principal.anonymous) throw new HubError(ErrorCode.UNAUTHENTICATED, "sign in (a bearer token) to read supervision figures");
  if (!canReadDataset(ctx.catalog, ctx.principal, dataset)) throw new HubError(ErrorCode.FORBIDDEN, `${dataset} is not shared with you`);
}

/** The sectors (条) the caller reads hazards of, when the catalogue limits them; null for every sector. */
export function hazardSectorLimit(ctx: HubContext): string[] | null {
  const scope = rowScope(ctx.catalog, ctx.principal, "Hazard");
  return scope.deny || scope.sectors === null ? null : [...scope.sectors];
}

/**
 * The region asked for, or the caller's territory (the whole province for an
 * unlimited one). Figures are computed only inside the caller's territory: a
 * region outside it, or above it, is refused rather than computed from the
 * empty (or partial) set of records the caller may read there.
 */
export function regionArg(ctx: HubContext, value: string | null | undefined, argumentName = "region"): RegionArg {
  const prefix = value != null ? parseRegionArg(value, argumentName) : ctx.principal.territory || "41";
  const code = normaliseDivisionCode(prefix);
  if (!code.ok) throw new Error(`territory ${prefix} is not a division code`);
  const territory = ctx.principal.territory;
  if (territory !== "" && !prefix.startsWith(territory)) {
    const yours = normaliseDivisionCode(territory);
    throw new HubError(ErrorCode.FORBIDDEN, `region ${code.code} lies outside your territory ${yours.ok ? yours.code : territory}: figures are given for your territory and the divisions under it`, {
      argumentName,
    });
  }
  return { prefix, code: code.code };
}

export async function regionName(ctx: HubContext, region: RegionArg): Promise<string | null> {
  const row = await ctx.reader.byKey("Region", region.code);
  return (row?.name as string | undefined) ?? null;
}

/** The divisions directly under the region, in code order. */
export function childRegions(ctx: HubContext, region: RegionArg): Promise<Row[]> {
  return ctx.reader.childrenOf("Region", "parentCode", region.code);
}

/** The region's hazards that the caller may read and that match `filter`, with cancellation instants. */
export async function figureHazards(ctx: HubContext, region: RegionArg, filter: Where[]): Promise<StatsHazard[]> {
  const rows = await figureReads(() => ctx.reader.all("Hazard", { AND: [territoryWhere("Hazard", region.prefix), ...filter] }, FIGURE_COLUMNS));
  const cancelled = rows.filter((row) => row.state === "CANCELLED").map((row) => row.id as string);
  const cancelledAt = new Map<string, Date>();
  if (cancelled.length > 0) {
    const events = await ctx.reader.all("HazardEvent", { action: "CANCEL", hazardId: { in: cancelled } }, ["hazardId", "at"]);
    for (const event of events) cancelledAt.set(event.hazardId as string, event.at as Date);
  }
  return rows.map((row) => statsHazardOf(row, cancelledAt.get(row.id as string) ?? null));
}
