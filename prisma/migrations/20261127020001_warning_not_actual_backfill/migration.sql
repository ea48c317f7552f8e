-- Test, Exercise, Draft and System alerts received before NOT_ACTUAL existed are not in force either.
-- (A migration of its own: a new enum value cannot be used in the transaction that adds it.)
UPDATE "Warning" SET "status" = 'NOT_ACTUAL', "version" = "version" + 1 WHERE "capStatus" <> 'Actual' AND "status" = 'ACTIVE';
