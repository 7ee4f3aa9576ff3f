import { randomBytes } from "node:crypto";
import type { Db } from "@/server/db/client";
import type { Role } from "@/server/db/generated/enums";
import { createCaller } from "@/server/trpc/root";

// A real argon2id hash of "factory-password-123" would cost time per user; tests that sign
// in with a password make their own user through the sign-up service instead.
const UNUSABLE_HASH = "$argon2id$v=19$m=19456,t=2,p=1$dW51c2FibGU$dW51c2FibGV1bnVzYWJsZXVudXNhYmxldW51c2FibGU";

export const ROLES: Role[] = ["ADMIN", "HR", "MANAGER", "EMPLOYEE"];

const unique = () => randomBytes(4).toString("hex");

export type TestMember = { userId: string; membershipId: string; role: Role; email: string; name: string };

export async function createUser(db: Db, overrides: { name?: string; email?: string } = {}) {
  const tag = unique();
  return db.user.create({
    data: {
      name: overrides.name ?? `Person ${tag}`,
      email: overrides.email ?? `person-${tag}@example.test`,
      passwordHash: UNUSABLE_HASH,
    },
  });
}

/** An organisation with one member per role (ADMIN, HR, MANAGER, EMPLOYEE), a team and a period. */
export async function createOrganization(db: Db, options: { name?: string } = {}) {
  const tag = unique();
  const organization = await db.organization.create({
    data: { name: options.name ?? `Org ${tag}`, slug: `org-${tag}`, locale: "sv" },
  });
  const team = await db.team.create({ data: { organizationId: organization.id, name: "Team A" } });
  const period = await db.goalPeriod.create({
    data: {
      organizationId: organization.id,
      name: "2027",
      startDate: new Date("2027-01-01"),
      endDate: new Date("2027-12-31"),
      isCurrent: true,
    },
  });
  const members = {} as Record<Role, TestMember>;
  for (const role of ROLES) {
    const user = await createUser(db, { name: `${role.toLowerCase()} ${tag}` });
    const membership = await db.membership.create({
      data: {
        organizationId: organization.id,
        userId: user.id,
        role,
        teamId: team.id,
      },
    });
    members[role] = { userId: user.id, membershipId: membership.id, role, email: user.email, name: user.name };
  }
  // the employee reports to the manager
  await db.membership.update({ where: { id: members.EMPLOYEE.membershipId }, data: { managerId: members.MANAGER.membershipId } });
  return { organization, team, period, members };
}

export type TestOrganization = Awaited<ReturnType<typeof createOrganization>>;

export async function addMember(db: Db, organizationId: string, userId: string, role: Role) {
  return db.membership.create({ data: { organizationId, userId, role } });
}

/** A tRPC caller acting as the given user, as a signed-in browser would. */
export function callerFor(db: Db, userId: string | null, sessionVersion = 0) {
  return createCaller({
    db,
    claims: userId ? { userId, sessionVersion } : null,
    clientIp: "198.51.100.7",
  });
}
