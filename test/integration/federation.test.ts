/**
 * Federation: the hub's subgraph SDL composes with the sample earthquake
 * service, and a key the departments join on cannot be dropped; over real HTTP
 * the gateway (Hive Gateway over the composed supergraph) answers a query that
 * crosses both services, forwarding each caller's token, so scope and masking
 * through the gateway are the hub's own.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBGRAPH_FILE } from "../../src/cli/emit-schema.js";
import { PROJECT_ROOT } from "../../src/config/paths.js";
import { compose, composeFromConfig, CompositionError, serveGateway, type RunningGateway } from "../../src/federation/gateway.js";
import { startEarthquakeService, typeDefs as earthquakeTypeDefs } from "../../subgraphs/earthquake/server.js";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import type { HubConfig } from "../../src/config/config.js";
import { startTestHub, type TestHub } from "../helpers/start-server.js";
import { latencyBudgetMs } from "../helpers/wait.js";

const hubSdl = () => fs.readFileSync(SUBGRAPH_FILE, "utf8");
const earthquakeSdl = print(earthquakeTypeDefs);

describe("composition", () => {
  it("composes the hub's committed subgraph SDL with the earthquake service", () => {
    const supergraph = compose([
      { name: "emhub", url: "http://hub/subgraph", sdl: hubSdl() },
      { name: "earthquake", url: "http://dzj/graphql", sdl: earthquakeSdl },
    ]);
    expect(supergraph).toMatch(/earthquakes\(since: String\): \[Earthquake!\]!/);
    expect(supergraph).toMatch(/@join__type\(graph: EMHUB, key: "code"\)/);
  });

  it("fails when the hub drops the key a department joins on (Region by code)", () => {
    const withoutRegionKey = hubSdl().replace(/(type Region[^{]*?)\s*@key\(fields: "code"\)/, "$1");
    expect(withoutRegionKey).not.toBe(hubSdl());
    expect(() => compose([{ name: "emhub", url: "http://hub/subgraph", sdl: withoutRegionKey }, { name: "earthquake", url: "http://dzj/graphql", sdl: earthquakeSdl }])).toThrow(CompositionError);
  });
});

describe("emhub gateway --compose-only", () => {
  const run = (config: string) => spawnSync(process.execPath, [path.join(PROJECT_ROOT, "bin/emhub.js"), "gateway", "--compose-only", "--config", config], { encoding: "utf8" });
  const configWith = (hub: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emhub-compose-"));
    fs.writeFileSync(path.join(dir, "hub.graphql"), hub);
    fs.writeFileSync(path.join(dir, "earthquake.graphql"), earthquakeSdl);
    fs.writeFileSync(
      path.join(dir, "gateway.yaml"),
      "supergraph: supergraph.graphql\nsubgraphs:\n  - { name: emhub, url: http://hub/subgraph, sdl: hub.graphql }\n  - { name: earthquake, url: http://dzj/graphql, sdl: earthquake.graphql }\n",
    );
    return dir;
  };

  it("writes the supergraph of SDL files, and says what is wrong when they do not compose", () => {
    const good = configWith(hubSdl());
    const composed = run(path.join(good, "gateway.yaml"));
    expect(composed.status).toBe(0);
    expect(fs.readFileSync(path.join(good, "supergraph.graphql"), "utf8")).toMatch(/join__Graph/);
    const bad = configWith(hubSdl().replace(/(type Region[^{]*?)\s*@key\(fields: "code"\)/, "$1"));
    const refused = run(path.join(bad, "gateway.yaml"));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/composition failed:\n  - .*Region/);
    expect(fs.existsSync(path.join(bad, "supergraph.graphql"))).toBe(false);
  });
});

/**
 * A department service the hub has never seen: 市场监管's special-equipment inspections, each naming the
 * enterprises it covered by credit code (entities the hub resolves under its own policy, not public).
 */
