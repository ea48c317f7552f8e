/** Reads a connector's shipped sample feeds (connectors/<name>/samples/…), as shipped or placed at a moment (sample-clock.ts). */
import fs from "node:fs";
import path from "node:path";
import type { Connector, SourceDocument } from "../../connectors/types.js";
import { CONNECTORS_DIR } from "../config/paths.js";
import { placeSample } from "./sample-clock.js";

/** With `placeAt`, the times in the samples move so that the moment they describe is `placeAt`. */
export function sampleDocuments(connector: Connector, placeAt: Date | null): SourceDocument[] {
  return connector.sampleDocuments.map((relative) => {
    const file = path.join(CONNECTORS_DIR, connector.name, relative);
    const body = fs.readFileSync(file);
    return { name: path.relative(CONNECTORS_DIR, file), body: placeAt && connector.sampleAsOf ? placeSample(body, new Date(connector.sampleAsOf), placeAt) : body };
  });
}
