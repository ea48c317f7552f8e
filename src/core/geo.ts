/** Distances and plausibility checks for WGS-84 coordinates. Pure: no I/O. */
export const EARTH_RADIUS_KM = 6371.0088;

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * The smallest latitude/longitude box that contains every point within
 * radiusKm (haversine, as above) of the centre: the latitude extent is the
 * angular radius, the longitude extent the widest the circle reaches
 * (asin(sin r / cos lat)); a circle that reaches a pole spans every longitude.
 */
export function boundingBox(lat: number, lon: number, radiusKm: number) {
  const deg = 180 / Math.PI;
  const angular = radiusKm / EARTH_RADIUS_KM;
  const dLat = angular * deg;
  const reachesPole = Math.abs(lat) + dLat >= 90;
  const dLon = reachesPole ? 180 : Math.asin(Math.min(1, Math.sin(angular) / Math.cos(lat / deg))) * deg;
  return { minLat: lat - dLat, maxLat: lat + dLat, minLon: lon - dLon, maxLon: lon + dLon };
}

/** China's extent (73.5°E–135.1°E, 3.8°N–53.6°N): coordinates outside it are a data error here. */
export function isInsideChina(lat: number, lon: number): boolean {
  return Number.isFinite(lat) && Number.isFinite(lon) && lat >= 3.8 && lat <= 53.6 && lon >= 73.5 && lon <= 135.1;
}

/** Extent of the provinces whose bounds the hub knows, with a margin of about 5 km. */
export const PROVINCE_BOUNDS: Readonly<Record<string, { minLat: number; maxLat: number; minLon: number; maxLon: number }>> = {
  "41": { minLat: 31.33, maxLat: 36.42, minLon: 110.30, maxLon: 116.70 },
};
