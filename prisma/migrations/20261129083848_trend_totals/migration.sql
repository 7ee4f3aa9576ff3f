-- DropIndex (replaced by a covering one below)
DROP INDEX "CheckIn_organizationId_effectiveDate_idx";

-- AlterTable
ALTER TABLE "GoalReading" ADD COLUMN     "checkIns" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "checkInId" UUID;

-- AlterTable
ALTER TABLE "GoalMonthReading" ADD COLUMN     "periodId" UUID,
ADD COLUMN     "trendMonth" DATE;

-- CreateTable
CREATE TABLE "PeriodTrendMonth" (
    "organizationId" UUID NOT NULL,
    "periodId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "pointsChange" DECIMAL NOT NULL DEFAULT 0,
    "checkIns" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PeriodTrendMonth_pkey" PRIMARY KEY ("organizationId","periodId","month")
);

-- CreateIndex
CREATE INDEX "CheckIn_organizationId_effectiveDate_goalId_id_idx" ON "CheckIn"("organizationId", "effectiveDate", "goalId", "id");

-- AddForeignKey
ALTER TABLE "PeriodTrendMonth" ADD CONSTRAINT "PeriodTrendMonth_organizationId_periodId_fkey" FOREIGN KEY ("organizationId", "periodId") REFERENCES "GoalPeriod"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------------------
-- The organisation dashboard's monthly trend, kept as totals per period and month.
--
-- Each GoalMonthReading row now names the goal's period and the trend month its change in
-- progress counts in (null when the goal does not count: only ACTIVE and CLOSED performance
-- goals with a measure and a start date do, from the later of their start and the period's
-- first month). PeriodTrendMonth holds the sums of those rows, so the trend reads a dozen
-- rows instead of summing a quarter of a million on every request. Triggers on
-- GoalMonthReading apply what each statement changed; a refresh writes only the rows whose
-- values differ, so a check-in touches one or two totals, not every month of its goal.

-- The trend month of a goal's month row, or null when the goal does not count in the trend.
CREATE FUNCTION smarta_trend_month(kind text, status text, measure_type text, target float8, start_date date, period_start date, month date)
RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN kind = 'PERFORMANCE' AND status IN ('ACTIVE', 'CLOSED') AND smarta_has_measure(measure_type, target) AND start_date IS NOT NULL
    THEN GREATEST(month, date_trunc('month', start_date::timestamp)::date, date_trunc('month', period_start::timestamp)::date) END
$$;

-- the rows stored before this migration: each goal's readings (a correction replaces exactly
-- one check-in, so the check-ins less the corrections) ...
UPDATE "GoalReading" gr
SET "checkIns" = x."n"
FROM (SELECT c."goalId", (count(*) - count(c."replacesId"))::int AS "n" FROM "CheckIn" c GROUP BY c."goalId") x
WHERE x."goalId" = gr."goalId";

-- ... and the month rows' period and trend month
UPDATE "GoalMonthReading" mr
SET "periodId" = g."periodId",
    "trendMonth" = smarta_trend_month(g."kind"::text, g."status"::text, g."measureType"::text, g."target"::float8, g."startDate", gp."startDate", mr."month")
FROM "Goal" g
JOIN "GoalPeriod" gp ON gp."organizationId" = g."organizationId" AND gp."id" = g."periodId"
WHERE mr."organizationId" = g."organizationId" AND mr."goalId" = g."id";

INSERT INTO "PeriodTrendMonth" ("organizationId", "periodId", "month", "pointsChange", "checkIns")
SELECT d."organizationId", d."periodId", d."month", sum(d."points"), sum(d."checkIns")
FROM (
  SELECT mr."organizationId", mr."periodId", mr."trendMonth" AS "month", mr."pointsChange"::numeric AS "points", 0 AS "checkIns"
  FROM "GoalMonthReading" mr WHERE mr."trendMonth" IS NOT NULL
  UNION ALL
  SELECT mr."organizationId", mr."periodId", mr."month", 0, mr."checkIns"
  FROM "GoalMonthReading" mr WHERE mr."trendMonth" IS NOT NULL
) d
GROUP BY 1, 2, 3;

