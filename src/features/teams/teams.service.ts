import { changesBetween, recordAudit } from "@/features/audit/audit";
import { AppError, notFound } from "@/lib/errors";
import { lockOrganizationTrees, type OrgDb, type OrgTx } from "@/server/db/for-org";
import {
  activeLeadsByTeam,
  directHeadCounts,
  findMemberships,
  findTeam,
  insertTeam,
  leadsOfTeam,
  listLeadCandidates,
  listTeamRows,
  replaceLeads,
  updateTeam,
} from "./teams.repository";
import type { PersonRef, TeamTreeEntry } from "./teams.schema";
import { buildTeamTree, cleanTeamName, teamNameKey, wouldCreateCycle, type TeamRow } from "./tree";

export type TeamsContext = {
  orgDb: OrgDb;
  organization: { id: string };
  actor: { userId: string; name: string };
};

type StoredTeam = { id: string; name: string; parentTeamId: string | null; archivedAt: Date | null };

const summary = (team: StoredTeam) => ({
  id: team.id,
  name: team.name,
  parentTeamId: team.parentTeamId,
  archived: team.archivedAt !== null,
});

// Tree edits are short, but PGlite serialises every transaction behind one connection.
const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 };

/** Runs `work` in a transaction holding the organisation's tree lock, so checks and writes see one tree. */
function underTreeLock<T>(ctx: TeamsContext, work: (tx: OrgTx) => Promise<T>): Promise<T> {
  return ctx.orgDb.$transaction(async (tx) => {
    await lockOrganizationTrees(tx, ctx.organization.id);
    return work(tx);
  }, TX_OPTIONS);
}

function audit(tx: OrgTx, ctx: TeamsContext, action: string, team: { id: string; name: string }, changes: ReturnType<typeof changesBetween>) {
  return recordAudit(tx, {
    organizationId: ctx.organization.id,
    actor: { userId: ctx.actor.userId, name: ctx.actor.name },
    action,
    entityType: "team",
    entityId: team.id,
    entityLabel: team.name,
    changes,
  });
}

function teamIn(teams: readonly TeamRow[], teamId: string): TeamRow {
  const team = teams.find((row) => row.id === teamId);
  if (!team) throw notFound();
  return team;
}

/** Names are unique among the active teams sharing a parent (case-insensitive, trimmed). */
function assertNameFree(teams: readonly TeamRow[], parentTeamId: string | null, name: string, exceptId: string | null) {
  const key = teamNameKey(name);
  const taken = teams.some(
    (team) => !team.archived && team.id !== exceptId && team.parentTeamId === parentTeamId && teamNameKey(team.name) === key,
  );
  if (taken) throw new AppError("CONFLICT", "teams.errors.nameTaken", { name }, { name: ["teams.errors.nameTaken"] });
}

/** A parent named by the client: it must be one of the organisation's teams, and active. */
function assertUsableParent(teams: readonly TeamRow[], parentTeamId: string | null): TeamRow | null {
  if (parentTeamId === null) return null;
  const parent = teamIn(teams, parentTeamId);
  if (parent.archived) {
    throw new AppError("BAD_REQUEST", "teams.errors.parentArchived", {}, { parentTeamId: ["teams.errors.parentArchived"] });
  }
  return parent;
}

/** Audited form of a team's place in the tree: the id for precision, the name for people. */
function placement(teams: readonly TeamRow[], team: { name: string; parentTeamId: string | null }) {
  const parent = team.parentTeamId ? teams.find((row) => row.id === team.parentTeamId) : undefined;
  return { name: team.name, parentTeamId: team.parentTeamId, parentTeamName: parent?.name ?? null };
}

export async function getTeamTree(ctx: TeamsContext): Promise<TeamTreeEntry[]> {
  const [teams, counts, leads] = await Promise.all([
    listTeamRows(ctx.orgDb),
    directHeadCounts(ctx.orgDb),
    activeLeadsByTeam(ctx.orgDb),
  ]);
  return buildTeamTree(teams, counts).map((entry) => ({
    id: entry.id,
    name: entry.name,
    parentTeamId: entry.parentTeamId,
    archived: entry.archived,
    depth: entry.depth,
    childIds: entry.childIds,
    leads: leads.get(entry.id) ?? [],
    directHeadCount: entry.directHeadCount,
    totalHeadCount: entry.totalHeadCount,
  }));
}

export function getLeadCandidates(ctx: TeamsContext) {
  return listLeadCandidates(ctx.orgDb);
}

export function createTeam(ctx: TeamsContext, input: { name: string; parentTeamId: string | null }) {
  const name = cleanTeamName(input.name);
  return underTreeLock(ctx, async (tx) => {
    const teams = await listTeamRows(tx);
    assertUsableParent(teams, input.parentTeamId);
    assertNameFree(teams, input.parentTeamId, name, null);
    const created = await insertTeam(tx, ctx.organization.id, { name, parentTeamId: input.parentTeamId });
    const fields = ["name", "parentTeamId", "parentTeamName"] as const;
    await audit(tx, ctx, "team.create", created, changesBetween(null, placement(teams, created), fields));
    return summary(created);
  });
}

