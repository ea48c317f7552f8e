import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { leaveOutAbsentEntities } from "../../../src/federation/absent-entities.js";

const violation = (path: Array<string | number>, field = "Enterprise.name") => new GraphQLError(`Cannot return null for non-nullable field ${field}.`, { path });

describe("absent entities through the gateway", () => {
  it("leaves a null entity out of its list and drops the error that reported it", () => {
    const result = {
      data: { inspections: [{ enterprises: [null, { name: "a" }, null], lead: null }] },
      errors: [violation(["inspections", 0, "enterprises", 0, "name"]), violation(["inspections", 0, "enterprises", 2, "name"]), violation(["inspections", 0, "lead", "name"])],
    };
    expect(leaveOutAbsentEntities(result)).toEqual({ data: { inspections: [{ enterprises: [{ name: "a" }], lead: null }] } });
  });

  it("keeps an item, and every error, where anything else went wrong", () => {
    const failed = new GraphQLError("subgraph emhub: connection refused", { path: ["inspections", 0, "enterprises", 0] });
    const result = { data: { inspections: [{ enterprises: [null] }] }, errors: [violation(["inspections", 0, "enterprises", 0, "name"]), failed] };
    expect(leaveOutAbsentEntities(result)).toBe(result);
  });

  it("leaves a result without such errors as it is", () => {
    const result = { data: { a: [1] }, errors: [new GraphQLError("boom", { path: ["a"] })] };
    expect(leaveOutAbsentEntities(result)).toBe(result);
    const notNull = { data: { a: [{ name: null }] }, errors: [violation(["a", 0, "name"])] };
    expect(leaveOutAbsentEntities(notNull)).toBe(notNull); // the entity is there: a real violation, not an absent entity
  });
});
