-- Every order a list offers is served by an index, alone and within a city or a county: a page is then
-- the first rows of one index range, at any size of table (test/integration/list-plans.test.ts checks
-- every list, filter and order of the schema against 200,000 hazards). A region filter is an equality on
-- the code's leading digits, substr(code, 1, 4) for a city and substr(code, 1, 6) for a county
-- (src/data/query/where.ts, `within`); the key breaks ties in the direction of the order
-- (src/data/query/order.ts). Prisma's schema cannot express an index on an expression, so those live here.

-- Hazards, newest first (and oldest first, read backwards: overdueHazards)
DROP INDEX "Hazard_foundAt_id_idx";
CREATE INDEX "Hazard_foundAt_id_idx" ON "Hazard"("foundAt" DESC, "id" DESC);
CREATE INDEX "Hazard_city_foundAt_idx" ON "Hazard"(substr("regionCode", 1, 4), "foundAt" DESC, "id" DESC);
CREATE INDEX "Hazard_county_foundAt_idx" ON "Hazard"(substr("regionCode", 1, 6), "foundAt" DESC, "id" DESC);
-- Hazards by deadline, those without one last
CREATE INDEX "Hazard_city_deadline_idx" ON "Hazard"(substr("regionCode", 1, 4), COALESCE("deadline", 'infinity'::date), "id");
CREATE INDEX "Hazard_county_deadline_idx" ON "Hazard"(substr("regionCode", 1, 6), COALESCE("deadline", 'infinity'::date), "id");

-- Enterprises by credit code (the key) and by name
CREATE INDEX "Enterprise_name_idx" ON "Enterprise"("name", "creditCode");
CREATE INDEX "Enterprise_city_idx" ON "Enterprise"(substr("regionCode", 1, 4), "creditCode");
CREATE INDEX "Enterprise_county_idx" ON "Enterprise"(substr("regionCode", 1, 6), "creditCode");
CREATE INDEX "Enterprise_city_name_idx" ON "Enterprise"(substr("regionCode", 1, 4), "name", "creditCode");
CREATE INDEX "Enterprise_county_name_idx" ON "Enterprise"(substr("regionCode", 1, 6), "name", "creditCode");

-- Risk points by name, and by colour (red first) then name
CREATE INDEX "RiskPoint_name_idx" ON "RiskPoint"("name", "id");
CREATE INDEX "RiskPoint_level_name_idx" ON "RiskPoint"("level", "name", "id");
CREATE INDEX "RiskPoint_city_name_idx" ON "RiskPoint"(substr("regionCode", 1, 4), "name", "id");
CREATE INDEX "RiskPoint_county_name_idx" ON "RiskPoint"(substr("regionCode", 1, 6), "name", "id");
CREATE INDEX "RiskPoint_city_level_idx" ON "RiskPoint"(substr("regionCode", 1, 4), "level", "name", "id");
CREATE INDEX "RiskPoint_county_level_idx" ON "RiskPoint"(substr("regionCode", 1, 6), "level", "name", "id");

-- Hazards of one state, in either order; open hazards (the hot set of every supervision view) on their own
CREATE INDEX "Hazard_state_foundAt_idx" ON "Hazard"("state", "foundAt" DESC, "id" DESC);
CREATE INDEX "Hazard_state_deadline_order_idx" ON "Hazard"("state", COALESCE("deadline", 'infinity'::date), "id");
CREATE INDEX "Hazard_open_foundAt_idx" ON "Hazard"("foundAt" DESC, "id" DESC) WHERE "state" IN ('REPORTED', 'RECTIFYING', 'PENDING_ACCEPTANCE');
CREATE INDEX "Hazard_open_deadline_idx" ON "Hazard"(COALESCE("deadline", 'infinity'::date), "id") WHERE "state" IN ('REPORTED', 'RECTIFYING', 'PENDING_ACCEPTANCE');
-- Hazards of one state within a city or a county, in either order
CREATE INDEX "Hazard_city_state_foundAt_idx" ON "Hazard"(substr("regionCode", 1, 4), "state", "foundAt" DESC, "id" DESC);
CREATE INDEX "Hazard_county_state_foundAt_idx" ON "Hazard"(substr("regionCode", 1, 6), "state", "foundAt" DESC, "id" DESC);
CREATE INDEX "Hazard_city_state_deadline_idx" ON "Hazard"(substr("regionCode", 1, 4), "state", COALESCE("deadline", 'infinity'::date), "id");
CREATE INDEX "Hazard_county_state_deadline_idx" ON "Hazard"(substr("regionCode", 1, 6), "state", COALESCE("deadline", 'infinity'::date), "id");
-- Major hazards of one state (重大隐患 in rectification, awaiting acceptance …), in either order
CREATE INDEX "Hazard_grade_state_foundAt_idx" ON "Hazard"("grade", "state", "foundAt" DESC, "id" DESC);
CREATE INDEX "Hazard_grade_state_deadline_idx" ON "Hazard"("grade", "state", COALESCE("deadline", 'infinity'::date), "id");
-- Major (or general) hazards still open: the 重大隐患 list of every supervisor
CREATE INDEX "Hazard_open_grade_foundAt_idx" ON "Hazard"("grade", "foundAt" DESC, "id" DESC) WHERE "state" IN ('REPORTED', 'RECTIFYING', 'PENDING_ACCEPTANCE');
CREATE INDEX "Hazard_open_grade_deadline_idx" ON "Hazard"("grade", COALESCE("deadline", 'infinity'::date), "id") WHERE "state" IN ('REPORTED', 'RECTIFYING', 'PENDING_ACCEPTANCE');
-- superseded by the city and county indexes above
DROP INDEX "Hazard_regionCode_state_idx";
