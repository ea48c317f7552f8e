import { describe, expect, it } from "vitest";
import { haversineKm } from "../../../src/core/geo.js";
import { areaGeometry, capCircle, capPolygonRing, circleRing, geocodePrefix, insideRing, placeInArea, pointGeometry, type Position } from "../../../src/core/geojson.js";

const signedArea = (ring: Position[]) => ring.slice(0, -1).reduce((sum, p, i) => sum + p[0] * ring[i + 1]![1] - ring[i + 1]![0] * p[1], 0);

describe("GeoJSON of the hub's records", () => {
  it("writes points longitude first", () => {
    expect(pointGeometry(34.8, 113.29)).toEqual({ type: "Point", coordinates: [113.29, 34.8] });
    expect(pointGeometry(null, 113.29)).toBeNull();
  });

  it("turns a CAP polygon (latitude first, clockwise or not) into a closed counter-clockwise ring", () => {
    const clockwise = "34.760,113.240 34.840,113.240 34.840,113.340 34.760,113.340 34.760,113.240";
    const ring = capPolygonRing(clockwise)!;
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(signedArea(ring)).toBeGreaterThan(0);
    expect(ring.every(([lon, lat]) => lon > 113 && lon < 114 && lat > 34 && lat < 35)).toBe(true);
    expect(capPolygonRing("34.7,114.2 nonsense")).toBeNull();
  });

  it("draws a circle as a counter-clockwise ring whose points lie at its radius", () => {
    const circle = capCircle("34.80,113.29 5")!;
    const ring = circleRing(circle);
    expect(ring).toHaveLength(65);
    expect(signedArea(ring)).toBeGreaterThan(0);
    for (const [lon, lat] of ring) expect(haversineKm(34.8, 113.29, lat, lon)).toBeCloseTo(5, 2);
    expect(areaGeometry({ polygons: [], circles: ["34.80,113.29 5"] })?.type).toBe("Polygon");
    expect(areaGeometry({ polygons: ["34.7,114.2 34.7,114.9 34.9,114.9 34.7,114.2"], circles: ["34.80,113.29 5"] })?.type).toBe("MultiPolygon");
  });

  it("tells a place in an area by its polygons and circles, or by its geocodes when there are none", () => {
    const ring = capPolygonRing("34.760,113.240 34.760,113.340 34.840,113.340 34.840,113.240 34.760,113.240")!;
    expect(insideRing(113.29, 34.8, ring)).toBe(true);
    expect(insideRing(113.5, 34.8, ring)).toBe(false);
    const drawn = { geocodes: ["410106000000"], polygons: ["34.760,113.240 34.760,113.340 34.840,113.340 34.840,113.240 34.760,113.240"], circles: [] };
    expect(placeInArea({ lat: 34.8, lon: 113.29, regionCode: "410106" }, drawn)).toBe(true);
    expect(placeInArea({ lat: 34.9, lon: 113.29, regionCode: "410106" }, drawn)).toBe(false);
    const coded = { geocodes: ["410200000000"], polygons: [], circles: [] };
    expect(placeInArea({ lat: null, lon: null, regionCode: "410205" }, coded)).toBe(true);
    expect(placeInArea({ lat: null, lon: null, regionCode: "410105" }, coded)).toBe(false);
    expect(geocodePrefix("410000000000")).toBe("41");
    expect(geocodePrefix("410106000000")).toBe("410106");
    expect(geocodePrefix("410106001000")).toBe("410106001");
  });
});
