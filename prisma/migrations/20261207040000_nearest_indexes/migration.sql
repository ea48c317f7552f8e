-- Nearest first (`near` on shelters, rescue teams, supply depots and geological hazard points): a GiST
-- index on the planar point, longitude scaled by cos 34° (src/data/reader.ts, NEAREST_LON_SCALE), walked
-- in distance order by the `<->` operator. The Reader probes it for a page's rows and then reads only
-- the circle that holds them, so the cost of a page does not grow with the rows inside the radius asked.
CREATE INDEX "Shelter_nearest_idx" ON "Shelter" USING gist (point("lon" * 0.829, "lat"));
CREATE INDEX "RescueTeam_nearest_idx" ON "RescueTeam" USING gist (point("lon" * 0.829, "lat"));
CREATE INDEX "SupplyDepot_nearest_idx" ON "SupplyDepot" USING gist (point("lon" * 0.829, "lat"));
CREATE INDEX "GeoHazardPoint_nearest_idx" ON "GeoHazardPoint" USING gist (point("lon" * 0.829, "lat"));
