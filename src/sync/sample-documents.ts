/** Reads a connector's shipped sample feeds (connectors/<name>/samples/…), as shipped or placed at a moment (sample-clock.ts). */
import fs from "node:fs";
import path from "node:path";
import type { Connector, SourceDocument } from "../../connectors/types.js";
import { CONNECTORS_DIR } from "../config/paths.js";
import { placeSample, samplePlacement } from "./sample-clock.js";

export interface SamplePlacement {
  /** The load time: null leaves the samples as shipped. */
  at: Date | null;
  /** "last-season" (the default) places a seasonal sample at `at` only in its season, outside it as last season's record; "now" places every sample at `at`. */
  outOfSeason?: "last-season" | "now";
}

/** The samples read and, with `placement.at`, their times moved so that the moment they describe is the load's (sample-clock.ts). */
export function sampleDocuments(connector: Connector, placement: SamplePlacement): SourceDocument[] {
  const asOf = connector.sampleAsOf ? new Date(connector.sampleAsOf) : null;
  const season = placement.outOfSeason === "now" ? undefined : connector.sampleSeason;
  const target = placement.at && asOf ? samplePlacement(asOf, placement.at, season) : null;
  return connector.sampleDocuments.map((relative) => {
    const file = path.join(CONNECTORS_DIR, connector.name, relative);
    const body = fs.readFileSync(file);
    return { name: path.relative(CONNECTORS_DIR, file), body: target && asOf ? placeSample(body, asOf, target) : body };
  });
}
