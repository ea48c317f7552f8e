-- AlterTable
ALTER TABLE "RescueTeam" ALTER COLUMN "level" DROP NOT NULL;

