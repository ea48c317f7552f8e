/**
 * Default deny, checked against the real schema: every type and field a client
 * can reach is in the sharing catalogue, and every field the catalogue can hide
 * from someone who reads the dataset is nullable (so hiding it is a null, not
 * an error). Types that only carry structure are listed here by name.
 */
import { getNamedType, getNullableType, isNonNullType, isObjectType, type GraphQLObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { datasetOf, loadCatalog } from "../../src/access/index.js";
import { CATALOG_FILE } from "../../src/config/paths.js";
import { hubSchema } from "../../src/graph/schema.js";

const catalog = loadCatalog(CATALOG_FILE);
const STRUCTURAL = /^(Query|Mutation|Subscription|PageInfo|.+Connection|.+Edge|NearbyShelter|RiskLevelCount|RiskNoticeItem|WarningImpact|LevelCount|TypeCount|ConnectorFreshness|FloodLimitPeriod|Indicator|PlanCitation|StatedFigure)$/;

async function objectTypes(): Promise<GraphQLObjectType[]> {
  const schema = await hubSchema();
  return Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith("__"));
}

describe("sharing catalogue covers the schema", () => {
  it("lists every object type that is not mere structure", async () => {
    const missing = (await objectTypes()).filter((t) => !STRUCTURAL.test(t.name) && datasetOf(catalog, t.name) === null).map((t) => t.name);
    expect(missing).toEqual([]);
  });

  it("classifies every field of every catalogued type", async () => {
    const missing: string[] = [];
    for (const type of await objectTypes()) {
      const dataset = datasetOf(catalog, type.name);
      if (!dataset) continue;
      for (const field of Object.keys(type.getFields())) if (!Object.hasOwn(dataset.fields, field)) missing.push(`${type.name}.${field}`);
    }
    expect(missing).toEqual([]);
  });

  it("declares nullable every field it may hide, and PERSONAL fields as strings", async () => {
    const wrong: string[] = [];
    for (const type of await objectTypes()) {
      const dataset = datasetOf(catalog, type.name);
      if (!dataset) continue;
      for (const [name, field] of Object.entries(type.getFields())) {
        const fieldClass = dataset.fields[name];
        const hideable = fieldClass === "RESTRICTED" || (dataset.public && fieldClass !== "PUBLIC");
        if (hideable && isNonNullType(field.type)) wrong.push(`${type.name}.${name} (${fieldClass}) is non-null`);
        if (fieldClass === "PERSONAL" && getNamedType(getNullableType(field.type)).name !== "String") wrong.push(`${type.name}.${name} is PERSONAL but not a String`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
