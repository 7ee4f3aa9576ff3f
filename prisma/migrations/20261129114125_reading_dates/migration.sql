-- AlterTable
ALTER TABLE "GoalReading" ADD COLUMN     "checkInDates" DATE[] DEFAULT ARRAY[]::DATE[];

-- Each current reading also keeps the effective dates of the goal's standing check-ins (those
-- no correction replaces), earliest first: width_bucket(day, dates) is how many of them fall
-- on or before the day, a binary search, so "check-ins in the last 30 days" costs two lookups
-- per goal instead of a pass over every recent check-in of the organisation. The two
-- functions below are the previous migration's with the dates added (the property test in
-- goal-readings.int.test.ts holds both paths to the same recomputation).
UPDATE "GoalReading" gr
SET "checkInDates" = ARRAY(
  SELECT c."effectiveDate" FROM "CheckIn" c
  WHERE c."organizationId" = gr."organizationId" AND c."goalId" = gr."goalId"
    AND NOT EXISTS (SELECT 1 FROM "CheckIn" r WHERE r."organizationId" = c."organizationId" AND r."replacesId" = c."id")
  ORDER BY c."effectiveDate");

CREATE OR REPLACE FUNCTION smarta_refresh_readings(goal_ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Goal" g WHERE g."id" = ANY(goal_ids) ORDER BY g."id" FOR NO KEY UPDATE;

  DELETE FROM "GoalReading" gr
  WHERE gr."goalId" = ANY(goal_ids)
    AND NOT EXISTS (
      SELECT 1 FROM "CheckIn" c
      WHERE c."organizationId" = gr."organizationId" AND c."goalId" = gr."goalId"
        AND NOT EXISTS (SELECT 1 FROM "CheckIn" r WHERE r."organizationId" = c."organizationId" AND r."replacesId" = c."id"));
  INSERT INTO "GoalReading" AS gr ("organizationId", "goalId", "checkInId", "checkIns", "checkInDates", "value", "confidence", "effectiveDate", "points", "levelRank")
  SELECT DISTINCT ON (c."goalId") c."organizationId", c."goalId", c."id", (count(*) OVER (PARTITION BY c."goalId"))::int,
    array_agg(c."effectiveDate") OVER (PARTITION BY c."goalId" ORDER BY c."effectiveDate" ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING),
    c."value"::float8, c."confidence", c."effectiveDate",
    smarta_progress_points(g."measureType"::text, g."baseline"::float8, g."target"::float8, g."stretch"::float8, c."value"::float8),
    smarta_level_rank(smarta_level(g."measureType"::text, g."baseline"::float8, g."minimum"::float8, g."target"::float8, g."stretch"::float8, c."value"::float8))
  FROM "Goal" g
  JOIN "CheckIn" c ON c."organizationId" = g."organizationId" AND c."goalId" = g."id"
  WHERE g."id" = ANY(goal_ids)
    AND NOT EXISTS (SELECT 1 FROM "CheckIn" r WHERE r."organizationId" = c."organizationId" AND r."replacesId" = c."id")
  ORDER BY c."goalId", c."effectiveDate" DESC, c."createdAt" DESC, c."id" DESC
  ON CONFLICT ("goalId") DO UPDATE
  SET "checkInId" = EXCLUDED."checkInId", "checkIns" = EXCLUDED."checkIns", "checkInDates" = EXCLUDED."checkInDates", "value" = EXCLUDED."value",
      "confidence" = EXCLUDED."confidence", "effectiveDate" = EXCLUDED."effectiveDate", "points" = EXCLUDED."points", "levelRank" = EXCLUDED."levelRank"
  WHERE (gr."checkInId", gr."checkIns", gr."checkInDates", gr."value", gr."confidence", gr."effectiveDate", gr."points", gr."levelRank")
    IS DISTINCT FROM (EXCLUDED."checkInId", EXCLUDED."checkIns", EXCLUDED."checkInDates", EXCLUDED."value", EXCLUDED."confidence", EXCLUDED."effectiveDate", EXCLUDED."points", EXCLUDED."levelRank");

  -- by the whole key (organisation first), so one goal's refresh reads its own rows only
  DELETE FROM "GoalMonthReading" mr
  USING "Goal" g
  WHERE g."id" = ANY(goal_ids) AND mr."organizationId" = g."organizationId" AND mr."goalId" = g."id"
    AND NOT EXISTS (
      SELECT 1 FROM "CheckIn" c
      WHERE c."organizationId" = mr."organizationId" AND c."goalId" = mr."goalId"
        AND c."effectiveDate" >= mr."month" AND c."effectiveDate" < (mr."month" + interval '1 month')
        AND NOT EXISTS (SELECT 1 FROM "CheckIn" r WHERE r."organizationId" = c."organizationId" AND r."replacesId" = c."id"));
  INSERT INTO "GoalMonthReading" AS mr ("organizationId", "goalId", "month", "value", "points", "pointsChange", "checkIns", "periodId", "trendMonth")
  SELECT l."organizationId", l."goalId", l."month", l."value", l."points",
    l."points" - COALESCE(lag(l."points") OVER (PARTITION BY l."goalId" ORDER BY l."month"), 0),
    l."checkIns", g."periodId",
    smarta_trend_month(g."kind"::text, g."status"::text, g."measureType"::text, g."target"::float8, g."startDate", gp."startDate", l."month")
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
  ) l
  JOIN "Goal" g ON g."organizationId" = l."organizationId" AND g."id" = l."goalId"
  JOIN "GoalPeriod" gp ON gp."organizationId" = g."organizationId" AND gp."id" = g."periodId"
  ON CONFLICT ("organizationId", "goalId", "month") DO UPDATE
  SET "value" = EXCLUDED."value", "points" = EXCLUDED."points", "pointsChange" = EXCLUDED."pointsChange", "checkIns" = EXCLUDED."checkIns",
      "periodId" = EXCLUDED."periodId", "trendMonth" = EXCLUDED."trendMonth"
  WHERE (mr."value", mr."points", mr."pointsChange", mr."checkIns", mr."periodId", mr."trendMonth")
    IS DISTINCT FROM (EXCLUDED."value", EXCLUDED."points", EXCLUDED."pointsChange", EXCLUDED."checkIns", EXCLUDED."periodId", EXCLUDED."trendMonth");
