/**
 * GeoJSON (RFC 7946: WGS-84, longitude first, exterior rings counter-
 * clockwise) for the hub's located records and CAP warning areas, and the
 * test of whether a place lies in a warning's area. Pure: no I/O.
 *
 * CAP writes points "lat,lon" (latitude first), polygons as such points
 * separated by spaces with the first repeated last, and circles as
 * "lat,lon radiusKm". GeoJSON has no circle: a circle becomes a polygon of
 * CIRCLE_VERTICES points on it.
 */
import { EARTH_RADIUS_KM, haversineKm } from "./geo.js";

export type Position = [lon: number, lat: number];
export interface PointGeometry {
  type: "Point";
  coordinates: Position;
}
export interface PolygonGeometry {
  type: "Polygon";
  coordinates: Position[][];
}
export interface MultiPolygonGeometry {
  type: "MultiPolygon";
  coordinates: Position[][][];
}
export type Geometry = PointGeometry | PolygonGeometry | MultiPolygonGeometry;

export const CIRCLE_VERTICES = 64;

export function pointGeometry(lat: number | null | undefined, lon: number | null | undefined): PointGeometry | null {
  if (lat == null || lon == null || !Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  return { type: "Point", coordinates: [lon, lat] };
}

function capPoint(text: string): Position | null {
  const [lat, lon] = text.split(",").map(Number);
  return Number.isFinite(lat) && Number.isFinite(lon) ? [lon!, lat!] : null;
}

/** Twice the signed area of a ring in lon/lat: positive when counter-clockwise. */
function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return sum;
}

/** A closed ring, counter-clockwise as RFC 7946 asks of an exterior ring. */
function exteriorRing(points: Position[]): Position[] | null {
  if (points.length < 3) return null;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const ring = first[0] === last[0] && first[1] === last[1] ? points : [...points, first];
  if (ring.length < 4) return null;
  return signedArea(ring) < 0 ? [...ring].reverse() : ring;
}

/** A CAP polygon ("lat,lon lat,lon …") as a GeoJSON ring, or null when it is not one. */
export function capPolygonRing(text: string): Position[] | null {
  const points = text.trim().split(/\s+/).map(capPoint);
  return points.every((p): p is Position => p !== null) ? exteriorRing(points) : null;
}

export interface Circle {
  lat: number;
  lon: number;
  radiusKm: number;
}

/** A CAP circle ("lat,lon radiusKm"), or null. */
export function capCircle(text: string): Circle | null {
  const [centre, radius] = text.trim().split(/\s+/);
  const point = centre ? capPoint(centre) : null;
  const radiusKm = Number(radius);
  return point && Number.isFinite(radiusKm) && radiusKm > 0 ? { lon: point[0], lat: point[1], radiusKm } : null;
}

/** The circle as a ring of CIRCLE_VERTICES points at its radius (great-circle destinations), counter-clockwise. */
export function circleRing(circle: Circle): Position[] {
  const rad = Math.PI / 180;
  const angular = circle.radiusKm / EARTH_RADIUS_KM;
  const lat1 = circle.lat * rad;
  const lon1 = circle.lon * rad;
  const ring: Position[] = [];
  for (let i = 0; i < CIRCLE_VERTICES; i++) {
    // bearings counted anticlockwise from east, so the ring runs counter-clockwise
    const bearing = Math.PI / 2 - (2 * Math.PI * i) / CIRCLE_VERTICES;
    const lat2 = Math.asin(Math.sin(lat1) * Math.cos(angular) + Math.cos(lat1) * Math.sin(angular) * Math.cos(bearing));
    const lon2 = lon1 + Math.atan2(Math.sin(bearing) * Math.sin(angular) * Math.cos(lat1), Math.cos(angular) - Math.sin(lat1) * Math.sin(lat2));
    ring.push([Number((lon2 / rad).toFixed(6)), Number((lat2 / rad).toFixed(6))]);
  }
  ring.push(ring[0]!);
  return ring;
}

export interface CapArea {
  geocodes: readonly string[];
  polygons: readonly string[];
  circles: readonly string[];
}

/** The polygons and circles of an area as one GeoJSON geometry; null when the area is given by geocodes alone. */
export function areaGeometry(area: Pick<CapArea, "polygons" | "circles">): PolygonGeometry | MultiPolygonGeometry | null {
  const rings = [
    ...area.polygons.map(capPolygonRing),
    ...area.circles.map(capCircle).map((circle) => (circle ? circleRing(circle) : null)),
  ].filter((ring): ring is Position[] => ring !== null);
  if (rings.length === 0) return null;
  return rings.length === 1 ? { type: "Polygon", coordinates: [rings[0]!] } : { type: "MultiPolygon", coordinates: rings.map((ring) => [ring]) };
}

/** The geometries of several areas as one (a warning's areas). */
export function areasGeometry(areas: ReadonlyArray<Pick<CapArea, "polygons" | "circles">>): PolygonGeometry | MultiPolygonGeometry | null {
  const polygons = areas.flatMap((area) => {
    const geometry = areaGeometry(area);
    return geometry === null ? [] : geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  });
  if (polygons.length === 0) return null;
  return polygons.length === 1 ? { type: "Polygon", coordinates: polygons[0]! } : { type: "MultiPolygon", coordinates: polygons };
}

/** Even-odd ray casting in lon/lat; a point on the boundary may fall either way. */
export function insideRing(lon: number, lat: number, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** A CPEAS geocode (12 digits, a division code padded with zeros) as the division prefix it covers. */
export function geocodePrefix(geocode: string): string {
  const digits = geocode.replace(/\D/g, "");
  const six = digits.slice(0, 6).padEnd(6, "0");
  if (six.endsWith("0000")) return six.slice(0, 2);
  if (six.endsWith("00")) return six.slice(0, 4);
  const rest = digits.slice(6).replace(/0+$/, "");
  return six + rest;
}

export interface Place {
  lat: number | null;
  lon: number | null;
  regionCode: string | null;
}

/**
 * Whether a place lies in a CAP area: inside one of its polygons or circles
 * when the area draws any; otherwise in one of the divisions its geocodes name.
 */
export function placeInArea(place: Place, area: CapArea): boolean {
  const rings = area.polygons.map(capPolygonRing).filter((ring): ring is Position[] => ring !== null);
  const circles = area.circles.map(capCircle).filter((circle): circle is Circle => circle !== null);
  if (rings.length > 0 || circles.length > 0) {
    if (place.lat == null || place.lon == null) return false;
    const { lat, lon } = place;
    return rings.some((ring) => insideRing(lon, lat, ring)) || circles.some((c) => haversineKm(c.lat, c.lon, lat, lon) <= c.radiusKm);
  }
  return place.regionCode !== null && area.geocodes.some((geocode) => place.regionCode!.startsWith(geocodePrefix(geocode)));
}
