import type { Db } from "@/server/db/client";
import type { TestOrganization } from "../../factories";
import { addInvitation, freshEmail } from "../../factories/invitations";
import type { TenancyCases } from "./types";

const MANAGE = ["ADMIN", "HR"] as const;

/** Revoking and renewing need an invitation of their own per call, so each call can succeed. */
async function freshInvitation(org: TestOrganization, db: Db | undefined) {
  if (!db) throw new Error("The invitation.revoke/renew tenancy cases need the test database as the second argument of OrgCase.input");
  const { invitation } = await addInvitation(db, org.organization.id, { teamId: org.team.id, createdByUserId: org.members.ADMIN.userId });
  return invitation;
}

export const cases: TenancyCases = {
  org: {
    "invitation.list": { input: () => ({}), allowed: MANAGE },
    "invitation.formOptions": { input: () => ({}), allowed: MANAGE },
    // another organisation's team and manager must read as missing
    "invitation.create": {
      input: (org) => ({
        email: freshEmail(),
        role: "EMPLOYEE",
        teamId: org.team.id,
        managerId: org.members.MANAGER.membershipId,
      }),
      allowed: MANAGE,
      mutates: true,
    },
    "invitation.revoke": {
      input: async (org: TestOrganization, db?: Db) => ({ id: (await freshInvitation(org, db)).id }),
      allowed: MANAGE,
      mutates: true,
    },
    "invitation.renew": {
      input: async (org: TestOrganization, db?: Db) => ({ id: (await freshInvitation(org, db)).id }),
      allowed: MANAGE,
      mutates: true,
    },
  },
  // public: the link's token is the only key, there is no organisation in the input
  account: ["invitation.preview", "invitation.accept"],
};
