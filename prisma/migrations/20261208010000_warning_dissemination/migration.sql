-- CreateEnum
CREATE TYPE "DisseminationChannel" AS ENUM ('SMS', 'RADIO', 'TV', 'LOUDSPEAKER', 'NEW_MEDIA', 'OTHER');

-- CreateTable
CREATE TABLE "WarningDissemination" (
    "id" TEXT NOT NULL,
    "warningId" TEXT NOT NULL,
    "channel" "DisseminationChannel" NOT NULL,
    "regionCode" TEXT NOT NULL,
    "reached" INTEGER,
    "terminals" INTEGER,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "sourceDepartment" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT NOT NULL,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "WarningDissemination_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WarningDissemination_warningId_idx" ON "WarningDissemination"("warningId");

-- CreateIndex
CREATE UNIQUE INDEX "WarningDissemination_sourceSystem_sourceId_key" ON "WarningDissemination"("sourceSystem", "sourceId");

-- AddForeignKey
ALTER TABLE "WarningDissemination" ADD CONSTRAINT "WarningDissemination_warningId_fkey" FOREIGN KEY ("warningId") REFERENCES "Warning"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The reports of a territory's warnings of the past year (the indicators), alone, within a city or a county
CREATE INDEX "WarningDissemination_sentAt_idx" ON "WarningDissemination"("sentAt" DESC, "id" DESC);
CREATE INDEX "WarningDissemination_city_sentAt_idx" ON "WarningDissemination"(substr("regionCode", 1, 4), "sentAt" DESC, "id" DESC);
CREATE INDEX "WarningDissemination_county_sentAt_idx" ON "WarningDissemination"(substr("regionCode", 1, 6), "sentAt" DESC, "id" DESC);
