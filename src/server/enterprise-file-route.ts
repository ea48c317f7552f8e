/**
 * GET /enterprises/<credit code>/file: the enterprise's one file (一企一码一档)
 * as one JSON document, for archiving and exchange. It is the fixed
 * operation below run as the caller, so the access policy is the API's.
 * 401 without a valid token; 404 when the enterprise is absent or out of scope.
 */
import { Router } from "express";
import { parse } from "graphql";
import { sendErrors } from "./error-body.js";
import { runAs, sendNotFound, type RouteDeps } from "./run-operation.js";

export const ENTERPRISE_FILE_FORMAT = "emhub-enterprise-file/1";

export const ENTERPRISE_FILE_OPERATION = parse(/* GraphQL */ `
  query EnterpriseFileExport($code: String!) {
    enterprise(code: $code) {
      id creditCode name sector sizeClass regionCode region { code name } address lon lat
      legalRepresentative legalRepresentativePhone safetyPrincipal safetyPrincipalPhone
      standardisationGrade liabilityInsurance dualPreventionStatus creditStatus
      provenance { ...Source }
      riskPointCounts { level count }
      riskPoints {
        id name type hazardFactors accidentTypes level assessmentMethod assessmentScore
        controlMeasures responsibleUnit responsiblePerson onlineMonitored regionCode provenance { ...Source }
      }
      majorHazardSources { id name grade substances rValue filed filedAt monitoringOnline provenance { ...Source } }
      monitoringPoints {
        code name indicator unit majorHazardSource { id name } riskPoint { id name }
        lowLow low high highHigh lastValue lastReadingAt alarmLevel online offlineSince provenance { ...Source }
      }
      hazards {
        id grade state version description category discoverySource foundAt foundBy riskPoint { id name }
        measures funds responsiblePerson deadline goal safetyMeasures
        supervised supervisedBy supervisionDeadline acceptedBy acceptedAt acceptanceOpinion closedAt
        overdue overdueSince provenance { ...Source }
        events { seq action fromState toState actor at note evidence }
      }
      rescueTeams {
        id name category level headcount vehicles equipment baseAddress dutyPhone status provenance { ...Source }
        members { name role skills phone }
      }
      supplyDepots {
        id name tier storageMode address keeperName keeperPhone provenance { ...Source }
        items { category name quantity unit provenance { ...Source } }
      }
      nearbyShelters { distanceKm shelter { id code name level capacity areaM2 address status provenance { ...Source } } }
    }
  }
  fragment Source on Provenance { sourceDepartment sourceSystem sourceId fetchedAt version ageSeconds retiredAt }
`);

export function enterpriseFileRoutes(route: RouteDeps): Router {
  const router = Router();
  router.get("/enterprises/:code/file", async (req, res) => {
    const result = await runAs<{ enterprise: Record<string, unknown> | null }>(route, { req, res }, ENTERPRISE_FILE_OPERATION, { code: req.params.code });
    if (!result.ok) return sendErrors(res, result.status, result.errors);
    const file = result.data.enterprise;
    if (file === null) return sendNotFound(res, "no enterprise with this credit code");
    res.setHeader("content-disposition", `attachment; filename="${String(file.creditCode)}.json"`);
    res.json({ format: ENTERPRISE_FILE_FORMAT, exportedAt: new Date().toISOString(), enterprise: file });
  });
  return router;
}
