import type { Db } from "@/server/db/client";
import type { TestOrganization } from "../../factories";
import { addPerson } from "../../factories/people";
import type { TenancyCases } from "./types";

const MANAGE = ["ADMIN", "HR"] as const;

/**
 * Deactivation needs a fresh person per call: deactivating one of the organisation's four
 * role members would lock them out of every later case.
 */
async function freshPerson(org: TestOrganization, db: Db | undefined) {
  if (!db) throw new Error("The member.deactivate tenancy case needs the test database as the second argument of OrgCase.input");
  return addPerson(db, org.organization.id, { teamId: org.team.id });
}

export const cases: TenancyCases = {
  org: {
    "member.list": { input: () => ({}), allowed: MANAGE },
    "member.filterOptions": { input: () => ({}), allowed: MANAGE },
    // sets what the employee already has, so every call can succeed
    "member.update": {
      input: (org) => ({
        membershipId: org.members.EMPLOYEE.membershipId,
        teamId: org.team.id,
        managerId: org.members.MANAGER.membershipId,
      }),
      allowed: MANAGE,
      mutates: true,
    },
    "member.deactivate": {
      input: async (org: TestOrganization, db?: Db) => ({ membershipId: (await freshPerson(org, db)).membershipId }),
      allowed: MANAGE,
      mutates: true,
    },
    // reactivating an active membership changes nothing and succeeds
    "member.reactivate": { input: (org) => ({ membershipId: org.members.EMPLOYEE.membershipId }), allowed: MANAGE, mutates: true },
  },
  account: [],
};
