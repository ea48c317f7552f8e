/**
 * GET /bulletins/<region>/<period>.csv: the bi-monthly bulletin (双月通报) of
 * a region as CSV (see bulletin-csv.ts), its target indicators included; the period is a key (2026-P6) or a
 * date inside it. It runs the bulletin query as the caller, so territory and
 * catalogue apply as in the API. 401 without a valid token, 403 for callers
 * the figures are not shared with, 404 for an unknown region, 400 for a bad period.
 */
import { Router } from "express";
import { parse } from "graphql";
import { bulletinCsv, type BulletinData } from "./bulletin-csv.js";
import { INDICATORS_OPERATION } from "./indicators-route.js";
import type { IndicatorReportData } from "./indicators-csv.js";
import { sendErrors } from "./error-body.js";
import { runAs, sendNotFound, type RouteDeps } from "./run-operation.js";

export const BULLETIN_OPERATION = parse(/* GraphQL */ `
  query BulletinExport($region: String!, $period: String!, $sources: [HazardDiscoverySource!]) {
    bulletin(region: $region, period: $period, sources: $sources) {
      region regionName period firstDay lastDay asOf new closed stillOpen overdue sources sectors
      majorHazards { ...BulletinHazard }
      prominentIssues { ...BulletinHazard }
      clearance {
        previousPeriod listed cleared notCleared
        byRegion { region name listed cleared notCleared }
        bySector { sector listed cleared notCleared }
        notClearedHazards { ...BulletinHazard }
      }
      enforcement { inspections rectificationOrders suspensions penalties finesYuan }
    }
  }
  fragment BulletinHazard on Hazard {
    enterpriseCode enterprise { name } regionCode sector description state foundAt
    deadline supervisedBy supervisionDeadline overdue
  }
`);

export function bulletinRoutes(route: RouteDeps): Router {
  const router = Router();
  router.get("/bulletins/:region/:file", async (req, res) => {
    const match = /^(.+)\.csv$/.exec(req.params.file);
    if (!match) return sendNotFound(res, "bulletins are served as /bulletins/<region>/<period>.csv");
    // ?sources=ENFORCEMENT,SPECIAL: only hazards found so (the schema's enum checks the names)
    const sources = typeof req.query.sources === "string" && req.query.sources !== "" ? req.query.sources.split(",").map((s) => s.trim()) : null;
    const result = await runAs<{ bulletin: BulletinData | null }>(route, { req, res }, BULLETIN_OPERATION, { region: req.params.region, period: match[1], sources });
    if (!result.ok) return sendErrors(res, result.status, result.errors);
    const bulletin = result.data.bulletin;
    if (bulletin === null) return sendNotFound(res, "no region with this code");
    // the region's target indicators, for a reader who may read them
    const indicators = await runAs<{ indicators: IndicatorReportData }>(route, { req, res }, INDICATORS_OPERATION, { region: req.params.region });
    bulletin.indicators = indicators.ok ? indicators.data.indicators : null;
    res.setHeader("content-type", "text/csv; charset=utf-8");
    res.setHeader("content-disposition", `attachment; filename="bulletin-${bulletin.region}-${bulletin.period}.csv"`);
    res.send(bulletinCsv(bulletin));
  });
  return router;
}
