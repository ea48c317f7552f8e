-- AlterTable
ALTER TABLE "Hazard" ADD COLUMN     "sourceState" "HazardState";


-- The hazard list by deadline (nulls last) pages on COALESCE(deadline, 'infinity'), id: one row comparison
-- this index serves (src/data/query/order.ts). Prisma's schema cannot express an index on an expression,
-- so it lives here only; `prisma migrate diff --from-schema-datamodel` (README) leaves it alone.
CREATE INDEX "Hazard_deadline_order_idx" ON "Hazard" (COALESCE("deadline", 'infinity'::date), "id");

-- Every change of a hazard's state is now an event, a sync's too (action SYNC, actor the source system).
-- Hazards synchronised before have no event for the state they arrived in: give each the SYNC event that
-- opens its history (before its first event, or as its only one), so every history replays to its state.
INSERT INTO "HazardEvent" ("id", "hazardId", "seq", "action", "fromState", "toState", "actor", "note", "evidence", "at")
SELECT gen_random_uuid()::text, h."id",
       coalesce(first."seq" - 1, 1), 'SYNC', NULL, coalesce(first."fromState", h."state"), h."sourceSystem", NULL, '{}', h."fetchedAt"
  FROM "Hazard" h
  LEFT JOIN LATERAL (SELECT e."seq", e."fromState" FROM "HazardEvent" e WHERE e."hazardId" = h."id" ORDER BY e."seq" LIMIT 1) first ON TRUE
 WHERE h."sourceSystem" <> 'emhub' AND (first."seq" IS NULL OR first."fromState" IS NOT NULL);
