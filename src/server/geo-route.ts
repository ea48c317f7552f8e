/**
 * Map layers as GeoJSON FeatureCollections (RFC 7946, application/geo+json):
 *
 *   GET /geo/<layer>.geojson[?region=<division>]   shelters, rescue-teams, supply-depots,
 *       geo-hazard-points, road-hazards, hydro-stations, enterprises, monitoring-alarms (not cleared),
 *       warnings (in force)
 *   GET /geo/boundary.geojson                      the base map's boundary (EMHUB_BOUNDARY_FILE)
 *
 * A layer is the list query of its dataset run as the caller (no token: the
 * public fields of the public datasets), page after page, each node a Feature
 * whose geometry is the node's `geometry` and whose properties are the other
 * fields, as GraphQL gave them: hidden fields are null, personal ones masked.
 */
import fs from "node:fs";
import { Router } from "express";
import { parse, type DocumentNode } from "graphql";
import { PROVINCE_BOUNDS } from "../core/geo.js";
import { highestRiskLevel } from "../core/risk.js";
import { sendError, sendErrors } from "./error-body.js";
import { runAs, type RouteDeps, type RouteResult } from "./run-operation.js";

interface Layer {
  root: string;
  filterType: string;
  fields: string;
  /** Filter fields the layer always sets (warnings: those in force). */
  fixed?: Record<string, unknown>;
}

export const GEO_LAYERS: Readonly<Record<string, Layer>> = {
  shelters: { root: "shelters", filterType: "ShelterFilter", fields: "code name level shelterClass spaceType capacity areaM2 status regionCode address" },
  "rescue-teams": { root: "rescueTeams", filterType: "RescueTeamFilter", fields: "name category level headcount status regionCode dutyPhone" },
  "supply-depots": { root: "supplyDepots", filterType: "SupplyDepotFilter", fields: "name tier storageMode regionCode address" },
  "geo-hazard-points": { root: "geoHazardPoints", filterType: "GeoHazardPointFilter", fields: "code name hazardType scale threatGrade threatenedPeople regionCode location monitorName monitorPhone" },
  "road-hazards": { root: "roadHazards", filterType: "RoadHazardFilter", fields: "code name kind route status closed closedFrom closedUntil closureReason regionCode" },
  "hydro-stations": { root: "hydroStations", filterType: "HydroStationFilter", fields: "code name river stationType regionCode warningLevel guaranteedLevel levelState latestReading { level observedAt }" },
  enterprises: { root: "enterprises", filterType: "EnterpriseFilter", fields: "creditCode name sector regionCode riskPointCounts { level count }" },
  "monitoring-alarms": {
    root: "monitoringAlarms",
    filterType: "MonitoringAlarmFilter",
    fields: "level state value threshold indicator raisedAt escalated regionCode point { code name unit } enterprise { name }",
    fixed: { open: true },
  },
  warnings: { root: "warnings", filterType: "WarningFilter", fields: "identifier headline level type status sent expires regionCodes", fixed: { status: "ACTIVE" } },
};

const PAGE = 200;
/** Features one layer answer may hold. */
export const MAX_FEATURES = 10_000;

const documents = new Map<string, DocumentNode>();
function layerDocument(layer: Layer): DocumentNode {
  let document = documents.get(layer.root);
  if (!document) {
    document = parse(`query GeoLayer($first: Int!, $after: String, $filter: ${layer.filterType}) {
      ${layer.root}(first: $first, after: $after, filter: $filter) { pageInfo { hasNextPage endCursor } edges { node { id geometry ${layer.fields} } } }
    }`);
    documents.set(layer.root, document);
  }
  return document;
}

type Page = { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: Record<string, unknown> }> };

function feature(node: Record<string, unknown>) {
  const { id, geometry, ...properties } = node;
  // an enterprise's four-colour class (四色): its highest risk point's colour
  if (Array.isArray(properties.riskPointCounts)) properties.riskLevel = highestRiskLevel(properties.riskPointCounts);
  return { type: "Feature", id, geometry: geometry ?? null, properties };
}

/** The default base map: the province's extent as one outline. Official boundaries come from the deployment (EMHUB_BOUNDARY_FILE). */
export function defaultBoundary(province: string) {
  const b = PROVINCE_BOUNDS[province.slice(0, 2)] ?? { minLat: 31.33, maxLat: 36.42, minLon: 110.3, maxLon: 116.7 };
  const ring = [[b.minLon, b.minLat], [b.maxLon, b.minLat], [b.maxLon, b.maxLat], [b.minLon, b.maxLat], [b.minLon, b.minLat]];
  return {
    type: "FeatureCollection",
    features: [{ type: "Feature", id: province, geometry: { type: "Polygon", coordinates: [ring] }, properties: { name: "示意范围（非官方边界）", note: "set EMHUB_BOUNDARY_FILE to the deployment's official boundary GeoJSON" } }],
  };
}

export function geoRoutes(route: RouteDeps, options: { boundaryFile: string | null; province: string }): Router {
  const router = Router();
  router.get("/geo/boundary.geojson", (_req, res) => {
    res.type("application/geo+json");
    if (options.boundaryFile) res.send(fs.readFileSync(options.boundaryFile));
    else res.json(defaultBoundary(options.province));
  });
  router.get("/geo/:file", async (req, res) => {
    const name = /^(.+)\.geojson$/.exec(req.params.file)?.[1];
    const layer = name ? GEO_LAYERS[name] : undefined;
    if (!layer) return sendError(res, 404, "NOT_FOUND", `no layer '${req.params.file}'; layers: ${Object.keys(GEO_LAYERS).map((l) => `${l}.geojson`).join(", ")}`);
    const region = typeof req.query.region === "string" && req.query.region !== "" ? req.query.region : undefined;
    const filter = { ...layer.fixed, ...(region ? { region } : {}) };
    const features: ReturnType<typeof feature>[] = [];
    let after: string | null = null;
    for (;;) {
      const result: RouteResult<Record<string, Page>> = await runAs<Record<string, Page>>(route, { req, res }, layerDocument(layer), { first: PAGE, after, filter }, { anonymous: true });
      if (!result.ok) return sendErrors(res, result.status, result.errors);
      const page: Page = result.data[layer.root]!;
      features.push(...page.edges.map((edge) => feature(edge.node)));
      if (!page.pageInfo.hasNextPage || features.length >= MAX_FEATURES) break;
      after = page.pageInfo.endCursor;
    }
    res.type("application/geo+json").json({ type: "FeatureCollection", features: features.slice(0, MAX_FEATURES) });
  });
  return router;
}
