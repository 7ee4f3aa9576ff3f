import { accountRouter, authRouter } from "@/features/accounts/accounts.router";
import { auditRouter } from "@/features/audit/audit.router";
import { csvImportRouter } from "@/features/csv-import/csv-import.router";
import { checkInRouter } from "@/features/checkins/checkins.router";
import { goalRouter } from "@/features/goals/goals.router";
import { invitationRouter } from "@/features/invitations/invitations.router";
import { orgChartRouter } from "@/features/org-chart/org-chart.router";
import { organizationRouter } from "@/features/organizations/organizations.router";
import { memberRouter } from "@/features/people/people.router";
import { periodRouter } from "@/features/periods/periods.router";
import { teamRouter } from "@/features/teams/teams.router";
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
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
