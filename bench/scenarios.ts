/**
 * What the benchmark times, as the people who wait for it would call it, and the targets of
 * issue 6 (PostgreSQL on this 2-core machine).
 */
import { randomBytes } from "node:crypto";
import { todayOf } from "../src/features/checkins/progress";
import { orgDashboardOneQuerySql } from "../src/features/org-dashboard/org-dashboard.repository";
import { hrReportOneQuerySql } from "../src/features/reports/report-one-query";
import type { SqlSession } from "../src/server/db/migrate";
import { DEFAULT_ORGANIZATION_SETTINGS } from "../src/features/organizations/settings";
import type { Db } from "../src/server/db/client";
import type { Prisma } from "../src/server/db/generated/client";
import { createCaller } from "../src/server/trpc/root";
import type { LargeOrg } from "./large-org";

type Timing = { p50: number; p95: number };

export type Scenario = {
  name: string;
  run: (db: Db, run: number) => Promise<unknown>;
  /** the same numbers from one hand-written SQL query, run directly on the driver (with the report settings first, as the procedures run) */
  handWritten?: Prisma.Sql;
};

export const TARGETS: Record<string, { text: string; check: (timing: Timing, baseline: Timing | null) => boolean }> = {
  "organisation dashboard": {
    text: "p95 ≤ 300 ms and ≤ 2× hand-written SQL",
    check: (timing, baseline) => timing.p95 <= 300 && (baseline === null || timing.p95 <= 2 * baseline.p95),
  },
  "team dashboard": { text: "p95 ≤ 100 ms", check: (timing) => timing.p95 <= 100 },
  "HR report": { text: "p95 ≤ 500 ms", check: (timing) => timing.p95 <= 500 },
  "check-in submit": { text: "p95 ≤ 30 ms", check: (timing) => timing.p95 <= 30 },
};

const NO_FILTERS = { departmentTeamId: null, teamId: null, kind: null, level: null, role: null };

/** Runs a hand-written reference on a raw driver session. */
export const runOnDriver = (session: SqlSession, sql: Prisma.Sql) => session.query(sql.text, sql.values);

const callerAs = (db: Db, userId: string) => createCaller({ db, claims: { userId, sessionVersion: 0 }, clientIp: "127.0.0.1" });

export function benchScenarios(org: LargeOrg): Scenario[] {
  const orgSlug = org.slug;
  const runTag = randomBytes(3).toString("hex");
  // the benchmark organisation keeps the default settings
  const dashboardParams = () => ({ organizationId: org.organizationId, periodId: org.periodId, today: todayOf(new Date()), settings: DEFAULT_ORGANIZATION_SETTINGS });
  return [
    {
      name: "organisation dashboard",
      // what the page asks for when it opens: the overview and the first level of the tree
      run: (db) => {
        const caller = callerAs(db, org.adminUserId);
        return Promise.all([
          caller.orgDashboard.overview({ orgSlug, periodId: org.periodId }),
          caller.orgDashboard.children({ orgSlug, periodId: org.periodId, parentGoalId: null }),
        ]);
      },
      handWritten: orgDashboardOneQuerySql(dashboardParams()),
    },
    {
      name: "team dashboard",
      run: (db) => callerAs(db, org.leadUserId).teamDashboard.get({ orgSlug, teamId: org.leadTeamId, periodId: org.periodId }),
    },
    {
      name: "HR report",
      run: (db) => callerAs(db, org.hrUserId).report.hr({ orgSlug, periodId: org.periodId }),
      handWritten: hrReportOneQuerySql({ organizationId: org.organizationId, periodId: org.periodId, today: todayOf(new Date()), filters: NO_FILTERS }),
    },
    {
      name: "goal list",
      // a team lead's view of their team's goals
      run: (db) => callerAs(db, org.leadUserId).goal.list({ orgSlug, scope: "team", periodId: org.periodId }),
    },
    {
      name: "check-in submit",
      run: (db, run) => {
        const goalId = org.employeeGoalIds[Math.abs(run) % org.employeeGoalIds.length]!;
        return callerAs(db, org.employeeUserId).checkIn.submit({
          orgSlug,
          goalId,
          clientKey: `bench-submit-${runTag}-${run}`,
          reading: { kind: "value", value: 50 + (run % 7) },
          confidence: 7,
          comment: "",
          effectiveDate: todayOf(new Date()),
          replacesId: null,
        });
      },
    },
  ];
}