export function renameTeam(ctx: TeamsContext, input: { teamId: string; name: string }) {
  const name = cleanTeamName(input.name);
  return underTreeLock(ctx, async (tx) => {
    const teams = await listTeamRows(tx);
    const team = teamIn(teams, input.teamId);
    if (team.name === name) return summary((await findTeam(tx, team.id))!);
    // an archived team's name blocks no one, so only an active team is checked
    if (!team.archived) assertNameFree(teams, team.parentTeamId, name, team.id);
    const updated = await updateTeam(tx, team.id, { name });
    await audit(tx, ctx, "team.rename", updated, changesBetween({ name: team.name }, { name }, ["name"]));
    return summary(updated);
  });
}

export function moveTeam(ctx: TeamsContext, input: { teamId: string; parentTeamId: string | null }) {
  return underTreeLock(ctx, async (tx) => {
    const teams = await listTeamRows(tx);
    const team = teamIn(teams, input.teamId);
    assertUsableParent(teams, input.parentTeamId);
    if (wouldCreateCycle(teams, team.id, input.parentTeamId)) {
      throw new AppError("BAD_REQUEST", "teams.errors.cycle", {}, { parentTeamId: ["teams.errors.cycle"] });
    }
    if (team.parentTeamId === input.parentTeamId) return summary((await findTeam(tx, team.id))!);
    if (!team.archived) assertNameFree(teams, input.parentTeamId, team.name, team.id);
    const updated = await updateTeam(tx, team.id, { parentTeamId: input.parentTeamId });
    const fields = ["parentTeamId", "parentTeamName"] as const;
    await audit(tx, ctx, "team.move", updated, changesBetween(placement(teams, team), placement(teams, updated), fields));
    return summary(updated);
  });
}

export function setTeamLeads(ctx: TeamsContext, input: { teamId: string; membershipIds: string[] }): Promise<PersonRef[]> {
  const wanted = [...new Set(input.membershipIds)];
  return ctx.orgDb.$transaction(async (tx) => {
    const team = await findTeam(tx, input.teamId);
    if (!team) throw notFound();
    const people = await findMemberships(tx, wanted);
    // an id of another organisation is invisible here, exactly like one that does not exist
    if (people.length !== wanted.length) throw notFound();
    if (people.some((person) => !person.active)) {
      throw new AppError("BAD_REQUEST", "teams.errors.leadInactive", {}, { membershipIds: ["teams.errors.leadInactive"] });
    }
    const before = await leadsOfTeam(tx, team.id);
    const after = people.map(({ membershipId, name }) => ({ membershipId, name })).sort((a, b) => a.name.localeCompare(b.name, "sv"));
    const asAudit = (leads: PersonRef[]) => ({
      leads: leads.map((lead) => lead.name),
      leadMembershipIds: leads.map((lead) => lead.membershipId).sort(),
    });
    const changes = changesBetween(asAudit(before), asAudit(after), ["leadMembershipIds", "leads"]);
    if (changes.some((change) => change.field === "leadMembershipIds")) {
      await replaceLeads(tx, ctx.organization.id, team.id, after.map((lead) => lead.membershipId));
      await audit(tx, ctx, "team.setLeads", team, changes);
    }
    return after;
  }, TX_OPTIONS);
}

export function archiveTeam(ctx: TeamsContext, input: { teamId: string }) {
  return underTreeLock(ctx, async (tx) => {
    const teams = await listTeamRows(tx);
    const team = teamIn(teams, input.teamId);
    if (team.archived) return summary((await findTeam(tx, team.id))!);
    // refusing keeps a decision about each sub-team with the admin instead of archiving a branch silently
    const activeChildren = teams.filter((row) => row.parentTeamId === team.id && !row.archived);
    if (activeChildren.length > 0) {
      throw new AppError("BAD_REQUEST", "teams.errors.hasActiveSubTeams", { count: activeChildren.length });
    }
    const updated = await updateTeam(tx, team.id, { archivedAt: new Date() });
    await audit(tx, ctx, "team.archive", updated, changesBetween({ archivedAt: null }, { archivedAt: updated.archivedAt }, ["archivedAt"]));
    return summary(updated);
  });
}

export function unarchiveTeam(ctx: TeamsContext, input: { teamId: string }) {
  return underTreeLock(ctx, async (tx) => {
    const teams = await listTeamRows(tx);
    const team = teamIn(teams, input.teamId);
    const stored = (await findTeam(tx, team.id))!;
    if (!team.archived) return summary(stored);
    if (team.parentTeamId && teamIn(teams, team.parentTeamId).archived) {
      throw new AppError("BAD_REQUEST", "teams.errors.restoreParentFirst");
    }
    assertNameFree(teams, team.parentTeamId, team.name, team.id);
    const updated = await updateTeam(tx, team.id, { archivedAt: null });
    await audit(tx, ctx, "team.unarchive", updated, changesBetween({ archivedAt: stored.archivedAt }, { archivedAt: null }, ["archivedAt"]));
    return summary(updated);
  });
}
