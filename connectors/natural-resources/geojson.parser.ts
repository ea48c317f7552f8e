/**
 * Reads a GeoJSON FeatureCollection. Property names are trimmed and ASCII
 * brackets made full-width, so 威胁财产(万元) and 威胁财产（万元） are one field.
 */
import { DocumentError, type SourceDocument } from "../types.js";

const normaliseKey = (key: string) => key.trim().replace(/\(/g, "（").replace(/\)/g, "）");

function normaliseProperties(feature: unknown): unknown {
  if (feature === null || typeof feature !== "object") return feature;
  const { properties } = feature as { properties?: unknown };
  if (properties === null || typeof properties !== "object") return feature;
  const normalised = Object.fromEntries(Object.entries(properties).map(([key, value]) => [normaliseKey(key), value]));
  return { ...feature, properties: normalised };
}

export function readFeatureCollection(doc: SourceDocument): unknown[] {
  let json: unknown;
  try {
    json = JSON.parse(doc.body.toString("utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new DocumentError(`${doc.name}: not JSON: ${(error as Error).message}`);
  }
  const collection = json as { type?: unknown; features?: unknown } | null;
  if (collection === null || typeof collection !== "object" || collection.type !== "FeatureCollection") {
    throw new DocumentError(`${doc.name}: not a GeoJSON FeatureCollection`);
  }
  if (!Array.isArray(collection.features)) throw new DocumentError(`${doc.name}: FeatureCollection without a features array`);
  return collection.features.map(normaliseProperties);
}
