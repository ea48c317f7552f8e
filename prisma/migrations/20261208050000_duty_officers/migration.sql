-- CreateEnum
CREATE TYPE "DutyRole" AS ENUM ('LEADER', 'OFFICER');

-- CreateEnum
CREATE TYPE "OfficerRole" AS ENUM ('INFORMATION_OFFICER_A', 'INFORMATION_OFFICER_B', 'GRID_MEMBER');

-- CreateTable
CREATE TABLE "DutyShift" (
    "id" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "role" "DutyRole" NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "sourceDepartment" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT NOT NULL,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "DutyShift_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InformationOfficer" (
    "id" TEXT NOT NULL,
    "role" "OfficerRole" NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "regionCode" TEXT NOT NULL,
    "grid" TEXT,
    "sourceDepartment" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT NOT NULL,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "InformationOfficer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DutyShift_sourceSystem_sourceId_key" ON "DutyShift"("sourceSystem", "sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "InformationOfficer_sourceSystem_sourceId_key" ON "InformationOfficer"("sourceSystem", "sourceId");


-- The lists: shifts newest first (and who is on duty now: the shifts that have begun, newest first),
-- alone, within a city or a county; officers by name, alone, within a city, a county or a village
CREATE INDEX "DutyShift_startsAt_idx" ON "DutyShift"("startsAt" DESC, "id" DESC);
CREATE INDEX "DutyShift_city_startsAt_idx" ON "DutyShift"(substr("regionCode", 1, 4), "startsAt" DESC, "id" DESC);
CREATE INDEX "DutyShift_county_startsAt_idx" ON "DutyShift"(substr("regionCode", 1, 6), "startsAt" DESC, "id" DESC);
CREATE INDEX "InformationOfficer_name_idx" ON "InformationOfficer"("name", "id");
CREATE INDEX "InformationOfficer_city_name_idx" ON "InformationOfficer"(substr("regionCode", 1, 4), "name", "id");
CREATE INDEX "InformationOfficer_county_name_idx" ON "InformationOfficer"(substr("regionCode", 1, 6), "name", "id");
CREATE INDEX "InformationOfficer_region_idx" ON "InformationOfficer"("regionCode");
CREATE INDEX "InformationOfficer_role_name_idx" ON "InformationOfficer"("role", "name", "id");
