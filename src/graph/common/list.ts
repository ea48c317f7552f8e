/** Shared argument handling for list queries: region and name filters, `near`. */
import { parseDivisionPrefix } from "../../core/division.js";
import type { DatasetName } from "../../data/datasets.js";
import type { Near, Where } from "../../data/reader.js";
import { territoryWhere } from "../../data/scope-where.js";
import { badInput } from "../../errors/hub-error.js";
import type { RegionFilter } from "./inputs.js";

export const MAX_RADIUS_KM = 500;

/** The `where` for the filters every list shares; `nameField` is the column `nameContains` searches. */
export function baseWhere(dataset: DatasetName, filter: RegionFilter | undefined, nameField = "name"): Where {
  const parts: Where[] = [];
  if (filter?.region != null) parts.push(territoryWhere(dataset, parseRegionArg(filter.region, "filter.region")));
  if (filter?.nameContains) parts.push({ [nameField]: { contains: filter.nameContains, mode: "insensitive" } });
  return parts.length === 0 ? {} : { AND: parts };
}

/** Adds equality conditions for the filter fields that were given. */
export function withEquals(where: Where, equals: Record<string, unknown>): Where {
  const given = Object.entries(equals).filter(([, value]) => value !== undefined && value !== null);
  if (given.length === 0) return where;
  const parts = [...((where.AND as Where[] | undefined) ?? []), ...given.map(([field, value]) => ({ [field]: value }))];
  return { AND: parts };
}

export function parseRegionArg(value: string, argumentName: string): string {
  const parsed = parseDivisionPrefix(value);
  if (!parsed.ok) throw badInput(argumentName, `'${value}' is not a division code: ${parsed.reason}`);
  return parsed.code;
}

export function checkNear(near: Near): Near {
  if (!(near.lat >= -90 && near.lat <= 90)) throw badInput("near.lat", "must be between -90 and 90");
  if (!(near.lon >= -180 && near.lon <= 180)) throw badInput("near.lon", "must be between -180 and 180");
  if (!(near.radiusKm > 0 && near.radiusKm <= MAX_RADIUS_KM)) throw badInput("near.radiusKm", `must be more than 0 and at most ${MAX_RADIUS_KM}`);
  return near;
}
