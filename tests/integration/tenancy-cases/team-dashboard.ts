import type { TenancyCases } from "./types";

export const cases: TenancyCases = {
  org: {
    // every member may open a team's dashboard (the public view at least); another
    // organisation's team or period answers NOT_FOUND
    "teamDashboard.get": { input: (org) => ({ teamId: org.team.id, periodId: org.period.id }) },
  },
  account: [],
};
