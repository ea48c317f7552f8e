/**
 * One log line per HTTP request (pino-http): method, path, status, time taken
 * and the request id — the caller's `x-request-id` when it sends a sane one,
 * otherwise a new one — which the response carries back and the audit log
 * records. 4xx answers log as warnings, 5xx as errors; probes are not logged.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pino } from "pino";
import { pinoHttp } from "pino-http";
import { log } from "../log.js";

const SANE_ID = /^[\w.:-]{1,128}$/;
const PROBES = new Set(["/healthz", "/readyz", "/metrics"]);

export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers["x-request-id"];
  const id = typeof given === "string" && SANE_ID.test(given) ? given : randomUUID();
  res.setHeader("x-request-id", id);
  return id;
}

export const requestLog = pinoHttp({
  logger: log,
  genReqId: requestId,
  customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info"),
  serializers: {
    // for a 5xx answer with no error attached, pino-http makes one up ("failed with status code 500"): its stack says nothing
    err: (err: Error) => (err.message.startsWith("failed with status code") ? { message: err.message } : pino.stdSerializers.err(err)),
    req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
    res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
  },
  autoLogging: { ignore: (req) => PROBES.has((req.url ?? "").split("?")[0]!) },
});
