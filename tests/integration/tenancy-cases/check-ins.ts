import type { Db } from "@/server/db/client";
import type { TestOrganization } from "../../factories";
import { checkInInput, createCheckInGoal } from "../../factories/check-ins";
import type { TenancyCases } from "./types";

/**
 * Every case names an ACTIVE goal of the organisation's EMPLOYEE (who reports to its MANAGER):
 * the owner, the manager chain and ADMIN may check in; HR only reads.
 */
function needDb(db: Db | undefined): Db {
  if (!db) throw new Error("The check-in tenancy cases need the test database as the second argument of OrgCase.input");
  return db;
}

async function employeeGoal(org: TestOrganization, db: Db | undefined) {
  return createCheckInGoal(needDb(db), org.organization.id, {
    ownerId: org.members.EMPLOYEE.membershipId,
    periodId: org.period.id,
    managerSignedById: org.members.MANAGER.membershipId,
  });
}

export const cases: TenancyCases = {
  org: {
    "checkIn.submit": {
      input: async (org, db) => {
        const { orgSlug: _slug, ...input } = checkInInput(org.organization.slug, (await employeeGoal(org, db)).id);
        return input;
      },
      allowed: ["ADMIN", "MANAGER", "EMPLOYEE"],
      mutates: true,
    },
    "checkIn.list": { input: async (org, db) => ({ goalId: (await employeeGoal(org, db)).id }) },
    // the caller's own goals and their reports': no id to ask for
    "checkIn.due": { input: () => ({}) },
  },
  account: [],
};
