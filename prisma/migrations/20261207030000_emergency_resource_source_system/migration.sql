-- The emergency bureau's shelters, teams and depots come from its resource register, not from the
-- dual-prevention system: their provenance (and identity: sourceSystem, sourceId) says so.
UPDATE "Shelter" SET "sourceSystem" = '河南省应急管理综合应用平台（应急资源）' WHERE "sourceSystem" = '河南省安全生产风险隐患双重预防体系';
UPDATE "RescueTeam" SET "sourceSystem" = '河南省应急管理综合应用平台（应急资源）' WHERE "sourceSystem" = '河南省安全生产风险隐患双重预防体系';
UPDATE "TeamMember" SET "sourceSystem" = '河南省应急管理综合应用平台（应急资源）' WHERE "sourceSystem" = '河南省安全生产风险隐患双重预防体系';
UPDATE "SupplyDepot" SET "sourceSystem" = '河南省应急管理综合应用平台（应急资源）' WHERE "sourceSystem" = '河南省安全生产风险隐患双重预防体系';
UPDATE "SupplyItem" SET "sourceSystem" = '河南省应急管理综合应用平台（应急资源）' WHERE "sourceSystem" = '河南省安全生产风险隐患双重预防体系';
