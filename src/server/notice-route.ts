/**
 * GET /e/<credit code>: the enterprise's public risk notice as a page, what
 * its QR code opens. It runs the fixed operations below as the caller — a
 * phone is anonymous and gets the notice's public fields; a token holder who
 * may read the enterprise's file also gets its open hazards and major hazard
 * sources — so the catalogue decides, as in the API. A malformed code is 400,
 * an unknown one 404, both as small HTML pages.
 */
import { Router } from "express";
import { parse } from "graphql";
import { noticeMissingPage, noticePage, type FileSummary, type NoticeData } from "./notice-page.js";
import { runAs, type RouteDeps } from "./run-operation.js";

export const NOTICE_OPERATION = parse(/* GraphQL */ `
  query EnterpriseNoticePage($code: String!) {
    enterpriseNotice(code: $code) {
      creditCode name sector address region { name } riskLevel
      riskPointCounts { level count }
      riskPoints { name level accidentTypes controlMeasures }
      safetyPrincipal safetyPrincipalPhone updatedAt fileUrl
    }
  }
`);

export const FILE_SUMMARY_OPERATION = parse(/* GraphQL */ `
  query EnterpriseNoticeFile($code: String!) {
    enterprise(code: $code) {
      hazards(filter: { open: true }, orderBy: DEADLINE_ASC) { grade state description deadline overdue }
      majorHazardSources { name grade }
    }
  }
`);

export function noticeRoutes(route: RouteDeps): Router {
  const router = Router();
  router.get("/e/:code", async (req, res) => {
    const variables = { code: req.params.code };
    const notice = await runAs<{ enterpriseNotice: NoticeData | null }>(route, { req, res }, NOTICE_OPERATION, variables, { anonymous: true });
    res.type("html");
    if (!notice.ok) return void res.status(notice.status).send(noticeMissingPage(notice.status, notice.errors[0]?.message ?? "refused"));
    if (!notice.data.enterpriseNotice) return void res.status(404).send(noticeMissingPage(404, "没有这个统一社会信用代码的企业 (no enterprise with this credit code)"));
    const file = req.headers.authorization ? await runAs<{ enterprise: FileSummary | null }>(route, { req, res }, FILE_SUMMARY_OPERATION, variables) : null;
    res.send(noticePage(notice.data.enterpriseNotice, file?.ok ? file.data.enterprise : null));
  });
  return router;
}
