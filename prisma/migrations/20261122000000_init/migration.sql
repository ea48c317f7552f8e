-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "RegionLevel" AS ENUM ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE');

-- CreateEnum
CREATE TYPE "RiskLevel" AS ENUM ('RED', 'ORANGE', 'YELLOW', 'BLUE');

-- CreateEnum
CREATE TYPE "HazardGrade" AS ENUM ('GENERAL', 'MAJOR');

-- CreateEnum
CREATE TYPE "HazardState" AS ENUM ('REPORTED', 'RECTIFYING', 'PENDING_ACCEPTANCE', 'CLOSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "WarningLevel" AS ENUM ('BLUE', 'YELLOW', 'ORANGE', 'RED');

-- CreateEnum
CREATE TYPE "WarningStatus" AS ENUM ('ACTIVE', 'SUPERSEDED', 'CANCELLED');

-- CreateTable
CREATE TABLE "Region" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" "RegionLevel" NOT NULL,
    "parentCode" TEXT,
    "population" INTEGER,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Department" (
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Enterprise" (
    "creditCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sector" TEXT NOT NULL,
    "sizeClass" TEXT,
    "regionCode" TEXT NOT NULL,
    "address" TEXT,
    "lon" DOUBLE PRECISION,
    "lat" DOUBLE PRECISION,
    "legalRepresentative" TEXT,
    "legalRepresentativePhone" TEXT,
    "safetyPrincipal" TEXT,
    "safetyPrincipalPhone" TEXT,
    "standardisationGrade" TEXT,
    "liabilityInsurance" BOOLEAN,
    "dualPreventionStatus" TEXT,
    "creditStatus" TEXT,
    "sourceDepartment" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT NOT NULL,
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Enterprise_pkey" PRIMARY KEY ("creditCode")
);

