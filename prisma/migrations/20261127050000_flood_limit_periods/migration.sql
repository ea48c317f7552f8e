-- AlterTable
ALTER TABLE "HydroStation" ADD COLUMN     "floodLimitPeriods" JSONB;

