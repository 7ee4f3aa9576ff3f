import { fc } from "@fast-check/vitest";
import { Prisma } from "@/server/db/generated/client";
import { beforeAll, describe, expect, it } from "vitest";
import { goalProgressOf, type GoalMeasureFacts, type ProgressSettings } from "@/features/checkins/progress";
import { CADENCES, GOAL_STATUSES, type Cadence } from "@/features/goals/goals.schema";
import type { Db } from "@/server/db/client";
import { createTestDatabase } from "../support/test-db";

/**
 * One definition, two engines (PRODUCT.md): the SQL functions of the status_in_sql migration
 * must answer exactly what the TypeScript reference answers, for any goal the schema stores.
 */

/** Decimal(18, 4) as stored, written the way the database hands it over. */
const stored = fc.oneof(
  // the levels of a typical goal, so readings land exactly on them often
  fc.constantFrom("0", "1", "2", "3", "10", "30", "40", "50", "100", "-5", "0.5", "99.9999"),
  fc.integer({ min: -99_999_999, max: 99_999_999 }).chain((whole) => fc.integer({ min: 0, max: 9999 }).map((frac) => `${whole}.${String(frac).padStart(4, "0")}`)),
);
const storedOrNull = fc.option(stored, { nil: null, freq: 5 });

const BASE_DAY = Date.parse("2027-01-01T00:00:00Z");
const day = fc.integer({ min: -40, max: 400 }).map((offset) => new Date(BASE_DAY + offset * 86_400_000).toISOString().slice(0, 10));

const goalCase = fc.record({
  status: fc.oneof({ weight: 4, arbitrary: fc.constant("ACTIVE" as const) }, { weight: 1, arbitrary: fc.constantFrom(...GOAL_STATUSES) }),
  measureType: fc.option(fc.constantFrom("NUMBER", "PERCENT", "MILESTONES", "BINARY"), { nil: null, freq: 8 }),
  baseline: storedOrNull,
  minimum: storedOrNull,
  target: storedOrNull,
  stretch: storedOrNull,
  startDate: fc.option(day, { nil: null, freq: 10 }),
  dueDate: fc.option(day, { nil: null, freq: 10 }),
  cadence: fc.option(fc.constantFrom(...CADENCES), { nil: null }),
  current: fc.option(fc.record({ value: stored, effectiveDate: day, confidence: fc.integer({ min: 1, max: 10 }) }), { nil: null, freq: 5 }),
  today: day,
});

const settingsCase = fc.record({
  onTrackMarginPoints: fc.constantFrom(0, 5, 10, 12.5, 30),
  atRiskMarginPoints: fc.constantFrom(10, 25, 40),
  lowConfidenceAtOrBelow: fc.integer({ min: 0, max: 10 }),
  defaultCadence: fc.constantFrom<Cadence>(...CADENCES),
  staleAfterCadences: fc.constantFrom(1, 1.5, 2, 2.25),
});

type GoalCase = typeof goalCase extends fc.Arbitrary<infer T> ? T : never;
type SqlAnswer = { i: number; health: string | null; level: string; progressPoints: number; expectedPoints: number | null; stale: boolean };

const number = (value: string | null) => (value === null ? null : Number(value));

function reference(goal: GoalCase, settings: ProgressSettings) {
  const facts: GoalMeasureFacts = {
    status: goal.status,
    measureType: goal.measureType,
    baseline: number(goal.baseline),
    minimum: number(goal.minimum),
    target: number(goal.target),
    stretch: number(goal.stretch),
    startDate: goal.startDate,
    dueDate: goal.dueDate,
    cadence: goal.cadence,
  };
  const current = goal.current ? { ...goal.current, value: Number(goal.current.value) } : null;
  const progress = goalProgressOf({ goal: facts, current, today: goal.today, settings, rollup: null, canCheckIn: false, canSeePrivate: true });
  return { health: progress.health, level: progress.level, progressPoints: progress.progressPoints, expectedPoints: progress.expectedPoints, stale: progress.stale };
}

