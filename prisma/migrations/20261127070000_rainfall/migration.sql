-- AlterTable
ALTER TABLE "HydroReading" ADD COLUMN     "rainfall" DOUBLE PRECISION,
ADD COLUMN     "rainfallHours" DOUBLE PRECISION;

