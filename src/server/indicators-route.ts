/**
 * GET /indicators/<region>.csv: the target indicators (目标指标) of a region
 * and each division under it as CSV (indicators-csv.ts). It runs the
 * indicators query as the caller, so territory and catalogue apply as in the
 * API. 401 without a valid token, 403 for callers the figures are not shared
 * with, 400 for a code that is not a division.
 */
import { Router } from "express";
import { parse } from "graphql";
import { sendErrors } from "./error-body.js";
import { indicatorsCsv, type IndicatorReportData } from "./indicators-csv.js";
import { runAs, sendNotFound, type RouteDeps } from "./run-operation.js";

const INDICATOR_REPORT_FRAGMENT = /* GraphQL */ `
  fragment IndicatorReportFields on IndicatorReport {
    region name asOf
    indicators { ...Figure }
    byRegion { region name indicators { ...Figure } }
  }
  fragment Figure on Indicator {
    id name unit method value numerator denominator target met source unknownBecause conflict note
    stated { value citation { plan } }
  }
`;

export const INDICATORS_OPERATION = parse(/* GraphQL */ `
  query IndicatorsExport($region: String!) { indicators(region: $region) { ...IndicatorReportFields } }
  ${INDICATOR_REPORT_FRAGMENT}
`);

export function indicatorRoutes(route: RouteDeps): Router {
  const router = Router();
  router.get("/indicators/:file", async (req, res) => {
    const match = /^(.+)\.csv$/.exec(req.params.file);
    if (!match) return sendNotFound(res, "indicators are served as /indicators/<region>.csv");
    const result = await runAs<{ indicators: IndicatorReportData }>(route, { req, res }, INDICATORS_OPERATION, { region: match[1] });
    if (!result.ok) return sendErrors(res, result.status, result.errors);
    res.setHeader("content-type", "text/csv; charset=utf-8");
    res.setHeader("content-disposition", `attachment; filename="indicators-${result.data.indicators.region}.csv"`);
    res.send(indicatorsCsv(result.data.indicators));
  });
  return router;
}
