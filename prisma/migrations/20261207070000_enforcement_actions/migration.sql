-- CreateEnum
CREATE TYPE "EnforcementOrder" AS ENUM ('NONE', 'RECTIFY_NOW', 'RECTIFY_BY_DEADLINE', 'SUSPEND');

-- CreateTable
CREATE TABLE "EnforcementAction" (
    "id" TEXT NOT NULL,
    "enterpriseCode" TEXT NOT NULL,
    "caseNumber" TEXT NOT NULL,
    "inspectedAt" TIMESTAMP(3) NOT NULL,
    "unit" TEXT NOT NULL,
    "findings" TEXT NOT NULL,
    "hazardSourceIds" TEXT[],
    "order" "EnforcementOrder" NOT NULL DEFAULT 'NONE',
    "orderDeadline" DATE,
    "penalty" TEXT,
    "fineYuan" DOUBLE PRECISION,
    "closed" BOOLEAN NOT NULL DEFAULT false,
    "regionCode" TEXT NOT NULL,
    "sourceDepartment" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT NOT NULL,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "EnforcementAction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EnforcementAction_enterpriseCode_idx" ON "EnforcementAction"("enterpriseCode");

-- CreateIndex
CREATE UNIQUE INDEX "EnforcementAction_sourceSystem_sourceId_key" ON "EnforcementAction"("sourceSystem", "sourceId");

-- AddForeignKey
ALTER TABLE "EnforcementAction" ADD CONSTRAINT "EnforcementAction_enterpriseCode_fkey" FOREIGN KEY ("enterpriseCode") REFERENCES "Enterprise"("creditCode") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The list, newest first, alone, within a city or a county, and by what was ordered
CREATE INDEX "EnforcementAction_inspectedAt_idx" ON "EnforcementAction"("inspectedAt" DESC, "id" DESC);
CREATE INDEX "EnforcementAction_city_inspectedAt_idx" ON "EnforcementAction"(substr("regionCode", 1, 4), "inspectedAt" DESC, "id" DESC);
CREATE INDEX "EnforcementAction_county_inspectedAt_idx" ON "EnforcementAction"(substr("regionCode", 1, 6), "inspectedAt" DESC, "id" DESC);
CREATE INDEX "EnforcementAction_order_inspectedAt_idx" ON "EnforcementAction"("order", "inspectedAt" DESC, "id" DESC);
