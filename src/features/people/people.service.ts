import { recordAudit, changesBetween } from "@/features/audit/audit";
import { movePendingSignatures } from "@/features/goals/goals.service";
import { AppError, notFound } from "@/lib/errors";
import { lockOrganizationTrees, type OrgDb, type OrgTx } from "@/server/db/for-org";
import {
  activeReportsOf,
  countActiveAdminsOtherThan,
  findListItem,
  findMemberBrief,
  findTeamBrief,
  isSelfOrBelow,
  lastChangedBy,
  listManagers,
  listMembers as listMemberRows,
  listTeamsForPaths,
  setMembershipStatus,
  updateMembership,
  type MemberListRow,
} from "./people.repository";
import type { MemberChanges, MemberListFilters } from "./people.schema";
import { searchWords, teamPaths } from "./people-list";

/** Who is acting, and whether their role may touch administrators. */
export type PeopleActor = {
  organizationId: string;
  membershipId: string;
  user: { userId: string; name: string };
  canGrantAdmin: boolean;
};

const ENTITY = "membership";

const adminOnly = () => new AppError("FORBIDDEN", "people.errors.adminOnly");
const lastAdmin = (field?: string) =>
  new AppError("CONFLICT", "people.errors.lastAdmin", {}, field ? { [field]: ["people.errors.lastAdmin"] } : {});

export async function listMembers(orgDb: OrgDb, filters: MemberListFilters) {
  const { total, items } = await listMemberRows(orgDb, {
    search: searchWords(filters.search),
    teamId: filters.teamId,
    role: filters.role,
    managerId: filters.managerId,
    status: filters.status,
    limit: filters.pageSize,
    offset: (filters.page - 1) * filters.pageSize,
  });
  return { items, total, page: filters.page, pageSize: filters.pageSize };
}

export async function memberFilterOptions(orgDb: OrgDb) {
  const [teams, managers] = await Promise.all([listTeamsForPaths(orgDb), listManagers(orgDb)]);
  const collator = new Intl.Collator("sv", { sensitivity: "base" });
  return { teams: teamPaths(teams), managers: managers.sort((a, b) => collator.compare(a.name, b.name)) };
}

function refuseAdminChangeByNonAdmin(actor: PeopleActor, target: MemberListRow, newRole?: string) {
  if (!actor.canGrantAdmin && (target.role === "ADMIN" || newRole === "ADMIN")) throw adminOnly();
}

/** The last active ADMIN must stay an active ADMIN, or nobody could administer the organisation. */
async function refuseLosingLastAdmin(tx: OrgTx, target: MemberListRow, field?: string) {
  if (target.role !== "ADMIN" || target.status !== "ACTIVE") return;
  if ((await countActiveAdminsOtherThan(tx, target.membershipId)) === 0) throw lastAdmin(field);
}

async function refuseStaleEdit(tx: OrgTx, target: MemberListRow, expectedUpdatedAt: Date | undefined) {
  if (!expectedUpdatedAt || expectedUpdatedAt.getTime() === target.updatedAt.getTime()) return;
  const name = await lastChangedBy(tx, target.membershipId);
  throw name
    ? new AppError("CONFLICT", "people.errors.changedBy", { name })
    : new AppError("CONFLICT", "people.errors.changedMeanwhile");
}

/**
 * Changes a membership's role, team, manager or title. Runs under the organisation's tree
 * lock, so the cycle check and the last-admin count see every concurrent edit.
 */
