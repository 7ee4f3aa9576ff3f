import type { Db } from "@/server/db/client";
import type { Role } from "@/server/db/generated/enums";
import { createUser, type TestMember } from "./index";

export type PersonOptions = {
  name?: string;
  email?: string;
  role?: Role;
  teamId?: string | null;
  managerId?: string | null;
  title?: string | null;
  status?: "ACTIVE" | "DEACTIVATED";
};

/** A member of the organisation with a new user of their own. */
export async function addPerson(db: Db, organizationId: string, options: PersonOptions = {}): Promise<TestMember> {
  const user = await createUser(db, { name: options.name, email: options.email });
  const role = options.role ?? "EMPLOYEE";
  const membership = await db.membership.create({
    data: {
      organizationId,
      userId: user.id,
      role,
      teamId: options.teamId ?? null,
      managerId: options.managerId ?? null,
      title: options.title ?? null,
      status: options.status ?? "ACTIVE",
      deactivatedAt: options.status === "DEACTIVATED" ? new Date() : null,
    },
  });
  return { userId: user.id, membershipId: membership.id, role, email: user.email, name: user.name };
}

export async function addTeam(
  db: Db,
  organizationId: string,
  name: string,
  options: { parentTeamId?: string | null; archived?: boolean } = {},
) {
  return db.team.create({
    data: {
      organizationId,
      name,
      parentTeamId: options.parentTeamId ?? null,
      archivedAt: options.archived ? new Date() : null,
    },
  });
}
