-- AlterTable
ALTER TABLE "Region" ADD COLUMN     "populationSource" TEXT;

