import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  EnterpriseFileDocument,
  EnterprisesDocument,
  NodeByIdDocument,
  RegionTreeDocument,
  SheltersDocument,
  type SheltersQuery,
} from "../generated/graphql.js";
import { startTestHub, type TestHub } from "../helpers/start-server.js";
import { wsClient, wsExecute } from "../helpers/ws-client.js";

let t: TestHub;
/** An emergency-bureau supervisor for the whole province: sees every record of the samples. */
let token: string;
beforeAll(async () => {
  t = await startTestHub();
  token = await t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410000" });
});
afterAll(async () => {
  await t?.stop();
});

/** region { parent { parent { … { code } } } }: a query `depth` levels deep. */
function deepQuery(depth: number): string {
  let selection = "code";
  for (let i = 0; i < depth - 1; i++) selection = `parent { ${selection} }`;
  return `{ region(code: "410106") { ${selection} } }`;
}

describe("read graph over HTTP", () => {
  it("lists shelters with a total and the sample's real names", async () => {
    const res = await t.request(SheltersDocument, { first: 5 }, token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.shelters.totalCount).toBeGreaterThan(5);
    expect(res.data!.shelters.edges).toHaveLength(5);
    expect(res.data!.shelters.pageInfo.hasNextPage).toBe(true);
    const shangjie = await t.request(SheltersDocument, { first: 50, filter: { region: "410106" } }, token);
    const names = shangjie.data!.shelters.edges.map((e) => e.node.name);
    expect(names).toEqual(expect.arrayContaining(["铝城公园", "亚星盛世广场", "洛宁路游园", "淮阳路游园", "新安路游园", "体育中心"]));
    expect(shangjie.data!.shelters.edges.every((e) => e.node.regionCode.startsWith("410106"))).toBe(true);
  });

  it("filters by a division prefix: 4102 and 410200 both mean all of Kaifeng", async () => {
    const short = await t.request(SheltersDocument, { first: 100, filter: { region: "4102" } }, token);
    const long = await t.request(SheltersDocument, { first: 100, filter: { region: "410200" } }, token);
    expect(short.data!.shelters.totalCount).toBeGreaterThan(0);
    expect(long.data!.shelters.totalCount).toBe(short.data!.shelters.totalCount);
    expect(short.data!.shelters.edges.every((e) => e.node.regionCode.startsWith("4102"))).toBe(true);
  });

  it("pages with cursors without repeating or skipping rows", async () => {
    const all = await t.request(SheltersDocument, { first: 100 }, token);
    const ids: string[] = [];
    let after: string | null | undefined = undefined;
    do {
      const page: SheltersQuery = (await t.request(SheltersDocument, { first: 3, after }, token)).data!;
      ids.push(...page.shelters.edges.map((e) => e.node.id));
      after = page.shelters.pageInfo.hasNextPage ? page.shelters.pageInfo.endCursor : null;
    } while (after);
    expect(ids).toEqual(all.data!.shelters.edges.map((e) => e.node.id));
  });

  it("pages `near` results by cursor in the order of the whole list, whatever the page size", async () => {
    const near = { lat: 34.79, lon: 114.33, radiusKm: 200 };
    const whole = await t.request(SheltersDocument, { first: 200, near }, token);
    const all = whole.data!.shelters.edges.map((e) => [e.node.id, e.distanceKm]);
    expect(all.length).toBeGreaterThan(4);
    const paged: Array<[string, number | null | undefined]> = [];
    let after: string | null | undefined;
    do {
      const res = await t.request(SheltersDocument, { first: 2, after, near }, token);
      expect(res.errors).toBeUndefined();
      paged.push(...res.data!.shelters.edges.map((e): [string, number | null | undefined] => [e.node.id, e.distanceKm]));
      after = res.data!.shelters.pageInfo.hasNextPage ? res.data!.shelters.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toEqual(all);
  });

  it("orders `near` results by distance and returns it", async () => {
    const res = await t.request(SheltersDocument, { first: 20, near: { lat: 34.8, lon: 113.29, radiusKm: 5 } }, token);
    const distances = res.data!.shelters.edges.map((e) => e.distanceKm!);
    expect(distances.length).toBeGreaterThan(0);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(Math.max(...distances)).toBeLessThanOrEqual(5);
    expect(res.data!.shelters.totalCount).toBe(distances.length);
  });

  it("serves the enterprise file with its children and provenance", async () => {
    const list = await t.request(EnterprisesDocument, { first: 1, filter: { region: "4102" } }, token);
    const code = list.data!.enterprises.edges[0]!.node.creditCode;
    const res = await t.request(EnterpriseFileDocument, { code: code.toLowerCase() }, token);
    expect(res.errors).toBeUndefined();
    const file = res.data!.enterprise!;
    expect(file.creditCode).toBe(code);
    expect(file.region?.code).toBe(file.regionCode);
    expect(file.riskPoints.length).toBeGreaterThan(0);
    expect(file.riskPointCounts.reduce((n, c) => n + c.count, 0)).toBe(file.riskPoints.length);
    expect(file.provenance.version).toBeGreaterThanOrEqual(1);
  });

  it("labels each record with the department system it comes from: dual-prevention records and resource registers apart", async () => {
    const res = await t.request<{ enterprises: { edges: Array<{ node: { provenance: { sourceSystem: string } } }> }; shelters: { edges: Array<{ node: { provenance: { sourceSystem: string } } }> }; rescueTeams: { edges: Array<{ node: { provenance: { sourceSystem: string } } }> } }, never>(
      `{ enterprises(first: 1) { edges { node { provenance { sourceSystem } } } }
         shelters(first: 50) { edges { node { provenance { sourceSystem } } } }
         rescueTeams(first: 50) { edges { node { provenance { sourceSystem } } } } }`,
      undefined,
      token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.enterprises.edges[0]!.node.provenance.sourceSystem).toBe("河南省安全生产风险隐患双重预防体系");
    const resources = [...res.data!.shelters.edges, ...res.data!.rescueTeams.edges].map((e) => e.node.provenance.sourceSystem);
    expect(resources.length).toBeGreaterThan(10);
    expect(new Set(resources)).not.toContain("河南省安全生产风险隐患双重预防体系");
    expect(resources).toContain("河南省应急管理综合应用平台（应急资源）");
  });

  it("resolves node(id) for ids it issued", async () => {
    const list = await t.request(SheltersDocument, { first: 1 }, token);
    const shelter = list.data!.shelters.edges[0]!.node;
    const res = await t.request(NodeByIdDocument, { id: shelter.id }, token);
    expect(res.data!.node).toMatchObject({ __typename: "Shelter", id: shelter.id, name: shelter.name });
  });

  it("walks the division tree", async () => {
    const res = await t.request(RegionTreeDocument, { code: "410106" }, token);
    expect(res.data!.region).toMatchObject({ name: "上街区", level: "COUNTY", parent: { code: "410100", name: "郑州市" } });
    expect(res.data!.region!.children.map((c) => c.name)).toContain("峡窝镇");
  });
});

describe("bad input gets BAD_USER_INPUT naming the argument", () => {
  it("refuses an invalid credit code", async () => {
    const res = await t.request(EnterpriseFileDocument, { code: "not-a-code" }, token);
    expect(res.data?.enterprise ?? null).toBeNull();
    expect(res.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "code" });
    expect(res.errors![0]!.message).toContain("code");
  });

  it("refuses a credit code with a wrong check character", async () => {
    const res = await t.request(EnterpriseFileDocument, { code: "91350100M000100Y44" }, token);
    expect(res.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "code" });
    expect(res.errors![0]!.message).toContain("check character");
  });

  it.each([
    [{ filter: { region: "41x" } }, "filter.region"],
    [{ first: 100_000 }, "first"],
    [{ after: "bogus" }, "after"],
    [{ near: { lat: 34.8, lon: 113.3, radiusKm: 0 } }, "near.radiusKm"],
  ])("refuses %j", async (variables, argumentName) => {
    const res = await t.request(SheltersDocument, variables as never, token);
    expect(res.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName });
  });

  it("refuses a global id it did not issue", async () => {
    const res = await t.request(NodeByIdDocument, { id: "nonsense" }, token);
    expect(res.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "id" });
  });
});