-- CreateTable
CREATE TABLE "RiskPoint" (
    "id" TEXT NOT NULL,
    "enterpriseCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT,
    "hazardFactors" TEXT[],
    "accidentTypes" TEXT[],
    "level" "RiskLevel" NOT NULL,
    "assessmentMethod" TEXT,
    "assessmentScore" DOUBLE PRECISION,
    "controlMeasures" TEXT,
    "responsibleUnit" TEXT,
    "responsiblePerson" TEXT,
    "onlineMonitored" BOOLEAN NOT NULL DEFAULT false,
    "regionCode" TEXT NOT NULL,
    "sourceDepartment" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT NOT NULL,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "RiskPoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MajorHazardSource" (
    "id" TEXT NOT NULL,
    "enterpriseCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "grade" INTEGER NOT NULL,
    "substances" TEXT[],
    "rValue" DOUBLE PRECISION,
    "filed" BOOLEAN NOT NULL DEFAULT false,
    "filedAt" TIMESTAMP(3),
    "monitoringOnline" BOOLEAN NOT NULL DEFAULT false,
    "regionCode" TEXT NOT NULL,
    "sourceDepartment" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT NOT NULL,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "MajorHazardSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Hazard" (
    "id" TEXT NOT NULL,
    "enterpriseCode" TEXT NOT NULL,
    "riskPointId" TEXT,
    "grade" "HazardGrade" NOT NULL,
    "state" "HazardState" NOT NULL DEFAULT 'REPORTED',
    "description" TEXT NOT NULL,
    "category" TEXT,
    "discoverySource" TEXT,
    "foundAt" TIMESTAMP(3) NOT NULL,
    "foundBy" TEXT,
    "regionCode" TEXT NOT NULL,
    "sector" TEXT NOT NULL,
    "measures" TEXT,
    "funds" DECIMAL(14,2),
    "responsiblePerson" TEXT,
    "deadline" DATE,
    "goal" TEXT,
    "safetyMeasures" TEXT,
    "supervisedBy" TEXT,
    "supervisionDeadline" DATE,
    "acceptedBy" TEXT,
    "acceptedAt" TIMESTAMP(3),
    "acceptanceOpinion" TEXT,
    "closedAt" TIMESTAMP(3),
    "overdueSince" TIMESTAMP(3),
    "sourceDepartment" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT NOT NULL,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "Hazard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HazardEvent" (
    "id" TEXT NOT NULL,
    "hazardId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "fromState" "HazardState",
    "toState" "HazardState" NOT NULL,
    "actor" TEXT NOT NULL,
    "note" TEXT,
    "evidence" TEXT[],
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HazardEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Shelter" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "shelterClass" TEXT,
    "spaceType" TEXT NOT NULL,
    "disasterTypes" TEXT[],
    "areaM2" DOUBLE PRECISION NOT NULL,
    "capacity" INTEGER NOT NULL,
    "serviceRadiusM" INTEGER,
    "facilities" TEXT[],
    "lon" DOUBLE PRECISION NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "regionCode" TEXT NOT NULL,
    "address" TEXT,
    "managingUnit" TEXT,
    "contactName" TEXT,
    "contactPhone" TEXT,
    "status" TEXT NOT NULL,
    "sourceDepartment" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT NOT NULL,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "Shelter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RescueTeam" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "headcount" INTEGER NOT NULL,
    "vehicles" INTEGER NOT NULL DEFAULT 0,
    "equipment" TEXT[],
    "baseAddress" TEXT,
    "lon" DOUBLE PRECISION NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "regionCode" TEXT NOT NULL,
    "dutyPhone" TEXT,
    "status" TEXT NOT NULL,
    "enterpriseCode" TEXT,
    "sourceDepartment" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT NOT NULL,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "RescueTeam_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamMember" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "skills" TEXT[],
    "phone" TEXT,
    "sourceDepartment" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT NOT NULL,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "TeamMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupplyDepot" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "storageMode" TEXT NOT NULL,
    "address" TEXT,
    "lon" DOUBLE PRECISION NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "regionCode" TEXT NOT NULL,
    "keeperName" TEXT,
    "keeperPhone" TEXT,
    "enterpriseCode" TEXT,
    "sourceDepartment" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT NOT NULL,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "SupplyDepot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupplyItem" (
    "id" TEXT NOT NULL,
    "depotId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "quantity" DOUBLE PRECISION NOT NULL,
    "unit" TEXT NOT NULL,
    "sourceDepartment" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT NOT NULL,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "SupplyItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Warning" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "sender" TEXT NOT NULL,
    "sent" TIMESTAMP(3) NOT NULL,
    "msgType" TEXT NOT NULL,
    "capStatus" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "references" TEXT[],
    "event" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "level" "WarningLevel" NOT NULL,
    "severity" TEXT NOT NULL,
    "urgency" TEXT,
    "certainty" TEXT,
    "headline" TEXT NOT NULL,
    "description" TEXT,
    "instruction" TEXT,
    "senderName" TEXT,
    "effective" TIMESTAMP(3),
    "onset" TIMESTAMP(3),
    "expires" TIMESTAMP(3),
    "status" "WarningStatus" NOT NULL DEFAULT 'ACTIVE',
    "supersededById" TEXT,
    "regionCodes" TEXT[],
    "headlineEn" TEXT,
    "sourceDepartment" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT NOT NULL,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "Warning_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WarningArea" (
    "id" TEXT NOT NULL,
    "warningId" TEXT NOT NULL,
    "areaDesc" TEXT NOT NULL,
    "geocodes" TEXT[],
    "polygons" TEXT[],
    "circles" TEXT[],

    CONSTRAINT "WarningArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HydroStation" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "river" TEXT,
    "stationType" TEXT NOT NULL,
    "lon" DOUBLE PRECISION NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "regionCode" TEXT NOT NULL,
    "warningLevel" DOUBLE PRECISION,
    "guaranteedLevel" DOUBLE PRECISION,
    "floodLimitLevel" DOUBLE PRECISION,
    "historicalMaxLevel" DOUBLE PRECISION,
    "sourceDepartment" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT NOT NULL,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "HydroStation_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "HydroReading" (
    "id" TEXT NOT NULL,
    "stationCode" TEXT NOT NULL,
    "observedAt" TIMESTAMP(3) NOT NULL,
    "level" DOUBLE PRECISION,
    "flow" DOUBLE PRECISION,
    "inflow" DOUBLE PRECISION,
    "outflow" DOUBLE PRECISION,
    "storage" DOUBLE PRECISION,
    "sourceSystem" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HydroReading_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GeoHazardPoint" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "hazardType" TEXT NOT NULL,
    "scale" TEXT NOT NULL,
    "threatGrade" TEXT NOT NULL,
    "location" TEXT,
    "lon" DOUBLE PRECISION NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "regionCode" TEXT NOT NULL,
    "threatenedPeople" INTEGER NOT NULL,
    "threatenedHouseholds" INTEGER,
    "threatenedPropertyWan" DOUBLE PRECISION,
    "triggers" TEXT[],
    "monitorName" TEXT,
    "monitorPhone" TEXT,
    "measures" TEXT[],
    "sourceDepartment" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT NOT NULL,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "GeoHazardPoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoadHazard" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "route" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startStake" TEXT,
    "endStake" TEXT,
    "regionCode" TEXT NOT NULL,
    "lon" DOUBLE PRECISION,
    "lat" DOUBLE PRECISION,
    "maintainingUnit" TEXT,
    "status" TEXT NOT NULL,
    "closed" BOOLEAN NOT NULL DEFAULT false,
    "closureReason" TEXT,
    "closedFrom" TIMESTAMP(3),
    "closedUntil" TIMESTAMP(3),
    "sourceDepartment" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT NOT NULL,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "RoadHazard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" TEXT NOT NULL,
    "connector" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "ok" BOOLEAN,
    "fetched" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "retired" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,

    CONSTRAINT "SyncRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuarantinedRecord" (
    "id" TEXT NOT NULL,
    "connector" TEXT NOT NULL,
    "runId" TEXT,
    "sourceId" TEXT,
    "reason" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuarantinedRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requestId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "department" TEXT,
    "roles" TEXT[],
    "action" TEXT NOT NULL,
    "dataset" TEXT NOT NULL,
    "recordId" TEXT,
    "fields" TEXT[],

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Region_parentCode_idx" ON "Region"("parentCode");

-- CreateIndex
CREATE INDEX "Enterprise_regionCode_idx" ON "Enterprise"("regionCode");

-- CreateIndex
CREATE INDEX "Enterprise_sector_idx" ON "Enterprise"("sector");

-- CreateIndex
CREATE UNIQUE INDEX "Enterprise_sourceSystem_sourceId_key" ON "Enterprise"("sourceSystem", "sourceId");

-- CreateIndex
CREATE INDEX "RiskPoint_enterpriseCode_idx" ON "RiskPoint"("enterpriseCode");

-- CreateIndex
CREATE INDEX "RiskPoint_regionCode_idx" ON "RiskPoint"("regionCode");

-- CreateIndex
CREATE UNIQUE INDEX "RiskPoint_sourceSystem_sourceId_key" ON "RiskPoint"("sourceSystem", "sourceId");

-- CreateIndex
CREATE INDEX "MajorHazardSource_enterpriseCode_idx" ON "MajorHazardSource"("enterpriseCode");

-- CreateIndex
CREATE INDEX "MajorHazardSource_regionCode_idx" ON "MajorHazardSource"("regionCode");

-- CreateIndex
CREATE UNIQUE INDEX "MajorHazardSource_sourceSystem_sourceId_key" ON "MajorHazardSource"("sourceSystem", "sourceId");

-- CreateIndex
CREATE INDEX "Hazard_enterpriseCode_idx" ON "Hazard"("enterpriseCode");

-- CreateIndex
CREATE INDEX "Hazard_regionCode_state_idx" ON "Hazard"("regionCode", "state");

-- CreateIndex
CREATE INDEX "Hazard_state_deadline_idx" ON "Hazard"("state", "deadline");

-- CreateIndex
CREATE UNIQUE INDEX "Hazard_sourceSystem_sourceId_key" ON "Hazard"("sourceSystem", "sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "HazardEvent_hazardId_seq_key" ON "HazardEvent"("hazardId", "seq");

-- CreateIndex
CREATE INDEX "Shelter_regionCode_idx" ON "Shelter"("regionCode");

-- CreateIndex
CREATE INDEX "Shelter_lat_lon_idx" ON "Shelter"("lat", "lon");

-- CreateIndex
CREATE UNIQUE INDEX "Shelter_sourceSystem_sourceId_key" ON "Shelter"("sourceSystem", "sourceId");

-- CreateIndex
CREATE INDEX "RescueTeam_regionCode_idx" ON "RescueTeam"("regionCode");

-- CreateIndex
CREATE INDEX "RescueTeam_enterpriseCode_idx" ON "RescueTeam"("enterpriseCode");

-- CreateIndex
CREATE UNIQUE INDEX "RescueTeam_sourceSystem_sourceId_key" ON "RescueTeam"("sourceSystem", "sourceId");

-- CreateIndex
CREATE INDEX "TeamMember_teamId_idx" ON "TeamMember"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "TeamMember_sourceSystem_sourceId_key" ON "TeamMember"("sourceSystem", "sourceId");

-- CreateIndex
CREATE INDEX "SupplyDepot_regionCode_idx" ON "SupplyDepot"("regionCode");

-- CreateIndex
CREATE UNIQUE INDEX "SupplyDepot_sourceSystem_sourceId_key" ON "SupplyDepot"("sourceSystem", "sourceId");

-- CreateIndex
CREATE INDEX "SupplyItem_depotId_idx" ON "SupplyItem"("depotId");

-- CreateIndex
CREATE UNIQUE INDEX "SupplyItem_sourceSystem_sourceId_key" ON "SupplyItem"("sourceSystem", "sourceId");

-- CreateIndex
CREATE INDEX "Warning_sender_identifier_idx" ON "Warning"("sender", "identifier");

-- CreateIndex
CREATE UNIQUE INDEX "Warning_sourceSystem_sourceId_key" ON "Warning"("sourceSystem", "sourceId");

-- CreateIndex
CREATE INDEX "WarningArea_warningId_idx" ON "WarningArea"("warningId");

-- CreateIndex
CREATE INDEX "HydroStation_regionCode_idx" ON "HydroStation"("regionCode");

-- CreateIndex
CREATE UNIQUE INDEX "HydroStation_sourceSystem_sourceId_key" ON "HydroStation"("sourceSystem", "sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "HydroReading_stationCode_observedAt_key" ON "HydroReading"("stationCode", "observedAt");

-- CreateIndex
CREATE INDEX "GeoHazardPoint_regionCode_idx" ON "GeoHazardPoint"("regionCode");

-- CreateIndex
CREATE UNIQUE INDEX "GeoHazardPoint_sourceSystem_sourceId_key" ON "GeoHazardPoint"("sourceSystem", "sourceId");

-- CreateIndex
CREATE INDEX "RoadHazard_regionCode_idx" ON "RoadHazard"("regionCode");

-- CreateIndex
CREATE UNIQUE INDEX "RoadHazard_sourceSystem_sourceId_key" ON "RoadHazard"("sourceSystem", "sourceId");

-- CreateIndex
CREATE INDEX "SyncRun_connector_startedAt_idx" ON "SyncRun"("connector", "startedAt");

-- CreateIndex
CREATE INDEX "QuarantinedRecord_connector_receivedAt_idx" ON "QuarantinedRecord"("connector", "receivedAt");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- CreateIndex
CREATE INDEX "AuditEntry_dataset_recordId_idx" ON "AuditEntry"("dataset", "recordId");

-- AddForeignKey
ALTER TABLE "Region" ADD CONSTRAINT "Region_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "Region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskPoint" ADD CONSTRAINT "RiskPoint_enterpriseCode_fkey" FOREIGN KEY ("enterpriseCode") REFERENCES "Enterprise"("creditCode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MajorHazardSource" ADD CONSTRAINT "MajorHazardSource_enterpriseCode_fkey" FOREIGN KEY ("enterpriseCode") REFERENCES "Enterprise"("creditCode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hazard" ADD CONSTRAINT "Hazard_enterpriseCode_fkey" FOREIGN KEY ("enterpriseCode") REFERENCES "Enterprise"("creditCode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hazard" ADD CONSTRAINT "Hazard_riskPointId_fkey" FOREIGN KEY ("riskPointId") REFERENCES "RiskPoint"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HazardEvent" ADD CONSTRAINT "HazardEvent_hazardId_fkey" FOREIGN KEY ("hazardId") REFERENCES "Hazard"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RescueTeam" ADD CONSTRAINT "RescueTeam_enterpriseCode_fkey" FOREIGN KEY ("enterpriseCode") REFERENCES "Enterprise"("creditCode") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "RescueTeam"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupplyDepot" ADD CONSTRAINT "SupplyDepot_enterpriseCode_fkey" FOREIGN KEY ("enterpriseCode") REFERENCES "Enterprise"("creditCode") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupplyItem" ADD CONSTRAINT "SupplyItem_depotId_fkey" FOREIGN KEY ("depotId") REFERENCES "SupplyDepot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Warning" ADD CONSTRAINT "Warning_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "Warning"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WarningArea" ADD CONSTRAINT "WarningArea_warningId_fkey" FOREIGN KEY ("warningId") REFERENCES "Warning"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HydroReading" ADD CONSTRAINT "HydroReading_stationCode_fkey" FOREIGN KEY ("stationCode") REFERENCES "HydroStation"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

