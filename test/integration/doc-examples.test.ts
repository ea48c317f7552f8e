/**
 * Every GraphQL example of the README and of docs/ runs against a real hub:
 * each operation of a ```graphql block, and the query inside each curl
 * example's `-d '{"query":…}'`, is sent as the province's supervisor and
 * analyst and must answer without errors. Variables an example takes come
 * from the sample data (an enterprise's code, a record's id).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Kind, parse, print, type DefinitionNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../helpers/start-server.js";

const root = path.resolve(import.meta.dirname, "../..");

function markdownFiles(): string[] {
  const docs = path.join(root, "docs");
  const files = [path.join(root, "README.md")];
  if (existsSync(docs)) for (const name of readdirSync(docs, { recursive: true }) as string[]) if (name.endsWith(".md")) files.push(path.join(docs, name));
  return files;
}

interface Example {
  where: string;
  query: string;
}

/** The operations of one markdown file: each definition of a graphql block apart, and each curl body's query. */
export function examplesIn(file: string): Example[] {
  const text = readFileSync(file, "utf8");
  const name = path.relative(root, file);
  const examples: Example[] = [];
  for (const block of text.matchAll(/```graphql\n([\s\S]*?)```/g)) {
    const line = text.slice(0, block.index).split("\n").length;
    const definitions = parse(block[1]!).definitions;
    const fragments = definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
    for (const definition of definitions.filter((d): d is DefinitionNode => d.kind === Kind.OPERATION_DEFINITION)) {
      examples.push({ where: `${name}:${line + definition.loc!.startToken.line}`, query: [definition, ...fragments].map((d) => print(d)).join("\n") });
    }
  }
  for (const curl of text.matchAll(/-d '(\{"query":[\s\S]*?\})'/g)) {
    const line = text.slice(0, curl.index).split("\n").length;
    examples.push({ where: `${name}:${line}`, query: (JSON.parse(curl[1]!) as { query: string }).query });
  }
  return examples;
}

const examples = markdownFiles().flatMap(examplesIn);
// the federation examples run through the gateway, in federation.test.ts
const hubExamples = examples.filter((e) => !/\bearthquakes\b/.test(e.query));

let t: TestHub;
let variables: Record<string, unknown>;
beforeAll(async () => {
  t = await startTestHub();
  const province = await t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410000" });
  const sample = await t.request<{ enterprises: { edges: Array<{ node: { creditCode: string } }> }; shelters: { edges: Array<{ node: { id: string } }> } }, never>(
    "{ enterprises(first: 1, filter: { region: \"410106\" }) { edges { node { creditCode } } } shelters(first: 1) { edges { node { id } } } }",
    undefined,
    province,
  );
  variables = { code: sample.data!.enterprises.edges[0]!.node.creditCode, id: sample.data!.shelters.edges[0]!.node.id, region: "4102" };
});
afterAll(async () => t?.stop());

describe("the examples of the README and docs/", () => {
  it("are found", () => {
    expect(hubExamples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(hubExamples.map((e) => [e.where, e] as const))("%s runs without errors", async (_where, example) => {
    // as the province's supervisor and analyst: the examples name regions across it
    for (const roles of [["SUPERVISOR"], ["ANALYST"]] as const) {
      const token = await t.signToken({ department: "EMERGENCY", roles: [...roles], region: "410000" });
      const res = await t.request<unknown, Record<string, unknown>>(example.query, variables, token);
      expect(res.errors, `${example.where} as ${roles[0]}: ${example.query}`).toBeUndefined();
      expect(res.status).toBe(200);
    }
  });
});
