/**
 * Every list the API offers is answered from an index at province scale.
 * On PostgreSQL with 200,000 hazards, 100,000 risk points and 20,000
 * enterprises, every root list of the schema is asked with each order its
 * `orderBy` offers and each filter its `filter` input offers — alone, with a
 * region, and with the open/state filters where the list has them — one page
 * after a cursor, as the province, a county and a sector regulator. The
 * statements the Reader builds are explained (EXPLAIN, FORMAT JSON), not run,
 * and none may read a big table sequentially or sort more rows than a page.
 * The lists and their arguments are read from the schema, so a list, filter
 * or order added later is checked without a line here. PLAN_DUMP=1 prints the
 * statement of each finding; PLAN_KEEP=1 keeps the database for EXPLAIN by hand.
 */
import { execute, getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType, parse, type GraphQLInputType, type GraphQLSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/access/index.js";
import { CATALOG_FILE } from "../../src/config/paths.js";
import { loadConfig } from "../../src/config/config.js";
import { inTransaction } from "../../src/data/database.js";
import { NO_DISK_GUARD } from "../../src/data/disk-space.js";
import { encodeCursor } from "../../src/data/query/order.js";
import { loadTables } from "../../src/data/query/tables.js";
import { statementOf, type SqlRunner } from "../../src/data/sql.js";
import { createEventBus } from "../../src/events/event-bus.js";
import { hubSchema } from "../../src/graph/schema.js";
import { loadOrCreateDevIssuer } from "../../src/access/index.js";
import { createAuthenticator } from "../../src/server/authenticate.js";
import { contextFor, principalFor, type ContextDeps } from "../../src/server/request-context.js";
import { loadSamples } from "../../src/sync/load-samples.js";
import { skipReason, TEST_DATABASE_URL } from "../helpers/services.js";
import { scratchDatabase, type TestDatabase } from "../helpers/test-database.js";

const skip = skipReason(["TEST_DATABASE_URL", TEST_DATABASE_URL]);

const PAGE = 50;
/** Rows a plan may sort: about a page (see problems). */
const ABOUT_A_PAGE = 2 * PAGE;
/** Rows a plan may sort where a condition takes several values at once (see problems). */
const SEVERAL_VALUES_SORT = 5 * PAGE;
/** Tables this large are never read whole for a page. */
const BIG_ROWS = 10_000;

let scratch: TestDatabase;
let schema: GraphQLSchema;
let deps: ContextDeps;
let tokens: Record<string, string>;
let sample: { enterprise: string; sector: string };

/** Clones the sample records into a province's worth of rows, spread over every county. */
async function generate(db: TestDatabase["db"]): Promise<void> {
  const run = (sql: string) => db.prisma.$executeRawUnsafe(sql);
  await run(`CREATE TEMP TABLE counties AS SELECT row_number() OVER (ORDER BY code) AS n, code FROM "Region" WHERE level = 'COUNTY'`);
  await run(`CREATE TEMP TABLE sectors AS SELECT row_number() OVER (ORDER BY s) AS n, s FROM unnest(ARRAY['危险化学品','烟花爆竹','非煤矿山','工贸（冶金）','工贸（机械）','建筑施工','城镇燃气','道路运输']) s`);
  const county = (g: string) => `(SELECT code FROM counties WHERE n = (${g}) % (SELECT count(*) FROM counties) + 1)`;
  const sector = (g: string) => `(SELECT s FROM sectors WHERE n = (${g}) % 8 + 1)`;
  const code = (g: string) => `'91410000PLAN' || lpad((${g})::text, 6, '0')`;
  const provenance = (g: string) => `'EMERGENCY', 'plan-test', 'p-' || (${g}), now(), 'h'`;
  await run(`INSERT INTO "Enterprise" ("creditCode", name, sector, "sizeClass", "regionCode", "sourceDepartment", "sourceSystem", "sourceId", "fetchedAt", "contentHash", "updatedAt")
             SELECT ${code("g")}, '企业' || g, ${sector("g")}, CASE WHEN g % 3 = 0 THEN '规上' ELSE '小微' END, ${county("g")}, ${provenance("g")}, now()
             FROM generate_series(1, 20000) g`);
  await run(`INSERT INTO "RiskPoint" (id, "enterpriseCode", name, level, "onlineMonitored", "regionCode", "sourceDepartment", "sourceSystem", "sourceId", "fetchedAt", "contentHash")
             SELECT gen_random_uuid()::text, ${code("g % 20000 + 1")}, '风险点' || g, (ARRAY['RED','ORANGE','YELLOW','BLUE'])[g % 4 + 1]::"RiskLevel", g % 5 = 0, ${county("g % 20000 + 1")}, ${provenance("g")}
             FROM generate_series(1, 100000) g`);
  await run(`INSERT INTO "Hazard" (id, "enterpriseCode", grade, state, description, "discoverySource", "foundAt", "regionCode", sector, deadline, "supervisedBy", "sourceDepartment", "sourceSystem", "sourceId", "fetchedAt", "contentHash")
             SELECT gen_random_uuid()::text, ${code("g % 20000 + 1")}, CASE WHEN g % 50 = 0 THEN 'MAJOR' ELSE 'GENERAL' END::"HazardGrade",
                    (ARRAY['CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','REPORTED','RECTIFYING','PENDING_ACCEPTANCE','CANCELLED'])[g % 11 + 1]::"HazardState",
                    '隐患' || g, '1 日常排查', now() - (g % 1000) * interval '1 day', ${county("g % 20000 + 1")}, ${sector("g % 20000 + 1")},
                    CASE WHEN g % 7 = 0 THEN NULL ELSE (now() + (g % 60 - 30) * interval '1 day')::date END, CASE WHEN g % 97 = 0 THEN 'EMERGENCY@410000' END, ${provenance("g")}
             FROM generate_series(1, 200000) g`);
  await run(`INSERT INTO "MonitoringPoint" (code, name, "enterpriseCode", indicator, "regionCode", "lastValue", "lastReadingAt", "sourceDepartment", "sourceSystem", "sourceId", "fetchedAt", "contentHash")
             SELECT 'JC-PLAN-' || lpad(g::text, 6, '0'), '点位' || g, ${code("g % 20000 + 1")}, (ARRAY['LEVEL','TEMPERATURE','PRESSURE','FLOW','COMBUSTIBLE_GAS','TOXIC_GAS','VIDEO'])[g % 7 + 1]::"MonitoringIndicator",
                    ${county("g % 20000 + 1")}, g % 10, now() - (g % 120) * interval '1 minute', ${provenance("g")}
             FROM generate_series(1, 60000) g`);
  await run(`INSERT INTO "MonitoringAlarm" (id, "pointCode", "enterpriseCode", "regionCode", indicator, level, value, "raisedAt", state, "sourceDepartment", "sourceSystem", "sourceId", "fetchedAt", "contentHash")
             SELECT gen_random_uuid()::text, 'JC-PLAN-' || lpad((g % 60000 + 1)::text, 6, '0'), ${code("(g % 60000 + 1) % 20000 + 1")}, ${county("(g % 60000 + 1) % 20000 + 1")},
                    (ARRAY['LEVEL','TEMPERATURE','PRESSURE','FLOW','COMBUSTIBLE_GAS','TOXIC_GAS','VIDEO'])[(g % 60000 + 1) % 7 + 1]::"MonitoringIndicator",
                    (ARRAY['LOW_LOW','LOW','HIGH','HIGH_HIGH'])[g % 4 + 1]::"AlarmLevel", g % 100, now() - (g % 2000) * interval '1 hour',
                    (ARRAY['CLEARED','CLEARED','CLEARED','CLEARED','CLEARED','CLEARED','CLEARED','RAISED','ACKNOWLEDGED','HANDLED'])[g % 10 + 1]::"AlarmState", ${provenance("g")}
             FROM generate_series(1, 100000) g`);
  // statistics of every row (a sample would make the planner's estimates, and so the plans, differ run to run)
  await inTransaction(db.prisma, async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL default_statistics_target = 1000`);
    await tx.$executeRawUnsafe(`ANALYZE`);
  });
}

beforeAll(async () => {
  if (skip) return;
  scratch = await scratchDatabase(TEST_DATABASE_URL, "emhub-plans");
  await loadSamples(scratch.db.prisma, { trigger: "cli", placement: { at: null } });
  await generate(scratch.db);
  const config = { ...loadConfig({}), dataDir: scratch.dataDir };
  schema = await hubSchema();
  deps = { db: scratch.db, config, catalog: loadCatalog(CATALOG_FILE), tables: await loadTables(scratch.db.sql), auth: await createAuthenticator(config), events: createEventBus(), disk: NO_DISK_GUARD };
  const issuer = await loadOrCreateDevIssuer(scratch.dataDir);
  tokens = {
    province: await issuer.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410000" }),
    county: await issuer.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410202" }),
    regulator: await issuer.signToken({ department: "HOUSING", roles: ["SUPERVISOR"], region: "4102" }),
  };
  // an enterprise of the samples (its credit code is a valid one), and a sector of the generated rows
  const [own] = await scratch.db.sql(`SELECT "creditCode" FROM "Enterprise" WHERE "sourceSystem" <> 'plan-test' ORDER BY "creditCode" LIMIT 1`, []);
  const [row] = await scratch.db.sql(`SELECT sector FROM "Enterprise" WHERE "sourceSystem" = 'plan-test' ORDER BY "creditCode" LIMIT 1`, []);
  sample = { enterprise: own!.creditCode as string, sector: row!.sector as string };
}, 900_000);
afterAll(async () => {
  if (!process.env.PLAN_KEEP) await scratch?.drop();
});

/** A value for a filter field, from its name and type: one the generated data holds where it matters. */
function valueFor(name: string, type: GraphQLInputType): unknown {
  const named = getNamedType(type);
  const list = isListType(isNonNullType(type) ? type.ofType : type);
  let value: unknown;
  if (isEnumType(named)) value = named.getValues()[named.getValues().length > 1 ? 1 : 0]!.value;
  else if (named.name === "Boolean") value = name === "open" ? true : false;
  else if (named.name === "Int" || named.name === "Float") value = 1;
  else if (name === "region" || name === "parent") value = "4102";
  else if (name === "sector") value = sample.sector;
  else if (name === "enterprise" || name === "enterpriseCode") value = sample.enterprise;
  else if (named.name === "String") value = "化工";
  else return undefined;
  return list ? [value] : value;
}

interface Case {
  list: string;
  order: string | null;
  filter: Record<string, unknown>;
}

/** Every root list with its orders and filters, as the schema states them. */
function cases(): Case[] {
  const out: Case[] = [];
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    const type = getNamedType(field.type);
    if (!isObjectType(type) || !type.name.endsWith("Connection")) continue;
    const orderArg = field.args.find((a) => a.name === "orderBy");
    const orderType = orderArg ? getNamedType(orderArg.type) : null;
    const orders: Array<string | null> = orderType && isEnumType(orderType) ? orderType.getValues().map((v) => v.name) : [null];
    const filterArg = field.args.find((a) => a.name === "filter");
    const filterType = filterArg ? getNamedType(filterArg.type) : null;
    const filters: Array<Record<string, unknown>> = [{}];
    if (filterType && isInputObjectType(filterType)) {
      const fields = Object.values(filterType.getFields());
      const stateParts = fields.filter((f) => ["open", "states"].includes(f.name)).map((f) => ({ [f.name]: valueFor(f.name, f.type) }));
      for (const f of fields) {
        // a substring of free text is a text search, not a list order: no b-tree serves it (see the README's benchmarks)
        if (f.name === "nameContains") continue;
        const value = valueFor(f.name, f.type);
        if (value === undefined) continue;
        filters.push({ [f.name]: value });
        if (f.name !== "region" && fields.some((g) => g.name === "region")) filters.push({ [f.name]: value, region: "410202" });
        for (const state of stateParts) if (!(f.name in state)) filters.push({ [f.name]: value, ...state });
      }
    }
    for (const order of orders) for (const filter of filters) out.push({ list: field.name, order, filter });
  }
  return out;
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Plan Rows": number;
  Plans?: PlanNode[];
}

/** The big tables a plan node reads, itself and below it. */
function tablesUnder(node: PlanNode, bigTables: ReadonlySet<string>): string[] {
  const own = node["Relation Name"] && bigTables.has(node["Relation Name"]) ? [node["Relation Name"]] : [];
  return [...own, ...(node.Plans ?? []).flatMap((child) => tablesUnder(child, bigTables))];
}

/**
 * What in a plan reads more than a page of a big table: a sequential scan of
 * it, a sort of more of its rows than `sortable`: about a page (a filter's
 * matches are estimated, and a page read whole and sorted costs what an index
 * would read); a few pages where a condition takes several values at once — a
 * regulator's sectors, the open states — whose index ranges PostgreSQL merges
 * by sorting them.
 */
function problems(plan: PlanNode, bigTables: ReadonlySet<string>, sortable = ABOUT_A_PAGE): string[] {
  const found: string[] = [];
  const visit = (node: PlanNode) => {
    if (node["Node Type"] === "Seq Scan" && bigTables.has(node["Relation Name"]!)) found.push(`Seq Scan on ${node["Relation Name"]}`);
    const sorted = tablesUnder(node, bigTables);
    if (node["Node Type"] === "Sort" && node["Plan Rows"] > sortable && sorted.length > 0) found.push(`Sort of ${node["Plan Rows"]} rows of ${sorted.join(", ")}`);
    for (const child of node.Plans ?? []) visit(child);
  };
  visit(plan);
  return found;
}

describe.skipIf(skip)("every list at province scale", () => {
  it("is answered from an index: no sequential scan of a big table, no sort of more than about a page", async () => {
    const sizes = await scratch.db.sql(`SELECT relname, reltuples::bigint AS rows FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`, []);
    const bigTables = new Set(sizes.filter((r) => Number(r.rows) >= BIG_ROWS).map((r) => r.relname as string));
    expect([...bigTables].sort()).toEqual(expect.arrayContaining(["Enterprise", "Hazard", "RiskPoint"]));
    const failures: string[] = [];
    let explained = 0;
    const all = cases();
    expect(all.length).toBeGreaterThan(100);
    for (const [who, token] of Object.entries(tokens)) {
      const principal = await principalFor(deps, `Bearer ${token}`);
      for (const c of all) {
        const statements: Array<{ text: string; params: readonly unknown[] }> = [];
        // the Reader's statements are explained, not run: each answers no rows
        const explaining: SqlRunner = async (statement, values) => {
          const { text, values: params } = statementOf(statement, values);
          if (/^SELECT\b/.test(text) && /\bLIMIT \d+$/.test(text)) statements.push({ text, params });
          return [];
        };
        const context = contextFor({ ...deps, db: { ...deps.db, sql: explaining } }, principal);
        const args = [`first: ${PAGE}`, `after: "${encodeCursor("00000000-0000-0000-0000-000000000000")}"`, c.order ? `orderBy: ${c.order}` : null, Object.keys(c.filter).length ? "filter: $filter" : null].filter(Boolean);
        const query = `query ($filter: ${filterTypeName(c.list)}) { ${c.list}(${args.join(", ")}) { edges { node { __typename } } } }`;
        const result = await execute({ schema, document: parse(query.replace("($filter: null)", "")), contextValue: context, variableValues: { filter: c.filter } });
        const refused = result.errors?.filter((e) => !["FORBIDDEN"].includes(String(e.extensions?.code)));
        if (refused?.length) failures.push(`${who} ${c.list} ${c.order} ${JSON.stringify(c.filter)}: ${refused[0]!.message}`);
        for (const statement of statements) {
          const [row] = await scratch.db.sql(`EXPLAIN (FORMAT JSON) ${statement.text}`, statement.params);
          const plan = (row!["QUERY PLAN"] as Array<{ Plan: PlanNode }>)[0]!.Plan;
          explained++;
          if (process.env.PLAN_DUMP && problems(plan, bigTables).length > 0) console.log(`PLAN ${c.list} ${c.order} ${JSON.stringify(c.filter)}\n${statement.text}\n${JSON.stringify(statement.params)}`);
          const severalValues = who === "regulator" || c.list === "overdueHazards" || c.filter.open === true || (Array.isArray(c.filter.states) && c.filter.states.length > 1);
          for (const problem of problems(plan, bigTables, severalValues ? SEVERAL_VALUES_SORT : ABOUT_A_PAGE)) failures.push(`${who} ${c.list}(orderBy: ${c.order ?? "-"}, filter: ${JSON.stringify(c.filter)}): ${problem}`);
        }
      }
    }
    expect(explained).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  }, 900_000);
});

function filterTypeName(list: string): string {
  const arg = schema.getQueryType()!.getFields()[list]!.args.find((a) => a.name === "filter");
  return arg ? getNamedType(arg.type).name : "null";
}
