-- Water levels and rainfall (HydroReading) partitioned by month on "observedAt", as MonitoringReading is by
-- day: the hub makes each month's partition before its readings are written, and folds the months past
-- EMHUB_HYDRO_RETENTION_DAYS into "HourlyReading" and drops their partitions (src/data/reading-partitions.ts).
-- The readings held are moved into the partitioned table, a partition for each month they cover.
ALTER TABLE "HydroReading" RENAME TO "HydroReading_unpartitioned";
ALTER TABLE "HydroReading_unpartitioned" DROP CONSTRAINT "HydroReading_pkey";
ALTER TABLE "HydroReading_unpartitioned" DROP CONSTRAINT "HydroReading_stationCode_fkey";
DROP INDEX "HydroReading_stationCode_observedAt_key";

CREATE TABLE "HydroReading" (
    "id" TEXT NOT NULL,
    "stationCode" TEXT NOT NULL,
    "observedAt" TIMESTAMP(3) NOT NULL,
    "level" DOUBLE PRECISION,
    "flow" DOUBLE PRECISION,
    "inflow" DOUBLE PRECISION,
    "outflow" DOUBLE PRECISION,
    "storage" DOUBLE PRECISION,
    "rainfall" DOUBLE PRECISION,
    "rainfallHours" DOUBLE PRECISION,
    "sourceSystem" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HydroReading_pkey" PRIMARY KEY ("stationCode", "observedAt")
) PARTITION BY RANGE ("observedAt");

ALTER TABLE "HydroReading" ADD CONSTRAINT "HydroReading_stationCode_fkey" FOREIGN KEY ("stationCode") REFERENCES "HydroStation"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- one line: the migration runner splits statements at a semicolon that ends a line
DO $$ DECLARE m date; BEGIN FOR m IN SELECT DISTINCT date_trunc('month', "observedAt")::date FROM "HydroReading_unpartitioned" LOOP EXECUTE format('CREATE TABLE %I PARTITION OF "HydroReading" FOR VALUES FROM (%L) TO (%L)', 'HydroReading_p' || to_char(m, 'YYYYMM'), m, (m + interval '1 month')::date); END LOOP; END $$;

INSERT INTO "HydroReading" ("id", "stationCode", "observedAt", "level", "flow", "inflow", "outflow", "storage", "rainfall", "rainfallHours", "sourceSystem", "fetchedAt")
SELECT "id", "stationCode", "observedAt", "level", "flow", "inflow", "outflow", "storage", "rainfall", "rainfallHours", "sourceSystem", "fetchedAt" FROM "HydroReading_unpartitioned";

DROP TABLE "HydroReading_unpartitioned";
