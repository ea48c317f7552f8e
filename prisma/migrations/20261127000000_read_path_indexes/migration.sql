-- Indexes for the read path: `near` (a bounding box on lat, lon, then the exact distance)
-- on every place dataset, and the hazard list's default order (newest first, id).

-- CreateIndex
CREATE INDEX "Hazard_foundAt_id_idx" ON "Hazard"("foundAt" DESC, "id");

-- CreateIndex
CREATE INDEX "RescueTeam_lat_lon_idx" ON "RescueTeam"("lat", "lon");

-- CreateIndex
CREATE INDEX "SupplyDepot_lat_lon_idx" ON "SupplyDepot"("lat", "lon");

-- CreateIndex
CREATE INDEX "GeoHazardPoint_lat_lon_idx" ON "GeoHazardPoint"("lat", "lon");
