-- The public risk notice of an enterprise (安全风险公告 / 风险告知), the page its
-- QR code opens: a view over the enterprise and its risk points in force, so
-- the sharing catalogue can classify it as a dataset of its own.
CREATE VIEW "EnterpriseNotice" AS
SELECT
  e."creditCode",
  e."name",
  e."sector",
  e."regionCode",
  e."address",
  e."safetyPrincipal",
  e."safetyPrincipalPhone",
  (SELECT r."level" FROM "RiskPoint" r WHERE r."enterpriseCode" = e."creditCode" AND r."retiredAt" IS NULL ORDER BY r."level" LIMIT 1) AS "riskLevel",
  COALESCE(
    (SELECT json_agg(json_build_object('name', r."name", 'level', r."level", 'accidentTypes', r."accidentTypes", 'controlMeasures', r."controlMeasures") ORDER BY r."level", r."name")
       FROM "RiskPoint" r WHERE r."enterpriseCode" = e."creditCode" AND r."retiredAt" IS NULL),
    '[]'::json
  ) AS "riskPoints",
  e."updatedAt"
FROM "Enterprise" e
WHERE e."retiredAt" IS NULL;
