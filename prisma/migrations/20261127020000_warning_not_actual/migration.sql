-- AlterEnum
ALTER TYPE "WarningStatus" ADD VALUE 'NOT_ACTUAL';