async function startInspectionService(codes: string[]): Promise<{ url: string; stop: () => Promise<void> }> {
  const typeDefs = parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type Inspection @key(fields: "id") { id: ID! kind: String! enterprises: [Enterprise]! lead: Enterprise }
    type Enterprise @key(fields: "creditCode", resolvable: false) { creditCode: String! }
    type Query { inspections: [Inspection!]! }
  `);
  const inspection = { id: "TZSB-2026-001", kind: "特种设备安全检查", enterprises: codes.map((creditCode) => ({ __typename: "Enterprise", creditCode })), lead: { __typename: "Enterprise", creditCode: codes[0] } };
  const server = new ApolloServer({ schema: buildSubgraphSchema({ typeDefs, resolvers: { Query: { inspections: () => [inspection] } } as never }) });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: "127.0.0.1" } });
  return { url, stop: () => server.stop() };
}

describe("through the gateway", () => {
  let t: TestHub;
  let quake: { url: string; stop: () => Promise<void> };
  let inspections: { url: string; stop: () => Promise<void> };
  let gateway: RunningGateway;
  let enterpriseCodes: { kaifeng: string; shangjie: string };
  beforeAll(async () => {
    t = await startTestHub({}, { placeAt: new Date() });
    quake = await startEarthquakeService(0);
    const admin = await t.signToken({ department: "EMERGENCY", roles: ["ADMIN"], region: "41" });
    const all = await t.request<{ enterprises: { edges: Array<{ node: { creditCode: string; regionCode: string } }> } }, never>("{ enterprises(first: 200) { edges { node { creditCode regionCode } } } }", undefined, admin);
    const codeIn = (prefix: string) => all.data!.enterprises.edges.find((e) => e.node.regionCode.startsWith(prefix))!.node.creditCode;
    enterpriseCodes = { kaifeng: codeIn("4102"), shangjie: codeIn("410106") };
    inspections = await startInspectionService([enterpriseCodes.kaifeng, enterpriseCodes.shangjie]);
    const supergraph = await composeFromConfig({
      supergraph: path.join(fs.mkdtempSync(path.join(os.tmpdir(), "emhub-gateway-")), "supergraph.graphql"),
      subgraphs: [
        { name: "emhub", url: `${t.hub.url}/subgraph`, hub: true },
        { name: "earthquake", url: quake.url, hub: false },
        { name: "inspections", url: inspections.url, hub: false },
      ],
    });
    gateway = await serveGateway(supergraph, 0, "127.0.0.1", { config: t.hub.config, hubs: ["emhub"] });
  });
  afterAll(async () => {
    await gateway?.stop();
    await quake?.stop();
    await inspections?.stop();
    await t?.stop();
  });

  it("leaves an entity the hub does not show the caller out, without an error, in a list and in a field", async () => {
    const query = "{ inspections { id kind enterprises { creditCode name } lead { creditCode name } } }";
    const county = await ask<{ inspections: Array<{ enterprises: Array<{ creditCode: string; name: string }>; lead: { creditCode: string } | null }> }>(gateway.url, query, await supervisor("410106"));
    expect(county.errors).toBeUndefined();
    const [inspection] = county.data!.inspections;
    expect(inspection!.enterprises.map((e) => e.creditCode)).toEqual([enterpriseCodes.shangjie]);
    expect(inspection!.lead).toBeNull(); // the lead enterprise is 开封's
    const province = await ask<{ inspections: Array<{ enterprises: Array<{ creditCode: string }> }> }>(gateway.url, query, await supervisor("41"));
    expect(province.errors).toBeUndefined();
    expect(province.data!.inspections[0]!.enterprises.map((e) => e.creditCode)).toEqual([enterpriseCodes.kaifeng, enterpriseCodes.shangjie]);
    const anonymous = await ask<{ inspections: Array<{ enterprises: unknown[] }> }>(gateway.url, query);
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data!.inspections[0]!.enterprises).toEqual([]);
  });

  const ask = async <T>(url: string, query: string, token?: string) => {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query }) });
    return (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
  };
  const supervisor = (region: string) => t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region });

  type Quake = { place: string; regionCode: string; region: { code: string; name: string; situation: { sheltersOpen: number; hazardsOpen: number | null } | null }; nearbyShelters: Array<{ code: string; name: string; capacity: number; address: string | null; contactPhone: string | null } | null> };
  const QUAKES = `{ earthquakes { place regionCode region { code name situation { sheltersOpen hazardsOpen } } nearbyShelters(radiusKm: 5) { code name capacity address contactPhone } } }`;
  const shangjie = (data: { earthquakes: Quake[] } | undefined) => data!.earthquakes.find((q) => q.regionCode === "410106")!;

  it("crosses both services: an earthquake's region with its figures, and the shelters near the epicentre, as the county sees them", async () => {
    const county = await ask<{ earthquakes: Quake[] }>(gateway.url, QUAKES, await supervisor("410106"));
    // shelters are public: every one near every epicentre resolves, and nothing is an error
    expect(county.errors).toBeUndefined();
    const quakeHere = shangjie(county.data);
    expect(quakeHere.region).toMatchObject({ code: "410106", name: "上街区" });
    expect(quakeHere.region.situation!.sheltersOpen).toBeGreaterThan(0);
    expect(quakeHere.region.situation!.hazardsOpen).toEqual(expect.any(Number));
    expect(quakeHere.nearbyShelters.length).toBeGreaterThan(0);
    for (const shelter of quakeHere.nearbyShelters) expect(shelter?.code).toMatch(/^410106-/);
    // the county's supervisor sees contacts unmasked, as on the hub's own API
    const direct = await t.request<{ shelters: { edges: Array<{ node: { code: string; contactPhone: string | null } }> } }, never>("{ shelters(first: 50) { edges { node { code contactPhone } } } }", undefined, await supervisor("410106"));
    for (const shelter of quakeHere.nearbyShelters) expect(shelter!.contactPhone).toBe(direct.data!.shelters.edges.find((e) => e.node.code === shelter!.code)!.node.contactPhone);
  });

  it("shows a reader of another city the shelters as the public reads them, and an anonymous caller the public fields only", async () => {
    // 安阳 (殷都区) is no partner of 郑州: 上街区's shelters are public to it, their contacts are not
    const elsewhere = await ask<{ earthquakes: Quake[] }>(gateway.url, QUAKES, await supervisor("410505"));
    expect(elsewhere.errors).toBeUndefined();
    const seenFromAnyang = shangjie(elsewhere.data);
    expect(seenFromAnyang.nearbyShelters.length).toBeGreaterThan(0);
    for (const shelter of seenFromAnyang.nearbyShelters) {
      expect(shelter!.name).toEqual(expect.any(String));
      expect(shelter!.contactPhone).toBeNull();
    }
    // the region's figures count what the reader reads: the public shelters too
    expect(seenFromAnyang.region.situation!.sheltersOpen).toBe(shangjie((await ask<{ earthquakes: Quake[] }>(gateway.url, QUAKES, await supervisor("410106"))).data).region.situation!.sheltersOpen);

    const anonymous = await ask<{ earthquakes: Quake[] }>(gateway.url, QUAKES);
    const seenByAnyone = shangjie(anonymous.data);
    expect(seenByAnyone.region.situation).toBeNull();
    expect(seenByAnyone.nearbyShelters.length).toBeGreaterThan(0);
    for (const shelter of seenByAnyone.nearbyShelters) {
      expect(shelter!.name).toEqual(expect.any(String)); // PUBLIC
      expect(shelter!.contactPhone).toBeNull(); // PERSONAL: not for the public
    }
  });

  it("masks entity fields resolved through _entities as the hub's API masks them", async () => {
    const analyst = await t.signToken({ department: "WATER", roles: ["ANALYST"], region: "410106" });
    const viaGateway = shangjie((await ask<{ earthquakes: Quake[] }>(gateway.url, QUAKES, analyst)).data);
    const phones = viaGateway.nearbyShelters.map((s) => s?.contactPhone).filter((p): p is string => typeof p === "string");
    expect(phones.length).toBeGreaterThan(0);
    for (const phone of phones) expect(phone).toMatch(/\*/);
  });

  it("answers the hub's own queries through the gateway exactly as the hub does, for each token", async () => {
    const query = `{ enterprises(first: 10) { edges { node { creditCode name sector legalRepresentativePhone riskPointCounts { level count } } } } shelters(first: 20) { totalCount edges { node { code name contactPhone } } } }`;
    for (const token of [await supervisor("4102"), await t.signToken({ department: "WATER", roles: ["ANALYST"], region: "41" }), undefined]) {
      const viaGateway = await ask(gateway.url, query, token);
      const direct = await t.request(query, undefined, token);
      expect(viaGateway.data).toEqual(direct.data);
    }
  });
});

describe("the gateway in production", () => {
  const SECRET = "gateway-secret-for-the-test-0123456789";
  let t: TestHub;
  let quake: { url: string; stop: () => Promise<void> };
  let gateway: RunningGateway;
  // production's settings (its issuers aside: the test signs with the development issuer)
  const production: Partial<HubConfig> = { introspection: false, trustedDocumentRoles: ["anonymous", "ENTERPRISE"], gatewaySecret: SECRET, rateLimitPerMinute: 1000 };
  beforeAll(async () => {
    t = await startTestHub(production, { placeAt: new Date() });
    quake = await startEarthquakeService(0);
    // composed by URL: the hub gives its SDL to the gateway's secret only
    const config = { supergraph: path.join(fs.mkdtempSync(path.join(os.tmpdir(), "emhub-gateway-")), "supergraph.graphql"), subgraphs: [{ name: "emhub", url: `${t.hub.url}/subgraph`, hub: true }, { name: "earthquake", url: quake.url, hub: false }] };
    await expect(composeFromConfig(config, null)).rejects.toThrow(/HTTP 403.*EMHUB_GATEWAY_SECRET/);
    gateway = await serveGateway(await composeFromConfig(config, SECRET), 0, "127.0.0.1", { config: t.hub.config, hubs: ["emhub"] });
  });
  afterAll(async () => {
    await gateway?.stop();
    await quake?.stop();
    await t?.stop();
  });
  const post = (url: string, body: unknown, token?: string) =>
    fetch(url, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });

  it("serves anonymous callers a trusted document, answered from the hub through the gateway's own query plan", async () => {
    const trusted = fs.readFileSync(path.join(PROJECT_ROOT, "schema/operations/resources.graphql"), "utf8");
    const res = await post(gateway.url, { query: trusted, operationName: "Shelters", variables: { near: { lat: 34.8, lon: 113.29, radiusKm: 5 }, first: 5 } });
    const body = (await res.json()) as { data?: { shelters: { edges: unknown[] } }; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    expect(body.data!.shelters.edges.length).toBeGreaterThan(0);
    // a free-form query is refused at the edge, as the hub refuses it
    const free = (await (await post(gateway.url, { query: "{ shelters(first: 1) { edges { node { name } } } }" })).json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(free.errors[0]!.extensions.code).toBe("TRUSTED_DOCUMENTS_ONLY");
    // and a token of no role the hub knows is held as an anonymous caller
    const citizen = await t.signToken({ department: null, roles: ["CITIZEN" as never], region: "410106" });
    const asCitizen = (await (await post(gateway.url, { query: "{ shelters(first: 1) { edges { node { name } } } }" }, citizen)).json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(asCitizen.errors[0]!.extensions.code).toBe("TRUSTED_DOCUMENTS_ONLY");
  });

  it("applies the hub's limits and closes introspection and its page", async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `q${i}: earthquakes { nearbyShelters(radiusKm: 500) { name } }`).join(" ");
    const supervisor = await t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410106" });
    const started = Date.now();
    const refused = (await (await post(gateway.url, { query: `{ ${aliases} }` }, supervisor)).json()) as { data?: unknown; errors: Array<{ message: string }> };
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors[0]!.message).toMatch(/token|aliases/i);
    expect(Date.now() - started).toBeLessThan(latencyBudgetMs(3_000));
    const introspection = (await (await post(gateway.url, { query: "{ __schema { types { name } } }" }, supervisor)).json()) as { errors?: unknown[] };
    expect(introspection.errors?.length).toBeGreaterThan(0);
    const page = await fetch(gateway.url, { headers: { accept: "text/html" } });
    expect(await page.text()).not.toMatch(/graphiql/i);
    // the subgraph's SDL is for the gateway only
    const sdl = await post(`${t.hub.url}/subgraph`, { query: "{ _service { sdl } }" });
    expect(sdl.status).toBe(403);
  });
});
