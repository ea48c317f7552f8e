-- CreateEnum
CREATE TYPE "TipOffState" AS ENUM ('RECEIVED', 'REGISTERED', 'DISMISSED');

-- CreateTable
CREATE TABLE "TipOff" (
    "id" TEXT NOT NULL,
    "ticket" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "enterpriseCode" TEXT,
    "enterpriseName" TEXT,
    "location" TEXT,
    "description" TEXT NOT NULL,
    "reporterName" TEXT,
    "reporterContact" TEXT,
    "state" "TipOffState" NOT NULL DEFAULT 'RECEIVED',
    "hazardId" TEXT,
    "reply" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TipOff_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TipOff_ticket_key" ON "TipOff"("ticket");


-- The bureau's list, newest first, alone, within a city or a county, and by state
CREATE INDEX "TipOff_receivedAt_idx" ON "TipOff"("receivedAt" DESC, "id" DESC);
CREATE INDEX "TipOff_city_receivedAt_idx" ON "TipOff"(substr("regionCode", 1, 4), "receivedAt" DESC, "id" DESC);
CREATE INDEX "TipOff_county_receivedAt_idx" ON "TipOff"(substr("regionCode", 1, 6), "receivedAt" DESC, "id" DESC);
CREATE INDEX "TipOff_state_receivedAt_idx" ON "TipOff"("state", "receivedAt" DESC, "id" DESC);
