-- Major (or general) hazards of any state, newest first, alone and within a city or a county: at 1,000,000
-- hazards (bench:graph --scale 10) the city's newest-first index read twenty pages of other grades for one
-- page of majors. The grade leads, the division next, then the order.
CREATE INDEX "Hazard_grade_foundAt_idx" ON "Hazard"("grade", "foundAt" DESC, "id" DESC);
CREATE INDEX "Hazard_city_grade_foundAt_idx" ON "Hazard"(substr("regionCode", 1, 4), "grade", "foundAt" DESC, "id" DESC);
CREATE INDEX "Hazard_county_grade_foundAt_idx" ON "Hazard"(substr("regionCode", 1, 6), "grade", "foundAt" DESC, "id" DESC);
