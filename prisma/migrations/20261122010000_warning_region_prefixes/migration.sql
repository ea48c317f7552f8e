-- Territory matching for warnings: significant prefixes of every area and its ancestors.
ALTER TABLE "Warning" ADD COLUMN "regionPrefixes" TEXT[];
