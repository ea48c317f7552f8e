-- CreateEnum
CREATE TYPE "MonitoringIndicator" AS ENUM ('LEVEL', 'TEMPERATURE', 'PRESSURE', 'FLOW', 'COMBUSTIBLE_GAS', 'TOXIC_GAS', 'VIDEO');

-- CreateEnum
CREATE TYPE "AlarmLevel" AS ENUM ('LOW_LOW', 'LOW', 'HIGH', 'HIGH_HIGH');

-- CreateEnum
CREATE TYPE "AlarmState" AS ENUM ('RAISED', 'ACKNOWLEDGED', 'HANDLED', 'CLEARED');

-- CreateTable
CREATE TABLE "MonitoringPoint" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "enterpriseCode" TEXT NOT NULL,
    "majorHazardSourceId" TEXT,
    "riskPointId" TEXT,
    "indicator" "MonitoringIndicator" NOT NULL,
    "unit" TEXT,
    "rangeLow" DOUBLE PRECISION,
    "rangeHigh" DOUBLE PRECISION,
    "lowLow" DOUBLE PRECISION,
    "low" DOUBLE PRECISION,
    "high" DOUBLE PRECISION,
    "highHigh" DOUBLE PRECISION,
    "regionCode" TEXT NOT NULL,
    "lastValue" DOUBLE PRECISION,
    "lastReadingAt" TIMESTAMP(3),
    "sourceDepartment" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT NOT NULL,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "MonitoringPoint_pkey" PRIMARY KEY ("code")
);

-- Partitioned by day (src/data/reading-partitions.ts makes each day's partition before its readings are
-- written and drops it, after folding it into "HourlyReading", once it is past the retention). No foreign
-- key: the ingest checks the point, and a key check per row would halve the rate.
CREATE TABLE "MonitoringReading" (
    "pointCode" TEXT NOT NULL,
    "observedAt" TIMESTAMP(3) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "MonitoringReading_pkey" PRIMARY KEY ("pointCode","observedAt")
) PARTITION BY RANGE ("observedAt");

-- CreateTable
CREATE TABLE "HourlyReading" (
    "series" TEXT NOT NULL,
    "seriesKey" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "min" DOUBLE PRECISION NOT NULL,
    "max" DOUBLE PRECISION NOT NULL,
    "mean" DOUBLE PRECISION NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "HourlyReading_pkey" PRIMARY KEY ("series","seriesKey","hour")
);

-- CreateTable
CREATE TABLE "MonitoringAlarm" (
    "id" TEXT NOT NULL,
    "pointCode" TEXT NOT NULL,
    "enterpriseCode" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "indicator" "MonitoringIndicator" NOT NULL,
    "level" "AlarmLevel" NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "threshold" DOUBLE PRECISION,
    "raisedAt" TIMESTAMP(3) NOT NULL,
    "state" "AlarmState" NOT NULL DEFAULT 'RAISED',
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedBy" TEXT,
    "handledAt" TIMESTAMP(3),
    "handledBy" TEXT,
    "handledNote" TEXT,
    "clearedAt" TIMESTAMP(3),
    "clearedBy" TEXT,
    "escalatedAt" TIMESTAMP(3),
    "escalatedTo" TEXT,
    "sourceDepartment" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT NOT NULL,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "MonitoringAlarm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitoringAlarmEvent" (
    "id" TEXT NOT NULL,
    "alarmId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "fromState" "AlarmState",
    "toState" "AlarmState" NOT NULL,
    "actor" TEXT NOT NULL,
    "note" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MonitoringAlarmEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MonitoringPoint_enterpriseCode_idx" ON "MonitoringPoint"("enterpriseCode");

-- CreateIndex
CREATE UNIQUE INDEX "MonitoringPoint_sourceSystem_sourceId_key" ON "MonitoringPoint"("sourceSystem", "sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "MonitoringAlarm_sourceSystem_sourceId_key" ON "MonitoringAlarm"("sourceSystem", "sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "MonitoringAlarmEvent_alarmId_seq_key" ON "MonitoringAlarmEvent"("alarmId", "seq");

-- AddForeignKey
ALTER TABLE "MonitoringPoint" ADD CONSTRAINT "MonitoringPoint_enterpriseCode_fkey" FOREIGN KEY ("enterpriseCode") REFERENCES "Enterprise"("creditCode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringAlarm" ADD CONSTRAINT "MonitoringAlarm_pointCode_fkey" FOREIGN KEY ("pointCode") REFERENCES "MonitoringPoint"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringAlarm" ADD CONSTRAINT "MonitoringAlarm_enterpriseCode_fkey" FOREIGN KEY ("enterpriseCode") REFERENCES "Enterprise"("creditCode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringAlarmEvent" ADD CONSTRAINT "MonitoringAlarmEvent_alarmId_fkey" FOREIGN KEY ("alarmId") REFERENCES "MonitoringAlarm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- The lists: points by code, alone, within a city or a county, by indicator; alarms newest first, alone,
-- within a city or a county, by state, and of one point
CREATE INDEX "MonitoringPoint_city_code_idx" ON "MonitoringPoint"(substr("regionCode", 1, 4), "code");
CREATE INDEX "MonitoringPoint_county_code_idx" ON "MonitoringPoint"(substr("regionCode", 1, 6), "code");
CREATE INDEX "MonitoringPoint_indicator_code_idx" ON "MonitoringPoint"("indicator", "code");
CREATE INDEX "MonitoringAlarm_raisedAt_idx" ON "MonitoringAlarm"("raisedAt" DESC, "id" DESC);
CREATE INDEX "MonitoringAlarm_city_raisedAt_idx" ON "MonitoringAlarm"(substr("regionCode", 1, 4), "raisedAt" DESC, "id" DESC);
CREATE INDEX "MonitoringAlarm_county_raisedAt_idx" ON "MonitoringAlarm"(substr("regionCode", 1, 6), "raisedAt" DESC, "id" DESC);
CREATE INDEX "MonitoringAlarm_state_raisedAt_idx" ON "MonitoringAlarm"("state", "raisedAt" DESC, "id" DESC);
CREATE INDEX "MonitoringAlarm_level_raisedAt_idx" ON "MonitoringAlarm"("level", "raisedAt" DESC, "id" DESC);
CREATE INDEX "MonitoringAlarm_pointCode_raisedAt_idx" ON "MonitoringAlarm"("pointCode", "raisedAt" DESC, "id" DESC);
CREATE INDEX "MonitoringAlarm_enterpriseCode_raisedAt_idx" ON "MonitoringAlarm"("enterpriseCode", "raisedAt" DESC, "id" DESC);