END
$$;

CREATE OR REPLACE FUNCTION smarta_append_reading(n "CheckIn") RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  cur record;
  goal record;
  reading_month date := date_trunc('month', n."effectiveDate"::timestamp)::date;
  reading_points float8;
  capped_points float8;
BEGIN
  SELECT g."organizationId", g."periodId", g."kind"::text AS "kind", g."status"::text AS "status", g."measureType"::text AS "mt",
    g."baseline"::float8 AS "b", g."minimum"::float8 AS "mn", g."target"::float8 AS "t", g."stretch"::float8 AS "s", g."startDate", gp."startDate" AS "periodStart"
  INTO goal
  FROM "Goal" g JOIN "GoalPeriod" gp ON gp."organizationId" = g."organizationId" AND gp."id" = g."periodId"
  WHERE g."organizationId" = n."organizationId" AND g."id" = n."goalId"
  FOR NO KEY UPDATE OF g;

  SELECT gr."effectiveDate", c."createdAt", c."id" INTO cur
  FROM "GoalReading" gr LEFT JOIN "CheckIn" c ON c."organizationId" = gr."organizationId" AND c."id" = gr."checkInId"
  WHERE gr."goalId" = n."goalId";
  -- the latest by effective date, then entry, then id, as the refresh orders them; a reading
  -- stored before this migration names no check-in and takes the full refresh once
  IF FOUND AND (cur."id" IS NULL OR (n."effectiveDate", n."createdAt", n."id") <= (cur."effectiveDate", cur."createdAt", cur."id")) THEN
    RETURN false;
  END IF;

  reading_points := smarta_progress_points(goal."mt", goal."b", goal."t", goal."s", n."value"::float8);
  capped_points := LEAST(reading_points, 100);
  INSERT INTO "GoalReading" AS gr ("organizationId", "goalId", "checkInId", "checkIns", "checkInDates", "value", "confidence", "effectiveDate", "points", "levelRank")
  VALUES (n."organizationId", n."goalId", n."id", 1, ARRAY[n."effectiveDate"], n."value"::float8, n."confidence", n."effectiveDate", reading_points,
    smarta_level_rank(smarta_level(goal."mt", goal."b", goal."mn", goal."t", goal."s", n."value"::float8)))
  ON CONFLICT ("goalId") DO UPDATE
  -- the latest date goes last, which keeps the dates in order
  SET "checkInId" = EXCLUDED."checkInId", "checkIns" = gr."checkIns" + 1, "checkInDates" = array_append(gr."checkInDates", n."effectiveDate"),
      "value" = EXCLUDED."value", "confidence" = EXCLUDED."confidence",
      "effectiveDate" = EXCLUDED."effectiveDate", "points" = EXCLUDED."points", "levelRank" = EXCLUDED."levelRank";

  -- the latest reading's month is the goal's last month with readings
  UPDATE "GoalMonthReading" mr
  SET "value" = n."value"::float8, "points" = capped_points, "pointsChange" = mr."pointsChange" + (capped_points - mr."points"), "checkIns" = mr."checkIns" + 1
  WHERE mr."organizationId" = n."organizationId" AND mr."goalId" = n."goalId" AND mr."month" = reading_month;
  IF NOT FOUND THEN
    INSERT INTO "GoalMonthReading" ("organizationId", "goalId", "month", "value", "points", "pointsChange", "checkIns", "periodId", "trendMonth")
    VALUES (n."organizationId", n."goalId", reading_month, n."value"::float8, capped_points,
      capped_points - COALESCE((
        SELECT p."points" FROM "GoalMonthReading" p
        WHERE p."organizationId" = n."organizationId" AND p."goalId" = n."goalId" AND p."month" < reading_month
        ORDER BY p."month" DESC LIMIT 1), 0),
      1, goal."periodId", smarta_trend_month(goal."kind", goal."status", goal."mt", goal."t", goal."startDate", goal."periodStart", reading_month));
  END IF;
  RETURN true;
END
$$;
