import { createPeriodRow, freshPeriodName } from "../../factories/admin";
import type { TenancyCases } from "./types";

const MANAGERS = ["ADMIN", "HR"] as const;

export const cases: TenancyCases = {
  org: {
    // period.list is covered with the foundation's cases
    // a name and two dates: no row of the organisation is named
    "period.create": {
      input: () => ({ name: freshPeriodName(), startDate: "2030-01-01", endDate: "2030-12-31" }),
      allowed: MANAGERS,
      namesNoRows: true,
      mutates: true,
    },
    "period.update": {
      input: (org) => ({ periodId: org.period.id, name: freshPeriodName(), startDate: "2027-01-01", endDate: "2027-12-31" }),
      allowed: MANAGERS,
      mutates: true,
    },
    "period.setCurrent": { input: (org) => ({ periodId: org.period.id }), allowed: MANAGERS, mutates: true },
    "period.closePreview": { input: (org) => ({ periodId: org.period.id }), allowed: MANAGERS },
    // a period of its own per call, so closing it leaves the shared period's goals to the other cases
    "period.close": {
      input: async (org, db) => ({ periodId: (await createPeriodRow(db, org.organization.id)).id }),
      allowed: MANAGERS,
      mutates: true,
    },
  },
  account: [],
};
