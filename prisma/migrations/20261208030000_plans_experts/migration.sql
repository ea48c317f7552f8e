-- CreateEnum
CREATE TYPE "PlanKind" AS ENUM ('OVERALL', 'SPECIAL', 'DEPARTMENTAL', 'GRASSROOTS', 'ENTERPRISE');

-- CreateTable
CREATE TABLE "EmergencyPlan" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "PlanKind" NOT NULL,
    "level" TEXT,
    "eventTypes" TEXT[],
    "responseLevels" TEXT[],
    "ownerUnit" TEXT NOT NULL,
    "enterpriseCode" TEXT,
    "regionCode" TEXT NOT NULL,
    "filed" BOOLEAN NOT NULL DEFAULT false,
    "filedAt" DATE,
    "revisedAt" DATE,
    "lastDrillAt" DATE,
    "sourceDepartment" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT NOT NULL,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "EmergencyPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Expert" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "specialities" TEXT[],
    "unit" TEXT NOT NULL,
    "title" TEXT,
    "regionCode" TEXT NOT NULL,
    "phone" TEXT,
    "lon" DOUBLE PRECISION,
    "lat" DOUBLE PRECISION,
    "sourceDepartment" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT NOT NULL,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "Expert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EmergencyPlan_sourceSystem_sourceId_key" ON "EmergencyPlan"("sourceSystem", "sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "Expert_sourceSystem_sourceId_key" ON "Expert"("sourceSystem", "sourceId");


-- The lists: by name, alone, within a city or a county, by kind; the events a plan covers and an expert's
-- specialities as array containment (GIN); experts nearest first
CREATE INDEX "EmergencyPlan_name_idx" ON "EmergencyPlan"("name", "id");
CREATE INDEX "EmergencyPlan_city_name_idx" ON "EmergencyPlan"(substr("regionCode", 1, 4), "name", "id");
CREATE INDEX "EmergencyPlan_county_name_idx" ON "EmergencyPlan"(substr("regionCode", 1, 6), "name", "id");
CREATE INDEX "EmergencyPlan_kind_name_idx" ON "EmergencyPlan"("kind", "name", "id");
CREATE INDEX "EmergencyPlan_eventTypes_idx" ON "EmergencyPlan" USING gin ("eventTypes");
CREATE INDEX "Expert_name_idx" ON "Expert"("name", "id");
CREATE INDEX "Expert_city_name_idx" ON "Expert"(substr("regionCode", 1, 4), "name", "id");
CREATE INDEX "Expert_county_name_idx" ON "Expert"(substr("regionCode", 1, 6), "name", "id");
CREATE INDEX "Expert_specialities_idx" ON "Expert" USING gin ("specialities");
CREATE INDEX "Expert_nearest_idx" ON "Expert" USING gist (point("lon" * 0.829, "lat"));
