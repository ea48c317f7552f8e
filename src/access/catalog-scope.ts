/**
 * The sharing catalogue as a ReadScope: which rows of a dataset a principal
 * may read. Field-level decisions (hide, mask, audit) are made per GraphQL
 * field by graph/field-policy.ts with the same catalogue.
 */
import type { DatasetName } from "../data/datasets.js";
import type { ReadScope, RowLimit } from "../data/read-scope.js";
import type { Catalog } from "./catalog.js";
import { rowScope } from "./catalog-policy.js";
import type { Principal } from "./principal.js";

export function catalogScope(catalog: Catalog, principal: Principal): ReadScope {
  const limits = new Map<DatasetName, RowLimit | null>();
  return {
    rowLimit(dataset) {
      if (!limits.has(dataset)) {
        const scope = rowScope(catalog, principal, dataset);
        if (scope.deny) limits.set(dataset, null);
        else {
          const sectors = scope.sectors === null ? null : { field: scope.sectorField!, values: scope.sectors };
          limits.set(dataset, { territory: scope.territory, partners: scope.partners, enterpriseCode: scope.enterpriseCode, filter: scope.filter, exclude: scope.exclude, sectors, publicFloor: scope.publicFloor });
        }
      }
      return limits.get(dataset)!;
    },
    presentFields: (_dataset, row) => row,
  };
}
