/**
 * The hub's log: one JSON line per event on stdout (pino), with time, level
 * and the fields that matter (request id, connector, counts …), ready for a
 * log collector; in a terminal, the same events in readable lines
 * (pino-pretty). EMHUB_LOG_LEVEL sets the level (default info),
 * EMHUB_LOG_FORMAT=json|pretty the form (default: pretty in a terminal only).
 */
import { pino, type LoggerOptions } from "pino";

const format = process.env.EMHUB_LOG_FORMAT ?? (process.stdout.isTTY ? "pretty" : "json");

const options: LoggerOptions = {
  level: process.env.EMHUB_LOG_LEVEL ?? "info",
  base: { service: "emhub" },
  timestamp: pino.stdTimeFunctions.isoTime,
};

export const log =
  format === "pretty"
    ? pino({ ...options, transport: { target: "pino-pretty", options: { translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname,service" } } })
    : pino({ ...options, formatters: { level: (label) => ({ level: label }) } });
