import type { Db } from "@/server/db/client";
import type { TestOrganization } from "../../factories";
import { createGoalRow } from "../../factories/goals";
import type { TenancyCases } from "./types";

/** Every member opens the organisation dashboard; another organisation's period or goal is NOT_FOUND. */
async function organizationGoal(org: TestOrganization, db: Db | undefined) {
  if (!db) throw new Error("The organisation dashboard tenancy cases need the test database");
  return createGoalRow(db, org.organization.id, {
    level: "ORGANIZATION",
    status: "ACTIVE",
    ownerId: org.members.ADMIN.membershipId,
    periodId: org.period.id,
  });
}

export const cases: TenancyCases = {
  org: {
    "orgDashboard.overview": { input: (org) => ({ periodId: org.period.id }) },
    "orgDashboard.children": {
      input: async (org, db) => ({ periodId: org.period.id, parentGoalId: (await organizationGoal(org, db)).id }),
    },
  },
  account: [],
};
