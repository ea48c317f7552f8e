/** Turns a row limit into a Prisma `where` fragment for a dataset. */
import { divisionLineage, normaliseDivisionCode } from "../core/division.js";
import { atPath, DATASETS, type DatasetName } from "./datasets.js";
import type { RowLimit } from "./read-scope.js";

export function territoryWhere(dataset: DatasetName, prefix: string): Record<string, unknown> {
  const path = DATASETS[dataset].regionPath;
  if (path === null) return {};
  if (path.at(-1) === "regionCodes") {
    // A warning is in a territory when one of its areas lies inside it, or
    // when it covers the whole territory (a city-wide alert for a county).
    const lineage = normaliseDivisionCode(prefix).ok ? divisionLineage(prefix) : [];
    return atPath(path.slice(0, -1), { OR: [{ regionPrefixes: { has: prefix } }, { regionCodes: { hasSome: lineage } }] });
  }
  return atPath(path, { within: prefix });
}

/** Warnings in force: stored ACTIVE and not past their expiry. */
export function warningInForceWhere(now: Date): Record<string, unknown> {
  return { AND: [{ status: "ACTIVE" }, { OR: [{ expires: null }, { expires: { gt: now } }] }] };
}

/** Equality conditions from the catalogue ("warning.status": "ACTIVE"); a warning's ACTIVE also means not expired. */
function filterWhere(filter: Readonly<Record<string, unknown>>): Record<string, unknown>[] {
  return Object.entries(filter).map(([field, value]) => {
    const path = field.split(".");
    const column = path.at(-1)!;
    const owner = path.length > 1 ? path.at(-2) : null;
    const isWarningStatus = column === "status" && value === "ACTIVE" && (owner === null || owner === "warning");
    return isWarningStatus ? atPath(path.slice(0, -1), warningInForceWhere(new Date())) : atPath(path, value);
  });
}

export function rowLimitWhere(dataset: DatasetName, limit: RowLimit): Record<string, unknown> {
  const parts: Record<string, unknown>[] = [];
  if (limit.territory) {
    const territories = [limit.territory, ...(limit.partners ?? [])].map((prefix) => territoryWhere(dataset, prefix));
    parts.push(territories.length === 1 ? territories[0]! : { OR: territories });
  }
  const enterprisePath = DATASETS[dataset].enterprisePath;
  if (limit.enterpriseCode) {
    // Datasets an enterprise does not own are out of an enterprise user's file.
    parts.push(enterprisePath ? atPath(enterprisePath, limit.enterpriseCode) : { [DATASETS[dataset].key]: { in: [] } });
  }
  if (limit.filter) parts.push(...filterWhere(limit.filter));
  if (limit.sectors) parts.push(atPath(limit.sectors.field.split("."), { in: [...limit.sectors.values] }));
  if (limit.exclude) parts.push({ NOT: { AND: Object.entries(limit.exclude).map(([field, value]) => atPath(field.split("."), value)) } });
  const limited = parts.length === 0 ? {} : { AND: parts };
  if (!limit.publicFloor || parts.length === 0) return limited;
  // what the public reads, every reader reads
  const floor = filterWhere(limit.publicFloor);
  return floor.length === 0 ? {} : { OR: [limited, { AND: floor }] };
}
