-- AlterTable
ALTER TABLE "Hazard" ADD COLUMN     "hubActed" BOOLEAN NOT NULL DEFAULT false;

-- A hazard the hub's workflow has acted on: any step of the workflow in its history.
UPDATE "Hazard" h SET "hubActed" = true
 WHERE EXISTS (SELECT 1 FROM "HazardEvent" e WHERE e."hazardId" = h."id"
                 AND e."action" IN ('REPORT', 'PLAN', 'SUBMIT', 'ACCEPT', 'REJECT', 'SUPERVISE', 'CANCEL', 'FIX_ON_SPOT'));
