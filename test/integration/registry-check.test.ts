/**
 * The hub refuses to start when its dataset registry, its sync models and the
 * sharing catalogue disagree with each other or with the database: each
 * mistake a line of the error, found at start rather than by the first
 * request that reaches it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog, type Catalog } from "../../src/access/index.js";
import { DATASETS, type DatasetSpec } from "../../src/data/datasets.js";
import { loadTables, type Tables } from "../../src/data/query/tables.js";
import { registryProblems, type Registry } from "../../src/data/registry-check.js";
import { CATALOG_FILE } from "../../src/config/paths.js";
import { DATASET_MODELS } from "../../src/sync/dataset-models.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";

let database: TestDatabase;
let tables: Tables;
let catalog: Catalog;
beforeAll(async () => {
  database = await createTestDatabase();
  tables = await loadTables(database.db.sql);
  catalog = loadCatalog(CATALOG_FILE);
});
afterAll(async () => database?.drop());

const registry = (datasets: Record<string, DatasetSpec> = DATASETS, models: Registry["models"] = DATASET_MODELS): Registry => ({ datasets, models, tables, catalog });
const withSpec = (name: string, change: Partial<DatasetSpec>, base: Record<string, DatasetSpec> = DATASETS) => ({ ...base, [name]: { ...base[name]!, ...change } });

describe("the dataset registry at start", () => {
  it("agrees with the database and the catalogue as shipped", () => {
    expect(registryProblems(registry())).toEqual([]);
  });

  it("names each mistake: a relation to an unknown dataset, an order or field on no column, a dataset the catalogue lacks", () => {
    const problems = registryProblems(
      registry({
        ...withSpec("Shelter", { defaultOrder: [{ nickname: "asc" }], needs: { geometry: ["latitude"] } }, withSpec("TeamMember", { relations: { team: { dataset: "Crew" as never, from: "teamId", to: "id" } } })),
        Drill: { ...DATASETS.Shelter },
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/TeamMember: relation team leads to Crew, which is not a dataset/),
        expect.stringMatching(/Shelter: its default order names nickname/),
        expect.stringMatching(/Shelter: field geometry names latitude/),
        expect.stringMatching(/Drill: no table or view Drill/),
      ]),
    );
  });

  it("refuses a sync parent declared after its child: parents are written first", () => {
    const { Enterprise, ...rest } = DATASETS;
    const problems = registryProblems(registry({ ...rest, Enterprise } as Record<string, DatasetSpec>));
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/RiskPoint: sync parent Enterprise is declared after it/)]));
  });

  it("refuses a territory path the catalogue does not share, and a sync parent on no column", () => {
    const problems = registryProblems(
      registry(withSpec("RiskPoint", { regionPath: ["enterprise", "regionCode"] }), { ...DATASET_MODELS, shelter: { ...DATASET_MODELS.shelter, parents: [{ field: "operatorCode", model: "enterprise", key: "creditCode", label: "operator" }] } }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/RiskPoint: the catalogue's territoryField regionCode is not the registry's regionPath enterprise.regionCode/),
        expect.stringMatching(/sync dataset shelter: parent operator is named by operatorCode/),
      ]),
    );
  });
});
