/**
 * The hub's log: one JSON line per event on stdout (pino), with time, level
 * and the fields that matter (request id, connector, counts …), ready for a
 * log collector. EMHUB_LOG_LEVEL sets the level (default info).
 */
import { pino } from "pino";

export const log = pino({
  level: process.env.EMHUB_LOG_LEVEL ?? "info",
  base: { service: "emhub" },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});
