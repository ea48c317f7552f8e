/** Reads a connector's shipped sample feeds (connectors/<name>/samples/…). */
import fs from "node:fs";
import path from "node:path";
import type { Connector, SourceDocument } from "../../connectors/types.js";
import { CONNECTORS_DIR } from "../config/paths.js";

export function sampleDocuments(connector: Connector): SourceDocument[] {
  return connector.sampleDocuments.map((relative) => {
    const file = path.join(CONNECTORS_DIR, connector.name, relative);
    return { name: path.relative(CONNECTORS_DIR, file), body: fs.readFileSync(file) };
  });
}
