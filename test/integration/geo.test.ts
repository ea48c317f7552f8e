/**
 * Map-ready data: GeoJSON on records and warnings (RFC 7946, longitude first),
 * whole layers as FeatureCollections in the caller's scope with the API's
 * properties, and what a warning's areas hold.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROVINCE_BOUNDS } from "../../src/core/geo.js";
import { GEO_LAYERS } from "../../src/server/geo-route.js";
import { startTestHub, type TestHub } from "../helpers/start-server.js";

let t: TestHub;
beforeAll(async () => {
  // the samples placed at now, so that their warnings are in force
  t = await startTestHub({}, { placeAt: new Date() });
});
afterAll(async () => {
  await t?.stop();
});

const henan = PROVINCE_BOUNDS["41"]!;
type Geometry = { type: string; coordinates: unknown };
type FeatureCollection = { type: string; features: Array<{ type: string; id: string; geometry: Geometry | null; properties: Record<string, unknown> }> };

const token = (region: string) => t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region });
const layer = async (name: string, as?: string, region?: string) => {
  const res = await fetch(`${t.hub.url}/geo/${name}.geojson${region ? `?region=${region}` : ""}`, { headers: as ? { authorization: `Bearer ${as}` } : {} });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^application\/geo\+json/);
  return (await res.json()) as FeatureCollection;
};

/** Every position of a geometry, as [lon, lat]. */
function positions(geometry: Geometry): number[][] {
  const walk = (value: unknown): number[][] => (typeof (value as unknown[])[0] === "number" ? [value as number[]] : (value as unknown[]).flatMap(walk));
  return walk(geometry.coordinates);
}
const insideHenan = ([lon, lat]: number[]) => lon! >= henan.minLon && lon! <= henan.maxLon && lat! >= henan.minLat && lat! <= henan.maxLat;
const ringArea = (ring: number[][]) => ring.slice(0, -1).reduce((sum, p, i) => sum + p[0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * p[1]!, 0);

describe("GeoJSON layers", () => {
  it("are RFC 7946 FeatureCollections with longitude-first positions inside Henan, for every layer", async () => {
    const admin = await t.signToken({ department: null, roles: ["ADMIN"], region: "410000" });
    for (const name of Object.keys(GEO_LAYERS)) {
      const collection = await layer(name, admin);
      expect(collection.type, name).toBe("FeatureCollection");
      expect(collection.features.length, name).toBeGreaterThan(0);
      for (const feature of collection.features) {
        expect(feature.type).toBe("Feature");
        if (feature.geometry === null) continue;
        expect(["Point", "Polygon", "MultiPolygon"]).toContain(feature.geometry.type);
        for (const position of positions(feature.geometry)) expect(insideHenan(position), `${name} ${JSON.stringify(position)}`).toBe(true);
        if (feature.geometry.type === "Polygon") {
          const ring = (feature.geometry.coordinates as number[][][])[0]!;
          expect(ring[0]).toEqual(ring[ring.length - 1]);
          expect(ringArea(ring)).toBeGreaterThan(0); // exterior ring counter-clockwise
        }
      }
    }
  });

  it("hold what the caller's token may read, with the same properties as the API", async () => {
    const county = await token("410202");
    const shelters = await layer("shelters", county);
    expect(shelters.features.map((f) => f.properties.regionCode)).toEqual(expect.arrayContaining([expect.stringMatching(/^410202/)]));
    // shelters are public: a county's reader reads every shelter the public reads (public data is a floor)
    const anonymous = await layer("shelters");
    expect(shelters.features.map((f) => f.id).sort()).toEqual(anonymous.features.map((f) => f.id).sort());
    expect(shelters.features.some((f) => !String(f.properties.regionCode).startsWith("4102"))).toBe(true);
    const api = await t.request<{ shelters: { edges: Array<{ node: { id: string; name: string; lat: number; lon: number; capacity: number } }> } }, never>(
      "{ shelters(first: 200) { edges { node { id name lat lon capacity } } } }",
      undefined,
      county,
    );
    expect(shelters.features.map((f) => f.id).sort()).toEqual(api.data!.shelters.edges.map((e) => e.node.id).sort());
    for (const { node } of api.data!.shelters.edges) {
      const feature = shelters.features.find((f) => f.id === node.id)!;
      expect(feature.geometry).toEqual({ type: "Point", coordinates: [node.lon, node.lat] });
      expect(feature.properties).toMatchObject({ name: node.name, capacity: node.capacity });
    }
    // a region narrows the layer; enterprises are not public, so an anonymous caller gets none
    expect((await layer("shelters", await token("4102"), "410205")).features.every((f) => String(f.properties.regionCode).startsWith("410205"))).toBe(true);
    expect((await layer("enterprises")).features).toEqual([]);
    // the monitors of geological hazard points are personal data: masked as the API masks them
    const analyst = await t.signToken({ department: "WATER", roles: ["ANALYST"], region: "41" });
    const points = await layer("geo-hazard-points", analyst);
    const apiPoints = await t.request<{ geoHazardPoints: { edges: Array<{ node: { id: string; monitorName: string | null; monitorPhone: string | null } }> } }, never>(
      "{ geoHazardPoints(first: 200) { edges { node { id monitorName monitorPhone } } } }",
      undefined,
      analyst,
    );
    expect(points.features.length).toBe(apiPoints.data!.geoHazardPoints.edges.length);
    for (const { node } of apiPoints.data!.geoHazardPoints.edges) {
      const feature = points.features.find((f) => f.id === node.id)!;
      expect(feature.properties).toMatchObject({ monitorName: node.monitorName, monitorPhone: node.monitorPhone });
      if (node.monitorPhone) expect(node.monitorPhone).toMatch(/\*/);
    }
  });

  it("answers an unknown layer with the hub's error body, and gives a default boundary", async () => {
    const res = await fetch(`${t.hub.url}/geo/nothing.geojson`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe("NOT_FOUND");
    const boundary = (await (await fetch(`${t.hub.url}/geo/boundary.geojson`)).json()) as FeatureCollection;
    expect(boundary.features[0]!.geometry!.type).toBe("Polygon");
  });
});

describe("mutual aid", () => {
  it("lets a district read the city's teams and depots and every public shelter, and only its own district's enterprises", async () => {
    const district = await token("410202");
    const res = await t.request<Record<string, { edges: Array<{ node: { regionCode: string; contactName?: string | null } }> }>, never>(
      "{ shelters(first: 200) { edges { node { regionCode contactName } } } rescueTeams(first: 200) { edges { node { regionCode } } } supplyDepots(first: 200) { edges { node { regionCode } } } enterprises(first: 200) { edges { node { regionCode } } } }",
      undefined,
      district,
    );
    const regions = (list: string) => res.data![list]!.edges.map((e) => e.node.regionCode);
    // a reader reads at least what the public reads: every shelter; beyond its city, only what the public reads of one
    const anonymous = await t.request<{ shelters: { totalCount: number } }, never>("{ shelters(first: 1) { totalCount } }");
    expect(regions("shelters").length).toBe(anonymous.data!.shelters.totalCount);
    expect(res.data!.shelters.edges.some((e) => e.node.contactName !== null)).toBe(true);
    // 安阳's reader reads every shelter too, and the contacts of its own city's only (安阳 has no partner city)
    const yinduShelters = await t.request<{ shelters: { edges: Array<{ node: { regionCode: string; contactName: string | null } }> } }, never>("{ shelters(first: 200) { edges { node { regionCode contactName } } } }", undefined, await token("410505"));
    expect(yinduShelters.data!.shelters.edges.length).toBe(anonymous.data!.shelters.totalCount);
    const beyond = yinduShelters.data!.shelters.edges.filter((e) => !e.node.regionCode.startsWith("4105"));
    expect(beyond.length).toBeGreaterThan(0);
    expect(beyond.every((e) => e.node.contactName === null)).toBe(true);
    for (const list of ["rescueTeams", "supplyDepots"]) {
      // the city's, and across the city line the partner city the catalogue gives 开封 (郑开: 郑州), nothing else
      expect(regions(list).every((r) => r.startsWith("4102") || r.startsWith("4101")), list).toBe(true);
      expect(regions(list).some((r) => r.startsWith("4102") && !r.startsWith("410202")), list).toBe(true);
    }
    expect(regions("rescueTeams").some((r) => r.startsWith("4101"))).toBe(true);
    // 安阳 has no such partner: its district reads its own city's teams only
    const yindu = await t.request<{ rescueTeams: { edges: Array<{ node: { regionCode: string } }> } }, never>("{ rescueTeams(first: 200) { edges { node { regionCode } } } }", undefined, await token("410505"));
    expect(yindu.data!.rescueTeams.edges.every((e) => e.node.regionCode.startsWith("4105"))).toBe(true);
    // 上街区 (郑州) reads 开封's teams across the city line
    const shangjie = await t.request<{ rescueTeams: { edges: Array<{ node: { regionCode: string } }> } }, never>("{ rescueTeams(first: 200) { edges { node { regionCode } } } }", undefined, await token("410106"));
    expect(shangjie.data!.rescueTeams.edges.some((e) => e.node.regionCode.startsWith("4102"))).toBe(true);
    expect(regions("enterprises").length).toBeGreaterThan(0);
    expect(regions("enterprises").every((r) => r.startsWith("410202"))).toBe(true);
  });
});

describe("Warning.affected", () => {
  const QUERY = `{ warnings(filter: { region: "4102", status: ACTIVE, minLevel: ORANGE }) { edges { node { identifier headline geometry
    areas { geometry }
    affected { total shelterCapacity shelters { name regionCode lat lon capacity } rescueTeams { name } supplyDepots { name } roadHazards { name } enterprises { name regionCode } } } } } }`;
  type Node = { identifier: string; headline: string; geometry: Geometry | null; affected: { total: number; shelterCapacity: number; shelters: Array<{ name: string; regionCode: string; lat: number; lon: number; capacity: number }>; roadHazards: unknown[] } };
  const kaifengRainstorm = async (as?: string) => {
    const res = await t.request<{ warnings: { edges: Array<{ node: Node }> } }, never>(QUERY, undefined, as);
    expect(res.errors).toBeUndefined();
    return res.data!.warnings.edges.map((e) => e.node).find((n) => n.headline.includes("开封市气象台升级发布暴雨橙色预警"))!;
  };

  it("lists the shelters inside the warning's polygon, with their capacity, in the reader's scope", async () => {
    const city = await kaifengRainstorm(await token("4102"));
    expect(city.geometry?.type).toBe("Polygon");
    const [ring] = city.geometry!.coordinates as number[][][];
    const lons = ring!.map((p) => p[0]!);
    const lats = ring!.map((p) => p[1]!);
    expect(city.affected.shelters.length).toBeGreaterThan(1);
    for (const shelter of city.affected.shelters) {
      expect(shelter.lon).toBeGreaterThanOrEqual(Math.min(...lons));
      expect(shelter.lon).toBeLessThanOrEqual(Math.max(...lons));
      expect(shelter.lat).toBeGreaterThanOrEqual(Math.min(...lats));
      expect(shelter.lat).toBeLessThanOrEqual(Math.max(...lats));
    }
    expect(city.affected.shelterCapacity).toBe(city.affected.shelters.reduce((sum, s) => sum + s.capacity, 0));
    // the shelter of 兰考 east of the polygon is not affected
    const all = await layer("shelters", await token("4102"));
    const outside = all.features.filter((f) => (f.geometry!.coordinates as number[])[0]! > Math.max(...lons));
    expect(outside.length).toBeGreaterThan(0);
    for (const feature of outside) expect(city.affected.shelters.map((s) => s.name)).not.toContain(feature.properties.name);

    // a district's reader: the city's shelters (mutual aid), but only its own district's enterprises
    const district = await kaifengRainstorm(await token("410202"));
    expect(district.affected.shelters.map((s) => s.name).sort()).toEqual(city.affected.shelters.map((s) => s.name).sort());
    const enterprises = (reader: Node) => (reader.affected as unknown as { enterprises: Array<{ regionCode: string }> }).enterprises;
    expect(enterprises(city).length).toBeGreaterThan(enterprises(district).length);
    expect(enterprises(district).every((e) => e.regionCode.startsWith("410202"))).toBe(true);
    // a 上街区 reader reads 开封's warning as the public does, and none of 开封's enterprises
    const elsewhere = await kaifengRainstorm(await token("410106"));
    expect(enterprises(elsewhere)).toEqual([]);
  });
});
