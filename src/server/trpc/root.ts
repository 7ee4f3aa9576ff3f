import { accountRouter, authRouter } from "@/features/accounts/accounts.router";
import { auditRouter } from "@/features/audit/audit.router";
import { csvImportRouter } from "@/features/csv-import/csv-import.router";
import { checkInRouter } from "@/features/checkins/checkins.router";
import { goalRouter } from "@/features/goals/goals.router";
import { invitationRouter } from "@/features/invitations/invitations.router";
import { orgChartRouter } from "@/features/org-chart/org-chart.router";
import { orgDashboardRouter } from "@/features/org-dashboard/org-dashboard.router";
import { organizationRouter } from "@/features/organizations/organizations.router";
import { memberRouter } from "@/features/people/people.router";
import { periodRouter } from "@/features/periods/periods.router";
import { reportRouter } from "@/features/reports/reports.router";
import { teamRouter } from "@/features/teams/teams.router";
import { teamDashboardRouter } from "@/features/team-dashboard/team-dashboard.router";
import { createCallerFactory, router } from "./init";

// One router per feature area; each area registers its procedures in its own file.
export const appRouter = router({
  auth: authRouter,
  account: accountRouter,
  organization: organizationRouter,
  member: memberRouter,
  period: periodRouter,
  team: teamRouter,
  invitation: invitationRouter,
  csvImport: csvImportRouter,
  audit: auditRouter,
  orgChart: orgChartRouter,
  goal: goalRouter,
  checkIn: checkInRouter,
  teamDashboard: teamDashboardRouter,
  orgDashboard: orgDashboardRouter,
  report: reportRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
