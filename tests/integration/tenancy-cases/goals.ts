import type { Db } from "@/server/db/client";
import type { TestOrganization } from "../../factories";
import { createAlignedGoal, createGoalRow, validGoalFields } from "../../factories/goals";
import type { TenancyCases } from "./types";

/**
 * Every case names goals owned by the organisation's EMPLOYEE (who reports to its MANAGER), so
 * the allowed roles follow from the rules: the owner, the manager chain and ADMIN manage the
 * goal; HR only reads; the co-signer is the MANAGER; closing is the manager's or ADMIN's.
 */
const MANAGE = ["ADMIN", "MANAGER", "EMPLOYEE"] as const;

function needDb(db: Db | undefined): Db {
  if (!db) throw new Error("The goal tenancy cases need the test database as the second argument of OrgCase.input");
  return db;
}

/** A fresh performance goal of the employee in the given state, linked to an organisation goal. */
async function employeeGoal(org: TestOrganization, db: Db | undefined, status: "DRAFT" | "PROPOSED" | "ACTIVE" = "DRAFT") {
  const { goal } = await createAlignedGoal(needDb(db), org.organization.id, {
    ownerId: org.members.EMPLOYEE.membershipId,
    orgOwnerId: org.members.ADMIN.membershipId,
    periodId: org.period.id,
    status,
    managerSignedById: status === "ACTIVE" ? org.members.MANAGER.membershipId : null,
    ownerSigned: status === "ACTIVE",
  });
  return goal;
}

/** A goal of the employee closed with its period: outcome computed, not yet confirmed. */
async function closedEmployeeGoal(org: TestOrganization, db: Db | undefined) {
  const goal = await employeeGoal(org, db, "ACTIVE");
  await needDb(db).goal.update({ where: { id: goal.id }, data: { status: "CLOSED", outcome: "MINIMUM", closedAt: new Date() } });
  return goal;
}

export const cases: TenancyCases = {
  org: {
    "goal.create": {
      input: (org) => ({ level: "INDIVIDUAL", ownerId: org.members.EMPLOYEE.membershipId, teamId: null, ...validGoalFields(org.period.id) }),
      allowed: MANAGE,
      mutates: true,
    },
    "goal.update": {
      input: async (org, db) => ({ goalId: (await employeeGoal(org, db)).id, version: 1, ...validGoalFields(org.period.id) }),
      allowed: MANAGE,
      mutates: true,
    },
    "goal.get": { input: async (org, db) => ({ goalId: (await employeeGoal(org, db)).id }) },
    "goal.list": { input: (org) => ({ scope: "organization", periodId: org.period.id }) },
    "goal.propose": {
      input: async (org, db) => ({ goalId: (await employeeGoal(org, db)).id, version: 1 }),
      allowed: MANAGE,
      mutates: true,
    },
    // the employee signs as owner, the manager as co-signer; neither signature alone activates
    "goal.sign": {
      input: async (org, db) => ({ goalId: (await employeeGoal(org, db, "PROPOSED")).id, version: 1 }),
      allowed: ["MANAGER", "EMPLOYEE"],
      mutates: true,
    },
    "goal.postpone": {
      input: async (org, db) => ({ goalId: (await employeeGoal(org, db, "PROPOSED")).id, version: 1, reason: "Andra mål går först" }),
      allowed: MANAGE,
      mutates: true,
    },
    "goal.cancel": {
      input: async (org, db) => ({ goalId: (await employeeGoal(org, db)).id, version: 1, reason: "Behövs inte längre" }),
      allowed: MANAGE,
      mutates: true,
    },
    "goal.close": {
      input: async (org, db) => ({ goalId: (await employeeGoal(org, db, "ACTIVE")).id, version: 1, outcome: "TARGET" }),
      allowed: ["ADMIN", "MANAGER"],
      mutates: true,
    },
    // confirming the outcome is the manager chain's or ADMIN's, like closing
    "goal.confirmOutcome": {
      input: async (org, db) => ({ goalId: (await closedEmployeeGoal(org, db)).id, version: 1, outcome: "MINIMUM", reason: "" }),
      allowed: ["ADMIN", "MANAGER"],
      mutates: true,
    },
    // the employee's open goals as they are at the call, in reverse order
    "goal.reorder": {
      input: async (org, db) => {
        const client = needDb(db);
        const ownerId = org.members.EMPLOYEE.membershipId;
        await createGoalRow(client, org.organization.id, { ownerId, periodId: org.period.id });
        const open = await client.goal.findMany({
          where: { organizationId: org.organization.id, ownerId, status: { in: ["DRAFT", "PROPOSED", "ACTIVE"] } },
          orderBy: { priority: "desc" },
          select: { id: true },
        });
        return { ownerId, goalIds: open.map((goal) => goal.id) };
      },
      allowed: MANAGE,
      mutates: true,
    },
    "goal.linkTargets": { input: (org) => ({ level: "INDIVIDUAL", kind: "PERFORMANCE", periodId: org.period.id, goalId: null }) },
    "goal.alignmentTree": { input: (org) => ({ periodId: org.period.id }) },
    "goal.history": { input: async (org, db) => ({ goalId: (await employeeGoal(org, db)).id }) },
    // a level, no row: every role gets the people it may write for (possibly none)
    "goal.ownerOptions": { input: () => ({ level: "INDIVIDUAL" }), namesNoRows: true },
  },
  account: [],
};
