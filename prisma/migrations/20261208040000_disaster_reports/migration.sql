-- CreateEnum
CREATE TYPE "DisasterReportStage" AS ENUM ('INITIAL', 'UPDATE', 'FINAL');

-- CreateTable
CREATE TABLE "DisasterEvent" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "hazardType" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "sourceDepartment" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT NOT NULL,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "DisasterEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisasterReport" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "stage" "DisasterReportStage" NOT NULL,
    "regionCode" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "affectedPeople" INTEGER,
    "deaths" INTEGER,
    "missing" INTEGER,
    "relocated" INTEGER,
    "needingAid" INTEGER,
    "collapsedHouses" INTEGER,
    "severelyDamagedHouses" INTEGER,
    "generallyDamagedHouses" INTEGER,
    "cropAreaHa" DOUBLE PRECISION,
    "directLossWanYuan" DOUBLE PRECISION,
    "aidDeliveredAt" TIMESTAMP(3),
    "sourceDepartment" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT NOT NULL,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "DisasterReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DisasterEvent_sourceSystem_sourceId_key" ON "DisasterEvent"("sourceSystem", "sourceId");

-- CreateIndex
CREATE INDEX "DisasterReport_eventId_idx" ON "DisasterReport"("eventId");

-- CreateIndex
CREATE UNIQUE INDEX "DisasterReport_sourceSystem_sourceId_key" ON "DisasterReport"("sourceSystem", "sourceId");

-- AddForeignKey
ALTER TABLE "DisasterReport" ADD CONSTRAINT "DisasterReport_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "DisasterEvent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The lists: processes newest first, alone, within a city or a county, by type; a process's reports
CREATE INDEX "DisasterEvent_occurredAt_idx" ON "DisasterEvent"("occurredAt" DESC, "id" DESC);
CREATE INDEX "DisasterEvent_city_occurredAt_idx" ON "DisasterEvent"(substr("regionCode", 1, 4), "occurredAt" DESC, "id" DESC);
CREATE INDEX "DisasterEvent_county_occurredAt_idx" ON "DisasterEvent"(substr("regionCode", 1, 6), "occurredAt" DESC, "id" DESC);
CREATE INDEX "DisasterEvent_hazardType_occurredAt_idx" ON "DisasterEvent"("hazardType", "occurredAt" DESC, "id" DESC);
