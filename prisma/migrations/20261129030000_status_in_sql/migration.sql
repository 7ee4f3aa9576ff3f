-- The status rules of src/features/goals/attainment.ts and src/features/checkins/progress.ts,
-- written once more in SQL for set-based reports. The TypeScript module is the reference;
-- tests/integration/status-sql.int.test.ts runs both on the same generated goals and demands
-- equal answers. Change one, change the other.
--
-- Plain SQL functions, IMMUTABLE and without subqueries, so the planner inlines them into the
-- report queries. Levels come in as stored (NULL until the M step is filled in); float8 keeps
-- the arithmetic identical to JavaScript's numbers. "today" is always an argument.

-- measureOf: the levels the rules read (BINARY: 0 → 1; MILESTONES count steps from 0).
CREATE FUNCTION smarta_has_measure(measure_type text, target float8) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT measure_type IS NOT NULL AND (measure_type = 'BINARY' OR target IS NOT NULL)
$$;

CREATE FUNCTION smarta_baseline(measure_type text, baseline float8, target float8) RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN measure_type IN ('BINARY', 'MILESTONES') THEN 0 ELSE COALESCE(baseline, target) END
$$;

CREATE FUNCTION smarta_level_value(measure_type text, level float8, target float8) RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN measure_type = 'BINARY' THEN 1 ELSE COALESCE(level, target) END
$$;

-- directionSign on the resolved baseline and target.
CREATE FUNCTION smarta_direction(measure_type text, baseline float8, target float8) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN measure_type = 'BINARY' THEN 1 WHEN target > baseline THEN 1 WHEN target < baseline THEN -1 ELSE 0 END
$$;

-- rawProgress on the resolved measure.
CREATE FUNCTION smarta_raw_progress(measure_type text, baseline float8, target float8, reading float8) RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN measure_type = 'BINARY' THEN CASE WHEN reading >= 1 THEN 1::float8 ELSE 0::float8 END
    WHEN target - baseline = 0 THEN 0::float8
    ELSE (reading - baseline) / (target - baseline)
  END
$$;

-- progressOf on the resolved measure, as a fraction (1 = target).
CREATE FUNCTION smarta_progress_resolved(measure_type text, baseline float8, target float8, stretch float8, reading float8) RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN reading IS NULL OR smarta_direction(measure_type, baseline, target) = 0 THEN 0::float8
    ELSE LEAST(
      GREATEST(smarta_raw_progress(measure_type, baseline, target, reading), 0::float8),
      CASE WHEN measure_type = 'BINARY' THEN 1::float8 ELSE GREATEST(1::float8, smarta_raw_progress(measure_type, baseline, target, stretch)) END
    )
  END
$$;

-- Progress in percentage points from the stored levels; 0 while the goal has no measure.
CREATE FUNCTION smarta_progress_points(measure_type text, baseline float8, target float8, stretch float8, reading float8) RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN NOT smarta_has_measure(measure_type, target) THEN 0::float8
    ELSE smarta_progress_resolved(
      measure_type,
      smarta_baseline(measure_type, baseline, target),
      smarta_level_value(measure_type, target, target),
      smarta_level_value(measure_type, stretch, target),
      reading
    ) * 100
  END
$$;

-- levelOf on the resolved measure.
CREATE FUNCTION smarta_level_resolved(measure_type text, baseline float8, minimum float8, target float8, stretch float8, reading float8) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN reading IS NULL OR smarta_direction(measure_type, baseline, target) = 0 THEN 'BELOW_MINIMUM'
    WHEN measure_type = 'BINARY' THEN CASE WHEN reading >= 1 THEN 'TARGET' ELSE 'BELOW_MINIMUM' END
    WHEN smarta_direction(measure_type, baseline, target) >= 0 THEN CASE
      WHEN reading >= stretch AND reading >= target THEN 'STRETCH'
      WHEN reading >= target THEN 'TARGET'
      WHEN reading >= minimum THEN 'MINIMUM'
      ELSE 'BELOW_MINIMUM' END
    ELSE CASE
      WHEN reading <= stretch AND reading <= target THEN 'STRETCH'
      WHEN reading <= target THEN 'TARGET'
      WHEN reading <= minimum THEN 'MINIMUM'
      ELSE 'BELOW_MINIMUM' END
  END