-- Adds changes to the totals: per row, the goal's period, the trend month its change in
-- progress counts in and its own month (where its check-ins count), the change and the
-- check-ins (negative for rows taken away).
CREATE FUNCTION smarta_trend_apply(org_ids uuid[], period_ids uuid[], trend_months date[], months date[], points numeric[], check_ins int[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PeriodTrendMonth" AS t ("organizationId", "periodId", "month", "pointsChange", "checkIns")
  SELECT d."organizationId", d."periodId", d."month", sum(d."points"), sum(d."checkIns")
  FROM (
    SELECT c.o AS "organizationId", c.p AS "periodId", c.tm AS "month", c.pts AS "points", 0 AS "checkIns"
    FROM unnest(org_ids, period_ids, trend_months, months, points, check_ins) AS c(o, p, tm, m, pts, n)
    UNION ALL
    SELECT c.o, c.p, c.m, 0, c.n
    FROM unnest(org_ids, period_ids, trend_months, months, points, check_ins) AS c(o, p, tm, m, pts, n)
  ) d
  -- rows removed with their period (an organisation being deleted) leave nothing to total
  WHERE EXISTS (SELECT 1 FROM "GoalPeriod" gp WHERE gp."organizationId" = d."organizationId" AND gp."id" = d."periodId")
  GROUP BY 1, 2, 3
  HAVING sum(d."points") <> 0 OR sum(d."checkIns") <> 0
  -- one order for every writer, so two check-ins touching the same months cannot deadlock
  ORDER BY 1, 2, 3
  ON CONFLICT ("organizationId", "periodId", "month") DO UPDATE
  SET "pointsChange" = t."pointsChange" + EXCLUDED."pointsChange", "checkIns" = t."checkIns" + EXCLUDED."checkIns";
END
$$;

-- Applies a statement's changes to GoalMonthReading to the totals: added rows count in,
-- removed rows count out (an update is both). Each kind of trigger has only its own
-- transition tables, hence one collecting statement per kind.
CREATE FUNCTION smarta_trend_rows_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  org_ids uuid[]; period_ids uuid[]; trend_months date[]; months date[]; points numeric[]; check_ins int[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(r."organizationId"), array_agg(r."periodId"), array_agg(r."trendMonth"), array_agg(r."month"), array_agg(r."pointsChange"::numeric), array_agg(r."checkIns")
    INTO org_ids, period_ids, trend_months, months, points, check_ins
    FROM added_rows r WHERE r."trendMonth" IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(r."organizationId"), array_agg(r."periodId"), array_agg(r."trendMonth"), array_agg(r."month"), array_agg(-r."pointsChange"::numeric), array_agg(-r."checkIns")
    INTO org_ids, period_ids, trend_months, months, points, check_ins
    FROM removed_rows r WHERE r."trendMonth" IS NOT NULL;
  ELSE
    SELECT array_agg(r."organizationId"), array_agg(r."periodId"), array_agg(r."trendMonth"), array_agg(r."month"), array_agg(r."sign" * r."pointsChange"::numeric), array_agg(r."sign" * r."checkIns")
    INTO org_ids, period_ids, trend_months, months, points, check_ins
    FROM (
      SELECT 1 AS "sign", a."organizationId", a."periodId", a."trendMonth", a."month", a."pointsChange", a."checkIns" FROM added_rows a
      UNION ALL
      SELECT -1, o."organizationId", o."periodId", o."trendMonth", o."month", o."pointsChange", o."checkIns" FROM removed_rows o
    ) r
    WHERE r."trendMonth" IS NOT NULL;
  END IF;
  IF org_ids IS NOT NULL THEN
    PERFORM smarta_trend_apply(org_ids, period_ids, trend_months, months, points, check_ins);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "GoalMonthReading_trend_insert" AFTER INSERT ON "GoalMonthReading"
REFERENCING NEW TABLE AS added_rows FOR EACH STATEMENT EXECUTE FUNCTION smarta_trend_rows_changed();

CREATE TRIGGER "GoalMonthReading_trend_delete" AFTER DELETE ON "GoalMonthReading"
REFERENCING OLD TABLE AS removed_rows FOR EACH STATEMENT EXECUTE FUNCTION smarta_trend_rows_changed();

CREATE TRIGGER "GoalMonthReading_trend_update" AFTER UPDATE ON "GoalMonthReading"
REFERENCING NEW TABLE AS added_rows OLD TABLE AS removed_rows FOR EACH STATEMENT EXECUTE FUNCTION smarta_trend_rows_changed();

-- The refresh now writes only what changed: rows whose values differ are updated, rows no
-- longer backed by a check-in are deleted, new ones inserted.
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
  INSERT INTO "GoalReading" AS gr ("organizationId", "goalId", "checkInId", "checkIns", "value", "confidence", "effectiveDate", "points", "levelRank")
  SELECT DISTINCT ON (c."goalId") c."organizationId", c."goalId", c."id", (count(*) OVER (PARTITION BY c."goalId"))::int, c."value"::float8, c."confidence", c."effectiveDate",
    smarta_progress_points(g."measureType"::text, g."baseline"::float8, g."target"::float8, g."stretch"::float8, c."value"::float8),
    smarta_level_rank(smarta_level(g."measureType"::text, g."baseline"::float8, g."minimum"::float8, g."target"::float8, g."stretch"::float8, c."value"::float8))
  FROM "Goal" g
  JOIN "CheckIn" c ON c."organizationId" = g."organizationId" AND c."goalId" = g."id"
  WHERE g."id" = ANY(goal_ids)
    AND NOT EXISTS (SELECT 1 FROM "CheckIn" r WHERE r."organizationId" = c."organizationId" AND r."replacesId" = c."id")
  ORDER BY c."goalId", c."effectiveDate" DESC, c."createdAt" DESC, c."id" DESC
  ON CONFLICT ("goalId") DO UPDATE
  SET "checkInId" = EXCLUDED."checkInId", "checkIns" = EXCLUDED."checkIns", "value" = EXCLUDED."value", "confidence" = EXCLUDED."confidence",
      "effectiveDate" = EXCLUDED."effectiveDate", "points" = EXCLUDED."points", "levelRank" = EXCLUDED."levelRank"
  WHERE (gr."checkInId", gr."checkIns", gr."value", gr."confidence", gr."effectiveDate", gr."points", gr."levelRank")
    IS DISTINCT FROM (EXCLUDED."checkInId", EXCLUDED."checkIns", EXCLUDED."value", EXCLUDED."confidence", EXCLUDED."effectiveDate", EXCLUDED."points", EXCLUDED."levelRank");

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

-- The common check-in, one new reading that is the goal's latest and corrects nothing, moves
-- the readings forward without reading the goal's other check-ins: the current reading is
-- replaced, and the last month's row takes the new value (or a new month's row starts from
-- the last month's points). Anything else (a back-dated check-in, a correction, a bulk load)
-- goes through the full refresh. The property test in goal-readings.int.test.ts holds both
-- paths to the same recomputation.
CREATE FUNCTION smarta_append_reading(n "CheckIn") RETURNS boolean
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
  INSERT INTO "GoalReading" AS gr ("organizationId", "goalId", "checkInId", "checkIns", "value", "confidence", "effectiveDate", "points", "levelRank")
  VALUES (n."organizationId", n."goalId", n."id", 1, n."value"::float8, n."confidence", n."effectiveDate", reading_points,
    smarta_level_rank(smarta_level(goal."mt", goal."b", goal."mn", goal."t", goal."s", n."value"::float8)))
  ON CONFLICT ("goalId") DO UPDATE
  SET "checkInId" = EXCLUDED."checkInId", "checkIns" = gr."checkIns" + 1, "value" = EXCLUDED."value", "confidence" = EXCLUDED."confidence",
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

CREATE OR REPLACE FUNCTION smarta_check_ins_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  only_row "CheckIn";
BEGIN
  IF (SELECT count(*) FROM inserted_rows) = 1 THEN
    SELECT * INTO only_row FROM inserted_rows;
    IF only_row."replacesId" IS NULL AND smarta_append_reading(only_row) THEN
      RETURN NULL;
    END IF;
  END IF;
  PERFORM smarta_refresh_readings(ARRAY(SELECT DISTINCT n."goalId" FROM inserted_rows n));
  RETURN NULL;
END
$$;

-- A goal's readings follow its measure, and its month rows whether and from when it counts in
-- the trend. One statement-level trigger (transition tables do not combine with a column list)
-- refreshes, in one pass, the goals whose measure or trend standing a statement changed; a
-- period close that moves thousands of goals from ACTIVE to CLOSED changes neither.
DROP TRIGGER "Goal_readings_measure" ON "Goal";
DROP FUNCTION smarta_goal_measure_changed();

CREATE FUNCTION smarta_goals_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  goal_ids uuid[];
BEGIN
  goal_ids := ARRAY(
    SELECT n."id" FROM added_rows n JOIN removed_rows o ON o."id" = n."id"
    WHERE (o."measureType", o."baseline", o."minimum", o."target", o."stretch", o."kind", o."periodId", o."startDate")
        IS DISTINCT FROM (n."measureType", n."baseline", n."minimum", n."target", n."stretch", n."kind", n."periodId", n."startDate")
      OR (o."status" IN ('ACTIVE', 'CLOSED')) IS DISTINCT FROM (n."status" IN ('ACTIVE', 'CLOSED'))
    ORDER BY n."id");
  IF cardinality(goal_ids) > 0 THEN
    PERFORM smarta_refresh_readings(goal_ids);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Goal_readings_follow" AFTER UPDATE ON "Goal"
REFERENCING NEW TABLE AS added_rows OLD TABLE AS removed_rows FOR EACH STATEMENT EXECUTE FUNCTION smarta_goals_changed();

-- a period's first month is where the trend counts every earlier change
CREATE FUNCTION smarta_period_start_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM smarta_refresh_readings(ARRAY(
    SELECT g."id" FROM "Goal" g WHERE g."organizationId" = NEW."organizationId" AND g."periodId" = NEW."id" ORDER BY g."id"));
  RETURN NULL;
END
$$;

CREATE TRIGGER "GoalPeriod_trend_start" AFTER UPDATE OF "startDate" ON "GoalPeriod"
FOR EACH ROW WHEN (OLD."startDate" IS DISTINCT FROM NEW."startDate")
EXECUTE FUNCTION smarta_period_start_changed();
