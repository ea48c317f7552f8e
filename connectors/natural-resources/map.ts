/** Geological hazard point features to `geoHazardPoint` records. */
import type { HubRecord, ParseResult } from "../types.js";
import { RecordCollector } from "../shared/collector.js";
import { collectRows } from "../shared/rows.js";
import { geoHazardFeature, type GeoHazardFeature } from "./geo-hazard.schema.js";

function codeOf(feature: unknown): string | undefined {
  const properties = (feature as { properties?: Record<string, unknown> } | null)?.properties;
  const code = properties?.["编号"];
  return typeof code === "string" ? code.trim() || undefined : typeof code === "number" ? String(code) : undefined;
}

function geoHazardRecord({ properties: p, geometry }: GeoHazardFeature): HubRecord {
  const [lon, lat] = geometry.coordinates as [number, number];
  return {
    dataset: "geoHazardPoint",
    sourceId: p.编号,
    data: {
      code: p.编号,
      name: p.名称,
      hazardType: p.灾害类型,
      scale: p.规模等级,
      threatGrade: p.险情等级,
      location: p.位置,
      lon,
      lat,
      regionCode: p.行政区划代码,
      threatenedPeople: p.威胁人数,
      threatenedHouseholds: p.威胁户数,
      threatenedPropertyWan: p["威胁财产（万元）"],
      triggers: p.诱发因素,
      monitorName: p.监测责任人,
      monitorPhone: p.联系电话,
      measures: [...new Set(p.防治措施)],
    },
  };
}

/** A collection with features is the full list of points; an empty one is not taken as "all gone". */
export function mapGeoHazardFeatures(features: unknown[]): ParseResult {
  const out = new RecordCollector();
  collectRows(out, "geoHazardPoint", features, codeOf, geoHazardFeature, geoHazardRecord);
  return out.result(features.length > 0 ? ["geoHazardPoint"] : []);
}
