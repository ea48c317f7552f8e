/**
 * The map (Leaflet, no tile service): the deployment's boundary as the base
 * layer, and one layer per dataset from the hub's GeoJSON routes, in the
 * signed-in reader's scope. Clicking a warning shows what its areas hold.
 */
import type * as GeoJSON from "geojson";
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { boundary, layer, type Feature } from "./api.js";
import { ALARM_COLOURS, ALARM_NAMES, ALARM_STATE_NAMES, escapeHtml, LEVEL_COLOURS, LEVEL_NAMES, WATER_COLOURS, WATER_NAMES } from "./colours.js";

interface LayerSpec {
  title: string;
  /** Point layers: the marker's colour for a feature. */
  colour?: (f: Feature) => string;
  popup: (f: Feature) => string;
}

const p = (f: Feature, key: string) => f.properties[key];
const LEVEL_RANK = ["BLUE", "YELLOW", "ORANGE", "RED"];
const localTime = (value: unknown) => (value ? new Date(String(value)).toLocaleString("zh-CN", { hour12: false }) : "—");

export const LAYERS: Record<string, LayerSpec> = {
  warnings: { title: "预警", popup: (f) => `<b>${escapeHtml(p(f, "headline"))}</b><br>${escapeHtml(LEVEL_NAMES[String(p(f, "level"))])} · 至 ${escapeHtml(localTime(p(f, "expires")))}` },
  shelters: { title: "避难场所", colour: () => "#2e9d4b", popup: (f) => `<b>${escapeHtml(p(f, "name"))}</b><br>容纳 ${escapeHtml(p(f, "capacity"))} 人 · ${escapeHtml(p(f, "status"))}` },
  "rescue-teams": { title: "救援队伍", colour: () => "#1565c0", popup: (f) => `<b>${escapeHtml(p(f, "name"))}</b><br>${escapeHtml(p(f, "headcount"))} 人 · ${escapeHtml(p(f, "status"))}` },
  "supply-depots": { title: "物资储备库", colour: () => "#6a1b9a", popup: (f) => `<b>${escapeHtml(p(f, "name"))}</b><br>${escapeHtml(p(f, "tier"))}` },
  "geo-hazard-points": { title: "地质灾害隐患点", colour: () => "#8d6e63", popup: (f) => `<b>${escapeHtml(p(f, "name"))}</b><br>${escapeHtml(p(f, "hazardType"))} · 威胁 ${escapeHtml(p(f, "threatenedPeople"))} 人` },
  "road-hazards": { title: "道路隐患/封闭", colour: (f) => (p(f, "closed") ? "#212121" : "#9e9e9e"), popup: (f) => `<b>${escapeHtml(p(f, "name"))}</b><br>${p(f, "closed") ? "封闭" : "通行"} ${escapeHtml(p(f, "closureReason") ?? "")}` },
  "hydro-stations": {
    title: "水文站",
    colour: (f) => WATER_COLOURS[String(p(f, "levelState"))] ?? "#9e9e9e",
    popup: (f) => `<b>${escapeHtml(p(f, "name"))}</b><br>${escapeHtml(WATER_NAMES[String(p(f, "levelState"))])} · 水位 ${escapeHtml((p(f, "latestReading") as { level?: number } | null)?.level ?? "—")} m`,
  },
  "monitoring-alarms": {
    title: "监测报警",
    colour: (f) => ALARM_COLOURS[String(p(f, "level"))] ?? "#9e9e9e",
    popup: (f) => {
      const point = p(f, "point") as { name: string; unit: string | null } | null;
      const enterprise = p(f, "enterprise") as { name: string } | null;
      return `<b>${escapeHtml(enterprise?.name ?? "")}</b><br>${escapeHtml(point?.name ?? "")} ${escapeHtml(p(f, "value"))} ${escapeHtml(point?.unit ?? "")} · ${escapeHtml(ALARM_NAMES[String(p(f, "level"))])} · ${escapeHtml(ALARM_STATE_NAMES[String(p(f, "state"))])}${p(f, "escalated") ? " · 已上报" : ""}`;
    },
  },
  enterprises: { title: "企业（四色风险）", colour: (f) => LEVEL_COLOURS[String(p(f, "riskLevel"))] ?? "#9e9e9e", popup: (f) => `<b>${escapeHtml(p(f, "name"))}</b><br>${escapeHtml(p(f, "sector"))}` },
};