async function inSql(db: Db, goals: GoalCase[], settings: ProgressSettings): Promise<SqlAnswer[]> {
  const rows = goals.map((goal, i) => ({
    i,
    status: goal.status,
    mt: goal.measureType,
    b: goal.baseline,
    mn: goal.minimum,
    t: goal.target,
    s: goal.stretch,
    sd: goal.startDate,
    dd: goal.dueDate,
    cadence: goal.cadence,
    v: goal.current?.value ?? null,
    c: goal.current?.confidence ?? null,
    last: goal.current?.effectiveDate ?? null,
    today: goal.today,
  }));
  // the same casts a report makes: Decimal(18, 4) → float8, settings as numbers
  return db.$queryRaw<SqlAnswer[]>(Prisma.sql`
    WITH g AS (
      SELECT r.i, r.status, r.mt, r.b::numeric(18,4)::float8 AS b, r.mn::numeric(18,4)::float8 AS mn, r.t::numeric(18,4)::float8 AS t,
        r.s::numeric(18,4)::float8 AS s, r.v::numeric(18,4)::float8 AS v, r.c, r.sd, r.dd, r.last, r.today,
        COALESCE(r.cadence, ${settings.defaultCadence}) AS cadence
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS r(i int, status text, mt text, b text, mn text, t text, s text, v text, c int, sd date, dd date, last date, today date, cadence text)
    )
    SELECT g.i,
      smarta_health(g.status, g.mt, g.b, g.mn, g.t, g.s, g.v, g.c, g.sd, g.dd, g.today,
        ${settings.onTrackMarginPoints}::float8, ${settings.atRiskMarginPoints}::float8, ${settings.lowConfidenceAtOrBelow}::float8) AS "health",
      smarta_level(g.mt, g.b, g.mn, g.t, g.s, g.v) AS "level",
      smarta_progress_points(g.mt, g.b, g.t, g.s, g.v) AS "progressPoints",
      CASE WHEN smarta_health(g.status, g.mt, g.b, g.mn, g.t, g.s, g.v, g.c, g.sd, g.dd, g.today, 0, 0, 0) IS NULL THEN NULL
        ELSE smarta_expected_points(g.sd, g.dd, g.today) END AS "expectedPoints",
      smarta_stale(g.status, g.mt, g.t, g.sd, g.dd, g.last, g.cadence, ${settings.staleAfterCadences}::float8, g.today) AS "stale"
    FROM g ORDER BY g.i`);
}

describe("the status rules in SQL", () => {
  let db: Db;
  beforeAll(async () => {
    db = (await createTestDatabase()).prisma;
  });

  it("answers what the TypeScript reference answers, on generated goals (40 runs × 50 goals)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(goalCase, { minLength: 50, maxLength: 50 }), settingsCase, async (goals, settings) => {
        const answers = await inSql(db, goals, settings);
        expect(answers).toHaveLength(goals.length);
        for (const answer of answers) {
          const { i, ...sql } = answer;
          const expected = reference(goals[i]!, settings);
          // === on numbers: −0 and 0 are the same progress
          const same =
            sql.health === expected.health &&
            sql.level === expected.level &&
            sql.progressPoints === expected.progressPoints &&
            sql.expectedPoints === expected.expectedPoints &&
            sql.stale === expected.stale;
          if (!same) expect({ goal: goals[i], sql }).toEqual({ goal: goals[i], sql: expected });
        }
      }),
      { numRuns: 40 },
    );
  });

  it("agrees on the worked example of PRODUCT.md's rules", async () => {
    const settings: ProgressSettings = { onTrackMarginPoints: 10, atRiskMarginPoints: 25, lowConfidenceAtOrBelow: 4, defaultCadence: "MONTHLY", staleAfterCadences: 1.5 };
    const goal = (value: string, confidence: number, today: string): GoalCase => ({
      status: "ACTIVE",
      measureType: "NUMBER",
      baseline: "10",
      minimum: "30",
      target: "40",
      stretch: "50",
      startDate: "2027-01-01",
      dueDate: "2027-03-02",
      cadence: "BIWEEKLY",
      current: { value, effectiveDate: "2027-01-25", confidence },
      today,
    });
    const answers = await inSql(db, [goal("25", 7, "2027-01-31"), goal("25", 3, "2027-01-31"), goal("19", 7, "2027-01-31"), goal("12", 7, "2027-01-31"), goal("45", 2, "2027-01-31"), goal("25", 7, "2027-03-03"), goal("25", 7, "2027-02-20")], settings);
    expect(answers.map(({ health, level, stale }) => ({ health, level, stale }))).toEqual([
      { health: "ON_TRACK", level: "BELOW_MINIMUM", stale: false }, // 50 points, 50 expected
      { health: "AT_RISK", level: "BELOW_MINIMUM", stale: false }, // low confidence
      { health: "AT_RISK", level: "BELOW_MINIMUM", stale: false }, // 30 points: within 25 of 50
      { health: "OFF_TRACK", level: "BELOW_MINIMUM", stale: false }, // 6.7 points
      { health: "ACHIEVED", level: "TARGET", stale: false }, // target wins over everything
      { health: "OVERDUE", level: "BELOW_MINIMUM", stale: true }, // after the due date; 37 days since
      { health: "OFF_TRACK", level: "BELOW_MINIMUM", stale: true }, // 50 points, 83 expected; 26 days since: > 1.5 × 14
    ]);
    expect(answers[0]!.progressPoints).toBe(50);
  });
});
