/**
 * GET /hazard-stats/<region>.csv: the 条块 matrix of hazard figures (by sector
 * and by the regions under `region`) as CSV (hazard-stats-csv.ts). It runs the
 * hazardStats query as the caller, so territory, sector and catalogue apply
 * as in the API. 401 without a valid token, 403 outside the reader's territory
 * or for callers the figures are not shared with.
 */
import { Router } from "express";
import { parse } from "graphql";
import { sendErrors } from "./error-body.js";
import { hazardStatsCsv, type HazardStatsData } from "./hazard-stats-csv.js";
import { runAs, sendNotFound, type RouteDeps } from "./run-operation.js";

const FIGURES = "total open closed cancelled rectificationRate overdue major majorSupervised medianDaysToClose";

export const HAZARD_STATS_OPERATION = parse(/* GraphQL */ `
  query HazardStatsExport($region: String!) {
    hazardStats(region: $region) {
      region name asOf ${FIGURES}
      byRegion { region name ${FIGURES} }
      bySector { sector ${FIGURES} }
      matrix { sector region name ${FIGURES} }
    }
  }
`);

export function hazardStatsRoutes(route: RouteDeps): Router {
  const router = Router();
  router.get("/hazard-stats/:file", async (req, res) => {
    const match = /^(.+)\.csv$/.exec(req.params.file);
    if (!match) return sendNotFound(res, "hazard figures are served as /hazard-stats/<region>.csv");
    const result = await runAs<{ hazardStats: (HazardStatsData & { name: string | null }) | null }>(route, { req, res }, HAZARD_STATS_OPERATION, { region: match[1] });
    if (!result.ok) return sendErrors(res, result.status, result.errors);
    if (result.data.hazardStats === null) return sendNotFound(res, "no region with this code");
    res.setHeader("content-type", "text/csv; charset=utf-8");
    res.setHeader("content-disposition", `attachment; filename="hazard-stats-${result.data.hazardStats.region}.csv"`);
    res.send(hazardStatsCsv(result.data.hazardStats, result.data.hazardStats.name));
  });
  return router;
}
