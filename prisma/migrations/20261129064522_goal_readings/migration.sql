-- CreateTable
CREATE TABLE "GoalReading" (
    "goalId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "confidence" INTEGER NOT NULL,
    "effectiveDate" DATE NOT NULL,
    "points" DOUBLE PRECISION NOT NULL,
    "levelRank" INTEGER NOT NULL,

    CONSTRAINT "GoalReading_pkey" PRIMARY KEY ("goalId")
);

-- CreateTable
CREATE TABLE "GoalMonthReading" (
    "organizationId" UUID NOT NULL,
    "goalId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "points" DOUBLE PRECISION NOT NULL,
    "pointsChange" DOUBLE PRECISION NOT NULL,
    "checkIns" INTEGER NOT NULL,

    CONSTRAINT "GoalMonthReading_pkey" PRIMARY KEY ("organizationId","goalId","month")
);

-- CreateIndex
CREATE UNIQUE INDEX "GoalReading_organizationId_goalId_key" ON "GoalReading"("organizationId", "goalId");

-- CreateIndex
CREATE INDEX "CheckIn_organizationId_effectiveDate_idx" ON "CheckIn"("organizationId", "effectiveDate");

-- AddForeignKey
ALTER TABLE "GoalReading" ADD CONSTRAINT "GoalReading_organizationId_goalId_fkey" FOREIGN KEY ("organizationId", "goalId") REFERENCES "Goal"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoalMonthReading" ADD CONSTRAINT "GoalMonthReading_organizationId_goalId_fkey" FOREIGN KEY ("organizationId", "goalId") REFERENCES "Goal"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;


-- goalProgressOf's health in two steps: smarta_health_of decides from the reading's progress
-- points and level rank, which a dashboard reads from GoalReading instead of working them out
-- again for every goal on every request. smarta_health keeps its signature and its answers
-- (tests/integration/status-sql.int.test.ts) and is now the composition of the two.
CREATE FUNCTION smarta_health_of(
  status text, has_measure boolean, level_rank integer, progress_points float8, confidence integer,
  start_date date, due_date date, today date,
  on_track_margin float8, at_risk_margin float8, low_confidence_at_or_below float8
) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN status <> 'ACTIVE' OR NOT has_measure OR start_date IS NULL OR due_date IS NULL THEN NULL
    WHEN level_rank >= 2 THEN 'ACHIEVED'
    WHEN today > due_date THEN 'OVERDUE'
    WHEN progress_points >= smarta_expected_points(start_date, due_date, today) - on_track_margin
      THEN CASE WHEN confidence IS NOT NULL AND confidence <= low_confidence_at_or_below THEN 'AT_RISK' ELSE 'ON_TRACK' END
    WHEN progress_points >= smarta_expected_points(start_date, due_date, today) - at_risk_margin THEN 'AT_RISK'
    ELSE 'OFF_TRACK'
  END
$$;

CREATE OR REPLACE FUNCTION smarta_health(
  status text, measure_type text, baseline float8, minimum float8, target float8, stretch float8,
  reading float8, confidence integer, start_date date, due_date date, today date,
  on_track_margin float8, at_risk_margin float8, low_confidence_at_or_below float8
) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT smarta_health_of(
    status, smarta_has_measure(measure_type, target),
    smarta_level_rank(smarta_level(measure_type, baseline, minimum, target, stretch, reading)),
    smarta_progress_points(measure_type, baseline, target, stretch, reading),
    confidence, start_date, due_date, today, on_track_margin, at_risk_margin, low_confidence_at_or_below)
$$;

-- GoalReading and GoalMonthReading are what the check-ins say, kept by the database itself
-- so that every way a check-in is written (the application, the seeds, the benchmark's bulk
-- load) keeps them right, in the same transaction. Dashboards then read one row per goal (or
-- per goal and month) instead of sorting every check-in of the organisation on every request.
-- tests/integration/goal-readings.int.test.ts proves them equal to a recomputation.