describe("operation limits, on HTTP and WebSocket alike", () => {
  it("answers a query within the depth limit", async () => {
    const res = await t.request(deepQuery(5), undefined, token);
    expect(res.errors).toBeUndefined();
    expect(res.status).toBe(200);
  });

  it("refuses a 20-level query over HTTP", async () => {
    const res = await t.request(deepQuery(20), undefined, token);
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    expect(res.errors![0]!.message).toMatch(/depth/i);
  });

  it("refuses a 20-level query over WebSocket", async () => {
    const client = wsClient(t.wsUrl, { authorization: `Bearer ${token}` });
    try {
      const shallow = await wsExecute(client, deepQuery(3));
      expect(shallow.errors).toBeUndefined();
      const deep = await wsExecute(client, deepQuery(20));
      expect(deep.data).toBeUndefined();
      expect(deep.errors![0]!.message).toMatch(/depth/i);
    } finally {
      await client.dispose();
    }
  });

  it("refuses too many aliases", async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: regions(first: 1) { totalCount }`).join(" ");
    const res = await t.request(`{ ${aliases} }`, undefined, token);
    expect(res.status).toBe(400);
    expect(res.errors![0]!.message).toMatch(/alias/i);
  });
});

describe("health", () => {
  it("answers /healthz and /readyz", async () => {
    const alive = await fetch(`${t.hub.url}/healthz`);
    expect(alive.status).toBe(200);
    const ready = await fetch(`${t.hub.url}/readyz`);
    expect(await ready.json()).toMatchObject({ status: "ready" });
  });

  it("keeps idle connections open longer than a proxy does, and says so", async () => {
    const res = await fetch(`${t.hub.url}/healthz`);
    expect(res.headers.get("keep-alive")).toBe(`timeout=${t.hub.config.keepAliveSeconds}`);
    expect(t.hub.config.keepAliveSeconds).toBeGreaterThan(60);
    const tuned = await startTestHub({ keepAliveSeconds: 120 }, { samples: false });
    try {
      expect((await fetch(`${tuned.hub.url}/healthz`)).headers.get("keep-alive")).toBe("timeout=120");
    } finally {
      await tuned.stop();
    }
  });
});
