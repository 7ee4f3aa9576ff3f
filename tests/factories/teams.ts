import type { Db } from "@/server/db/client";
import type { Role } from "@/server/db/generated/enums";
import { createUser } from "./index";

/** A team straight in the database (no audit), for arranging a tree before a test acts on it. */
export async function createTeam(
  db: Db,
  organizationId: string,
  options: { name: string; parentTeamId?: string | null; archived?: boolean },
) {
  return db.team.create({
    data: {
      organizationId,
      name: options.name,
      parentTeamId: options.parentTeamId ?? null,
      archivedAt: options.archived ? new Date("2026-01-01T00:00:00Z") : null,
    },
  });
}

/** A chain of teams, each under the previous: createTeamPath(db, org, ["A", "B", "C"]). */
export async function createTeamPath(db: Db, organizationId: string, names: string[], parentTeamId: string | null = null) {
  const teams = [];
  let parent = parentTeamId;
  for (const name of names) {
    const team = await createTeam(db, organizationId, { name, parentTeamId: parent });
    teams.push(team);
    parent = team.id;
  }
  return teams;
}

/** A person in the organisation with the given place. */
export async function createPerson(
  db: Db,
  organizationId: string,
  options: {
    name?: string;
    role?: Role;
    title?: string | null;
    teamId?: string | null;
    managerId?: string | null;
    deactivated?: boolean;
  } = {},
) {
  const user = await createUser(db, { name: options.name });
  const membership = await db.membership.create({
    data: {
      organizationId,
      userId: user.id,
      role: options.role ?? "EMPLOYEE",
      title: options.title ?? null,
      teamId: options.teamId ?? null,
      managerId: options.managerId ?? null,
      status: options.deactivated ? "DEACTIVATED" : "ACTIVE",
      deactivatedAt: options.deactivated ? new Date() : null,
    },
  });
  return { userId: user.id, membershipId: membership.id, name: user.name };
}

export async function makeLead(db: Db, organizationId: string, teamId: string, membershipId: string) {
  await db.teamLead.create({ data: { organizationId, teamId, membershipId } });
}
