/** Turns a row limit into a Prisma `where` fragment for a dataset. */
import { divisionLineage, normaliseDivisionCode } from "../core/division.js";
import { atPath, DATASETS, type DatasetName } from "./datasets.js";
import type { RowLimit } from "./read-scope.js";

export function territoryWhere(dataset: DatasetName, prefix: string): Record<string, unknown> {
  const path = DATASETS[dataset].regionPath;
  if (path === null) return {};
  if (dataset === "Warning") {
    // A warning is in a territory when one of its areas lies inside it, or
    // when it covers the whole territory (a city-wide alert for a county).
    const lineage = normaliseDivisionCode(prefix).ok ? divisionLineage(prefix) : [];
    return { OR: [{ regionPrefixes: { has: prefix } }, { regionCodes: { hasSome: lineage } }] };
  }
  return atPath(path, { startsWith: prefix });
}

export function rowLimitWhere(dataset: DatasetName, limit: RowLimit): Record<string, unknown> {
  const parts: Record<string, unknown>[] = [];
  if (limit.territory) parts.push(territoryWhere(dataset, limit.territory));
  const enterprisePath = DATASETS[dataset].enterprisePath;
  if (limit.enterpriseCode) {
    // Datasets an enterprise does not own are out of an enterprise user's file.
    parts.push(enterprisePath ? atPath(enterprisePath, limit.enterpriseCode) : { [DATASETS[dataset].key]: { in: [] } });
  }
  return parts.length === 0 ? {} : { AND: parts };
}