export interface HubMap {
  /** Reloads one layer from the hub. */
  reload(name: string): Promise<void>;
  /** Brings a feature into view; false when the layer does not show it. */
  focus(name: string, id: string): boolean;
  /** The ids of the features a layer shows (for tests and the live list). */
  featureIds(name: string): string[];
}

/**
 * `region`: the signed-in territory. Layers show its records; the neighbours' response resources a reader may
 * also read for mutual aid stay off this map (they are in the API and the GeoJSON routes without `region`).
 */
export async function createMap(element: HTMLElement, region: string, onWarning: (id: string) => void): Promise<HubMap> {
  // SVG, not canvas: every feature is an element of the page (class feature-<layer>, data-id its global id)
  const map = L.map(element, { zoomSnap: 0.25, attributionControl: false });
  const base = L.geoJSON(await boundary(), { style: { color: "#607d8b", weight: 1.5, fillColor: "#eceff1", fillOpacity: 0.6 } }).addTo(map);
  map.fitBounds(base.getBounds());
  const groups = new Map<string, L.GeoJSON>();
  const ids = new Map<string, string[]>();
  const control = L.control.layers(undefined, undefined, { collapsed: false }).addTo(map);

  for (const [name, spec] of Object.entries(LAYERS)) {
    const group = L.geoJSON(undefined, {
      pointToLayer: (_feature, at) => L.circleMarker(at, { radius: 6, className: `feature feature-${name}` }),
      // Leaflet styles every shape of the layer with this, markers included
      style: (feature) => {
        if (feature?.geometry.type === "Point") return { color: "#fff", weight: 1, fillColor: spec.colour?.(feature as unknown as Feature) ?? "#555", fillOpacity: 0.9 };
        const colour = LEVEL_COLOURS[String(feature?.properties?.level)] ?? "#555";
        return { color: colour, weight: 2, fillColor: colour, fillOpacity: 0.25, className: `feature feature-${name}` };
      },
      onEachFeature: (feature, shape) => {
        shape.on("add", () => (shape as L.Path).getElement()?.setAttribute("data-id", String(feature.id)));
        shape.bindPopup(spec.popup(feature as unknown as Feature));
        if (name === "warnings") shape.on("click", () => onWarning(String(feature.id)));
      },
    }).addTo(map);
    groups.set(name, group);
    control.addOverlay(group, spec.title);
  }

  async function reload(name: string) {
    const features = await layer(name, region);
    const group = groups.get(name)!;
    group.clearLayers();
    // the most severe warnings are drawn last, on top, where a click finds them
    const drawable = features.filter((f) => f.geometry !== null).sort((a, b) => LEVEL_RANK.indexOf(String(a.properties.level)) - LEVEL_RANK.indexOf(String(b.properties.level)));
    for (const feature of drawable) group.addData({ type: "Feature", id: feature.id, geometry: feature.geometry!, properties: feature.properties } as GeoJSON.Feature);
    ids.set(name, features.map((f) => f.id));
  }

  await Promise.all(Object.keys(LAYERS).map(reload));
  // frame what the reader sees, or the boundary when the layers are empty
  const shown = L.featureGroup([...groups.values()].filter((g) => g.getLayers().length > 0));
  if (shown.getLayers().length > 0) map.fitBounds(shown.getBounds().pad(0.3), { maxZoom: 13 });
  function focus(name: string, id: string) {
    const shape = groups
      .get(name)
      ?.getLayers()
      .find((l) => String((l as L.Layer & { feature?: { id?: unknown } }).feature?.id) === id) as (L.Path & { getBounds?: () => L.LatLngBounds; getLatLng?: () => L.LatLng }) | undefined;
    if (!shape) return false;
    if (shape.getBounds) map.fitBounds(shape.getBounds().pad(0.5), { maxZoom: 13 });
    else if (shape.getLatLng) map.setView(shape.getLatLng(), Math.max(map.getZoom(), 12));
    return true;
  }

  return { reload, focus, featureIds: (name) => ids.get(name) ?? [] };
}
