import { afterAll, beforeAll, expect, it } from "vitest";
import { emergencyConnector, generateEmergencyFeed } from "../../connectors/emergency/index.js";
import { runSync } from "../../src/sync/run-sync.js";
import { EnterprisesWithChildrenDocument } from "../generated/graphql.js";
import { startTestHub, type TestHub } from "../helpers/start-server.js";

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
  // 60 more enterprises with risk points, sources and hazards, through the real connector.
  const feed = generateEmergencyFeed({ enterprises: 60, hazardsPerEnterprise: 3, seed: 7 });
  const summary = await runSync(t.database.db.prisma, emergencyConnector, [{ name: "generated.json", body: Buffer.from(feed) }], { trigger: "cli" });
  expect(summary.ok).toBe(true);
});
afterAll(async () => {
  await t?.stop();
});

async function statementsFor(first: number): Promise<{ statements: number; enterprises: number }> {
  const statements: string[] = [];
  const off = t.database.db.onQuery((sql) => statements.push(sql));
  try {
    const token = await t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "4102" });
    const res = await t.request(EnterprisesWithChildrenDocument, { first }, token);
    expect(res.errors).toBeUndefined();
    const edges = res.data!.enterprises.edges;
    expect(edges.every((e) => e.node.hazards.length > 0)).toBe(true);
    return { statements: statements.filter((sql) => /^\s*(SELECT|WITH)/i.test(sql)).length, enterprises: edges.length };
  } finally {
    off();
  }
}

it("reads enterprises with three relations in the same number of SQL statements for 5 and for 50", async () => {
  const five = await statementsFor(5);
  const fifty = await statementsFor(50);
  expect(five.enterprises).toBe(5);
  expect(fifty.enterprises).toBe(50);
  expect(fifty.statements).toBe(five.statements);
  // list + count + one batched query per relation
  expect(fifty.statements).toBeLessThanOrEqual(5);
});
