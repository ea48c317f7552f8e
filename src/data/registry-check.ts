/**
 * The dataset registry (datasets.ts), the sync's models (sync/dataset-models.ts)
 * and the sharing catalogue must agree with each other and with the database
 * the hub opens: every dataset a table, every column they name a column,
 * every relation a dataset, every dataset in the catalogue with the same
 * territory and enterprise paths. The hub checks this when it starts and
 * refuses to start with the list of what is wrong, rather than failing on the
 * first request that reaches the mistake.
 */
import type { Catalog } from "../access/catalog.js";
import { datasetOf } from "../access/index.js";
import { tableOfModel, type DatasetModel } from "../sync/dataset-models.js";
import type { DatasetSpec } from "./datasets.js";
import type { Tables } from "./query/tables.js";

export interface Registry {
  datasets: Readonly<Record<string, DatasetSpec>>;
  models: Readonly<Record<string, DatasetModel>>;
  tables: Tables;
  catalog: Catalog;
}


/** What is wrong, one line each; empty when everything agrees. */
export function registryProblems({ datasets, models, tables, catalog }: Registry): string[] {
  const problems: string[] = [];
  const columnsOf = (dataset: string) => tables.get(dataset)?.columns;

  /** Follows a path (relations, then a column) from `dataset`; the problem, or null. */
  const pathProblem = (dataset: string, path: readonly string[]): string | null => {
    let current = dataset;
    for (const [i, step] of path.entries()) {
      const last = i === path.length - 1;
      if (last) return columnsOf(current)?.has(step) ? null : `${current} has no column ${step}`;
      const relation = datasets[current]?.relations?.[step];
      if (!relation) return `${current} has no relation ${step}`;
      current = relation.dataset;
    }
    return null;
  };

  for (const [name, spec] of Object.entries(datasets)) {
    const columns = columnsOf(name);
    if (!columns) {
      problems.push(`dataset ${name}: no table or view ${name} in the database`);
      continue;
    }
    const need = (what: string, column: string) => {
      if (!columns.has(column)) problems.push(`dataset ${name}: ${what} names ${column}, which ${name} has no column of`);
    };
    need("its key", spec.key);
    for (const part of spec.defaultOrder) for (const column of Object.keys(part)) need("its default order", column);
    for (const [field, needed] of Object.entries(spec.needs ?? {})) for (const column of needed) need(`field ${field}`, column);
    for (const column of spec.alwaysRead ?? []) need("alwaysRead", column);
    for (const [relationName, relation] of Object.entries(spec.relations ?? {})) {
      if (!datasets[relation.dataset]) {
        problems.push(`dataset ${name}: relation ${relationName} leads to ${relation.dataset}, which is not a dataset`);
        continue;
      }
      need(`relation ${relationName}`, relation.from);
      if (!columnsOf(relation.dataset)?.has(relation.to)) problems.push(`dataset ${name}: relation ${relationName} joins ${relation.dataset}.${relation.to}, which is not a column`);
    }
    for (const [what, path] of [["regionPath", spec.regionPath], ["enterprisePath", spec.enterprisePath]] as const) {
      const problem = path ? pathProblem(name, path) : null;
      if (problem) problems.push(`dataset ${name}: ${what} ${path!.join(".")}: ${problem}`);
    }
    const position = Object.keys(datasets).indexOf(name);
    for (const parent of spec.sync?.parents ?? []) {
      const at = Object.keys(datasets).indexOf(parent.dataset);
      if (at < 0) problems.push(`dataset ${name}: sync parent ${parent.label} is ${parent.dataset}, which is not a dataset`);
      else if (at > position) problems.push(`dataset ${name}: sync parent ${parent.dataset} is declared after it; list it first in datasets.ts (parents are written first)`);
    }
    const entry = datasetOf(catalog, name);
    if (!entry) {
      problems.push(`dataset ${name}: not in the sharing catalogue (schema/sharing-catalog.yaml): nobody could read it`);
      continue;
    }
    const regionPath = spec.regionPath?.join(".") ?? null;
    if (entry.territorial && entry.territoryField !== regionPath) problems.push(`dataset ${name}: the catalogue's territoryField ${entry.territoryField} is not the registry's regionPath ${regionPath}`);
    const enterprisePath = spec.enterprisePath?.join(".") ?? null;
    if (entry.enterpriseField && entry.enterpriseField !== enterprisePath) problems.push(`dataset ${name}: the catalogue's enterpriseField ${entry.enterpriseField} is not the registry's enterprisePath ${enterprisePath}`);
  }

  for (const [dataset, model] of Object.entries(models)) {
    const table = tableOfModel(model.model);
    const columns = columnsOf(table);
    if (!columns) {
      problems.push(`sync dataset ${dataset}: no table ${table}`);
      continue;
    }
    if (!columns.has(model.key)) problems.push(`sync dataset ${dataset}: ${table} has no key column ${model.key}`);
    if (model.territorial && !columns.has("regionCode")) problems.push(`sync dataset ${dataset}: marked territorial, but ${table} has no regionCode`);
    for (const parent of model.parents) {
      if (!columns.has(parent.field)) problems.push(`sync dataset ${dataset}: parent ${parent.label} is named by ${parent.field}, which ${table} has no column of`);
      if (!columnsOf(tableOfModel(parent.model))?.has(parent.key)) problems.push(`sync dataset ${dataset}: parent ${parent.label} is ${parent.model}.${parent.key}, which is not a column`);
    }
  }
  return problems;
}

export class RegistryError extends Error {}

/** Throws a RegistryError listing every problem, when there is one. */
export function checkRegistry(registry: Registry): void {
  const problems = registryProblems(registry);
  if (problems.length > 0) throw new RegistryError(`the dataset registry does not agree with the database and the catalogue:\n  - ${problems.join("\n  - ")}`);
}
