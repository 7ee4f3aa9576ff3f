import type { OrgTx } from "@/server/db/for-org";
import type { PersonRef } from "./teams.schema";
import type { TeamRow } from "./tree";

/** The scoped client or a transaction on it: both narrow every query to the organisation. */
type TeamsDb = Pick<OrgTx, "team" | "teamLead" | "membership">;

const byName = (a: PersonRef, b: PersonRef) => a.name.localeCompare(b.name, "sv");

/** Every team of the organisation, archived ones included: one query. */
export async function listTeamRows(db: TeamsDb): Promise<TeamRow[]> {
  const rows = await db.team.findMany({ select: { id: true, name: true, parentTeamId: true, archivedAt: true } });
  return rows.map((row) => ({ id: row.id, name: row.name, parentTeamId: row.parentTeamId, archived: row.archivedAt !== null }));
}

/** Active people per team, counted by the database in one grouped query. */
export async function directHeadCounts(db: TeamsDb): Promise<Map<string, number>> {
  const groups = await db.membership.groupBy({
    by: ["teamId"],
    where: { status: "ACTIVE", teamId: { not: null } },
    _count: { _all: true },
  });
  return new Map(groups.flatMap((group) => (group.teamId ? [[group.teamId, group._count._all] as const] : [])));
}

/** The active leads of every team, by name: one query. */
export async function activeLeadsByTeam(db: TeamsDb): Promise<Map<string, PersonRef[]>> {
  const rows = await db.teamLead.findMany({
    where: { membership: { status: "ACTIVE" } },
    select: { teamId: true, membershipId: true, membership: { select: { user: { select: { name: true } } } } },
  });
  const leads = new Map<string, PersonRef[]>();
  for (const row of rows) {
    const lead = { membershipId: row.membershipId, name: row.membership.user.name };
    const list = leads.get(row.teamId);
    if (list) list.push(lead);
    else leads.set(row.teamId, [lead]);
  }
  for (const list of leads.values()) list.sort(byName);
  return leads;
}

export async function findTeam(db: TeamsDb, teamId: string) {
  return db.team.findFirst({ where: { id: teamId }, select: { id: true, name: true, parentTeamId: true, archivedAt: true } });
}

export async function insertTeam(db: TeamsDb, organizationId: string, data: { name: string; parentTeamId: string | null }) {
  return db.team.create({
    data: { organizationId, name: data.name, parentTeamId: data.parentTeamId },
    select: { id: true, name: true, parentTeamId: true, archivedAt: true },
  });
}

export async function updateTeam(
  db: TeamsDb,
  teamId: string,
  data: { name?: string; parentTeamId?: string | null; archivedAt?: Date | null },
) {
  return db.team.update({
    where: { id: teamId },
    data,
    select: { id: true, name: true, parentTeamId: true, archivedAt: true },
  });
}

/** Memberships of the organisation among `ids` (any status), with their names. */
export async function findMemberships(db: TeamsDb, ids: readonly string[]) {
  const rows = await db.membership.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, status: true, user: { select: { name: true } } },
  });
  return rows.map((row) => ({ membershipId: row.id, name: row.user.name, active: row.status === "ACTIVE" }));
}

export async function leadsOfTeam(db: TeamsDb, teamId: string): Promise<PersonRef[]> {
  const rows = await db.teamLead.findMany({
    where: { teamId },
    select: { membershipId: true, membership: { select: { user: { select: { name: true } } } } },
  });
  return rows.map((row) => ({ membershipId: row.membershipId, name: row.membership.user.name })).sort(byName);
}

export async function replaceLeads(db: TeamsDb, organizationId: string, teamId: string, membershipIds: readonly string[]) {
  await db.teamLead.deleteMany({ where: { teamId } });
  if (membershipIds.length > 0) {
    await db.teamLead.createMany({ data: membershipIds.map((membershipId) => ({ organizationId, teamId, membershipId })) });
  }
}

/** Active people who may be made a lead, by name, with their current team. */
export async function listLeadCandidates(db: TeamsDb) {
  const rows = await db.membership.findMany({
    where: { status: "ACTIVE" },
    select: { id: true, title: true, user: { select: { name: true } }, team: { select: { name: true } } },
    orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
  });
  return rows.map((row) => ({ membershipId: row.id, name: row.user.name, title: row.title, teamName: row.team?.name ?? null }));
}
