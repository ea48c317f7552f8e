/** Seasons the connectors' sample feeds belong to (Connector.sampleSeason). */
import type { SampleSeason } from "../types.js";

/** Henan's flood season (汛期), 1 June to 30 September: rainstorm warnings, high rivers, flooded underpasses. */
export const HENAN_FLOOD_SEASON: SampleSeason = { name: "汛期", from: "06-01", to: "09-30" };