$$;

-- The level reached from the stored levels; BELOW_MINIMUM while the goal has no measure.
CREATE FUNCTION smarta_level(measure_type text, baseline float8, minimum float8, target float8, stretch float8, reading float8) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN NOT smarta_has_measure(measure_type, target) THEN 'BELOW_MINIMUM'
    ELSE smarta_level_resolved(
      measure_type,
      smarta_baseline(measure_type, baseline, target),
      smarta_level_value(measure_type, minimum, target),
      smarta_level_value(measure_type, target, target),
      smarta_level_value(measure_type, stretch, target),
      reading
    )
  END
$$;

CREATE FUNCTION smarta_level_rank(level text) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE level WHEN 'BELOW_MINIMUM' THEN 0 WHEN 'MINIMUM' THEN 1 WHEN 'TARGET' THEN 2 WHEN 'STRETCH' THEN 3 END
$$;

-- expectedProgressPoints: share of the time from start to due that has passed (0–100).
CREATE FUNCTION smarta_expected_points(start_date date, due_date date, today date) RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN due_date - start_date <= 0 THEN CASE WHEN today >= due_date THEN 100::float8 ELSE 0::float8 END
    ELSE LEAST(100::float8, GREATEST(0::float8, ((today - start_date)::float8 / (due_date - start_date)::float8) * 100))
  END
$$;

-- goalProgressOf's health: the status of an ACTIVE goal with a measure and both dates; NULL otherwise.
CREATE FUNCTION smarta_health(
  status text, measure_type text, baseline float8, minimum float8, target float8, stretch float8,
  reading float8, confidence integer, start_date date, due_date date, today date,
  on_track_margin float8, at_risk_margin float8, low_confidence_at_or_below float8
) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN status <> 'ACTIVE' OR NOT smarta_has_measure(measure_type, target) OR start_date IS NULL OR due_date IS NULL THEN NULL
    WHEN smarta_level_rank(smarta_level(measure_type, baseline, minimum, target, stretch, reading)) >= 2 THEN 'ACHIEVED'
    WHEN today > due_date THEN 'OVERDUE'
    WHEN smarta_progress_points(measure_type, baseline, target, stretch, reading)
         >= smarta_expected_points(start_date, due_date, today) - on_track_margin
      THEN CASE WHEN confidence IS NOT NULL AND confidence <= low_confidence_at_or_below THEN 'AT_RISK' ELSE 'ON_TRACK' END
    WHEN smarta_progress_points(measure_type, baseline, target, stretch, reading)
         >= smarta_expected_points(start_date, due_date, today) - at_risk_margin THEN 'AT_RISK'
    ELSE 'OFF_TRACK'
  END
$$;

CREATE FUNCTION smarta_cadence_days(cadence text) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE cadence WHEN 'WEEKLY' THEN 7 WHEN 'BIWEEKLY' THEN 14 WHEN 'MONTHLY' THEN 30 END
$$;

-- isStale for an ACTIVE goal with a measure and both dates; false otherwise.
CREATE FUNCTION smarta_stale(
  status text, measure_type text, target float8, start_date date, due_date date,
  last_check_in date, cadence text, stale_after_cadences float8, today date
) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN status <> 'ACTIVE' OR NOT smarta_has_measure(measure_type, target) OR start_date IS NULL OR due_date IS NULL THEN false
    ELSE (today - CASE WHEN last_check_in IS NOT NULL AND last_check_in > start_date THEN last_check_in ELSE start_date END)::float8
         > stale_after_cadences * smarta_cadence_days(cadence)
  END
$$;