export async function updateMember(
  orgDb: OrgDb,
  actor: PeopleActor,
  membershipId: string,
  changes: MemberChanges,
  expectedUpdatedAt?: Date,
) {
  return orgDb.$transaction(async (tx) => {
    await lockOrganizationTrees(tx, actor.organizationId);
    const target = await findListItem(tx, membershipId);
    if (!target) throw notFound();
    refuseAdminChangeByNonAdmin(actor, target, changes.role);
    await refuseStaleEdit(tx, target, expectedUpdatedAt);

    // the audited fields, with team and manager names beside their ids for a readable log
    const before = {
      role: target.role,
      title: target.title,
      teamId: target.team?.id ?? null,
      team: target.team?.name ?? null,
      managerId: target.manager?.membershipId ?? null,
      manager: target.manager?.name ?? null,
    };
    const after = {
      ...before,
      role: changes.role ?? target.role,
      title: changes.title === undefined ? target.title : changes.title,
    };
    const fieldErrors: Record<string, string[]> = {};

    if (changes.teamId !== undefined && changes.teamId !== before.teamId) {
      if (changes.teamId === null) {
        Object.assign(after, { teamId: null, team: null });
      } else {
        const team = await findTeamBrief(tx, changes.teamId);
        if (!team) throw notFound();
        if (team.archivedAt) fieldErrors.teamId = ["people.errors.teamArchived"];
        Object.assign(after, { teamId: team.id, team: team.name });
      }
    }

    if (changes.managerId !== undefined && changes.managerId !== before.managerId) {
      if (changes.managerId === null) {
        Object.assign(after, { managerId: null, manager: null });
      } else {
        const manager = await findMemberBrief(tx, changes.managerId);
        if (!manager) throw notFound();
        if (await isSelfOrBelow(tx, actor.organizationId, target.membershipId, manager.id)) {
          fieldErrors.managerId = ["people.errors.cycle"];
        } else if (manager.status !== "ACTIVE") {
          fieldErrors.managerId = ["people.errors.managerInactive"];
        }
        Object.assign(after, { managerId: manager.id, manager: manager.name });
      }
    }

    const [firstError] = Object.values(fieldErrors).flat();
    if (firstError) throw new AppError("BAD_REQUEST", firstError, {}, fieldErrors);
    if (after.role !== "ADMIN") await refuseLosingLastAdmin(tx, target, "role");

    const changed = changesBetween(before, after, ["role", "teamId", "team", "managerId", "manager", "title"]);
    if (changed.length > 0) {
      await updateMembership(tx, target.membershipId, after);
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actor: actor.user,
        action: "member.update",
        entityType: ENTITY,
        entityId: target.membershipId,
        entityLabel: target.name,
        changes: changed,
      });
      if (after.managerId !== before.managerId) {
        // the new manager co-signs the person's proposed goals from now on
        await movePendingSignatures(
          tx,
          { organizationId: actor.organizationId, actor: actor.user, actorMembershipId: actor.membershipId },
          [target.membershipId],
        );
      }
    }
    const item = await findListItem(tx, target.membershipId);
    if (!item) throw notFound();
    return item;
  });
}

/**
 * Ends a membership in this organisation only: the person's requests here are refused from
 * the next one on (orgProcedure admits ACTIVE memberships only), other organisations are
 * untouched. Their reports keep them as manager until HR reassigns them; the answer lists
 * those reports so the page can say who needs a new manager.
 */
export async function deactivateMember(orgDb: OrgDb, actor: PeopleActor, membershipId: string, reason: string | undefined, now = new Date()) {
  return orgDb.$transaction(async (tx) => {
    await lockOrganizationTrees(tx, actor.organizationId);
    const target = await findListItem(tx, membershipId);
    if (!target) throw notFound();
    if (target.membershipId === actor.membershipId) throw new AppError("FORBIDDEN", "people.errors.notYourself");
    refuseAdminChangeByNonAdmin(actor, target);
    if (target.status !== "DEACTIVATED") {
      await refuseLosingLastAdmin(tx, target);
      await setMembershipStatus(tx, target.membershipId, "DEACTIVATED", now);
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actor: actor.user,
        action: "member.deactivate",
        entityType: ENTITY,
        entityId: target.membershipId,
        entityLabel: target.name,
        changes: [
          { field: "status", from: target.status, to: "DEACTIVATED" },
          ...(reason ? [{ field: "reason", from: null, to: reason }] : []),
        ],
      });
    }
    return { membershipId: target.membershipId, status: "DEACTIVATED" as const, reports: await activeReportsOf(tx, target.membershipId) };
  });
}

export async function reactivateMember(orgDb: OrgDb, actor: PeopleActor, membershipId: string) {
  return orgDb.$transaction(async (tx) => {
    const target = await findListItem(tx, membershipId);
    if (!target) throw notFound();
    refuseAdminChangeByNonAdmin(actor, target);
    if (target.status !== "ACTIVE") {
      await setMembershipStatus(tx, target.membershipId, "ACTIVE", new Date());
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actor: actor.user,
        action: "member.reactivate",
        entityType: ENTITY,
        entityId: target.membershipId,
        entityLabel: target.name,
        changes: [{ field: "status", from: target.status, to: "ACTIVE" }],
      });
    }
    return { membershipId: target.membershipId, status: "ACTIVE" as const, reports: await activeReportsOf(tx, target.membershipId) };
  });
}
