import type { TenancyCases } from "./types";

const READERS = ["ADMIN", "HR"] as const;

export const cases: TenancyCases = {
  org: {
    // the period and the team filter name rows: another organisation's answer NOT_FOUND
    "report.hr": {
      input: (org) => ({ periodId: org.period.id, filters: { teamId: org.team.id } }),
      allowed: READERS,
    },
  },
  account: [],
};