-- Rebuilds both for the given goals from their check-ins. The goals' rows are locked first
-- (in id order, so two refreshes never wait on each other in a circle): a refresh running
-- beside another for the same goal waits, then sees the other's check-ins, because every
-- statement of a PL/pgSQL function takes a fresh snapshot under READ COMMITTED.
CREATE FUNCTION smarta_refresh_readings(goal_ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Goal" g WHERE g."id" = ANY(goal_ids) ORDER BY g."id" FOR NO KEY UPDATE;

  DELETE FROM "GoalReading" gr WHERE gr."goalId" = ANY(goal_ids);
  INSERT INTO "GoalReading" ("organizationId", "goalId", "value", "confidence", "effectiveDate", "points", "levelRank")
  SELECT DISTINCT ON (c."goalId") c."organizationId", c."goalId", c."value"::float8, c."confidence", c."effectiveDate",
    smarta_progress_points(g."measureType"::text, g."baseline"::float8, g."target"::float8, g."stretch"::float8, c."value"::float8),
    smarta_level_rank(smarta_level(g."measureType"::text, g."baseline"::float8, g."minimum"::float8, g."target"::float8, g."stretch"::float8, c."value"::float8))
  FROM "Goal" g
  JOIN "CheckIn" c ON c."organizationId" = g."organizationId" AND c."goalId" = g."id"
  WHERE g."id" = ANY(goal_ids)
    AND NOT EXISTS (SELECT 1 FROM "CheckIn" r WHERE r."organizationId" = c."organizationId" AND r."replacesId" = c."id")
  ORDER BY c."goalId", c."effectiveDate" DESC, c."createdAt" DESC, c."id" DESC;

  -- by the whole key (organisation first), so one goal's refresh reads its own rows only
  DELETE FROM "GoalMonthReading" mr
  USING "Goal" g
  WHERE g."id" = ANY(goal_ids) AND mr."organizationId" = g."organizationId" AND mr."goalId" = g."id";
  INSERT INTO "GoalMonthReading" ("organizationId", "goalId", "month", "value", "points", "pointsChange", "checkIns")
  SELECT l."organizationId", l."goalId", l."month", l."value", l."points",
    l."points" - COALESCE(lag(l."points") OVER (PARTITION BY l."goalId" ORDER BY l."month"), 0),
    l."checkIns"
  FROM (
    SELECT DISTINCT ON (c."goalId", date_trunc('month', c."effectiveDate"::timestamp))
      c."organizationId", c."goalId", date_trunc('month', c."effectiveDate"::timestamp)::date AS "month", c."value"::float8 AS "value",
      LEAST(smarta_progress_points(g."measureType"::text, g."baseline"::float8, g."target"::float8, g."stretch"::float8, c."value"::float8), 100) AS "points",
      count(*) OVER (PARTITION BY c."goalId", date_trunc('month', c."effectiveDate"::timestamp))::int AS "checkIns"
    FROM "Goal" g
    JOIN "CheckIn" c ON c."organizationId" = g."organizationId" AND c."goalId" = g."id"
    WHERE g."id" = ANY(goal_ids)
      AND NOT EXISTS (SELECT 1 FROM "CheckIn" r WHERE r."organizationId" = c."organizationId" AND r."replacesId" = c."id")
    ORDER BY c."goalId", date_trunc('month', c."effectiveDate"::timestamp), c."effectiveDate" DESC, c."createdAt" DESC, c."id" DESC
  ) l;
END
$$;

-- One refresh per statement, for every goal the statement's rows touch (a bulk load of
-- 400,000 check-ins refreshes its 40,000 goals in one set-based pass).
CREATE FUNCTION smarta_check_ins_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM smarta_refresh_readings(ARRAY(SELECT DISTINCT n."goalId" FROM inserted_rows n));
  RETURN NULL;
END
$$;

CREATE FUNCTION smarta_check_ins_removed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM smarta_refresh_readings(ARRAY(SELECT DISTINCT o."goalId" FROM removed_rows o));
  RETURN NULL;
END
$$;

CREATE TRIGGER "CheckIn_readings_insert" AFTER INSERT ON "CheckIn"
REFERENCING NEW TABLE AS inserted_rows FOR EACH STATEMENT EXECUTE FUNCTION smarta_check_ins_inserted();

CREATE TRIGGER "CheckIn_readings_delete" AFTER DELETE ON "CheckIn"
REFERENCING OLD TABLE AS removed_rows FOR EACH STATEMENT EXECUTE FUNCTION smarta_check_ins_removed();

-- check-ins are append-only; should one ever be changed, its goal (old and new) is refreshed
CREATE TRIGGER "CheckIn_readings_update_old" AFTER UPDATE ON "CheckIn"
REFERENCING OLD TABLE AS removed_rows FOR EACH STATEMENT EXECUTE FUNCTION smarta_check_ins_removed();

CREATE TRIGGER "CheckIn_readings_update_new" AFTER UPDATE ON "CheckIn"
REFERENCING NEW TABLE AS inserted_rows FOR EACH STATEMENT EXECUTE FUNCTION smarta_check_ins_inserted();

-- The stored points and level follow the goal's measure.
CREATE FUNCTION smarta_goal_measure_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM smarta_refresh_readings(ARRAY[NEW."id"]);
  RETURN NULL;
END
$$;

CREATE TRIGGER "Goal_readings_measure" AFTER UPDATE OF "measureType", "baseline", "minimum", "target", "stretch" ON "Goal"
FOR EACH ROW
WHEN (OLD."measureType" IS DISTINCT FROM NEW."measureType" OR OLD."baseline" IS DISTINCT FROM NEW."baseline"
   OR OLD."minimum" IS DISTINCT FROM NEW."minimum" OR OLD."target" IS DISTINCT FROM NEW."target"
   OR OLD."stretch" IS DISTINCT FROM NEW."stretch")
EXECUTE FUNCTION smarta_goal_measure_changed();

-- the check-ins stored before this migration
SELECT smarta_refresh_readings(ARRAY(SELECT DISTINCT c."goalId" FROM "CheckIn" c));
