import { randomUUID } from "node:crypto";
import { recordAudit, type AuditChange } from "@/features/audit/audit";
import { invitationExpiry, newInvitationToken } from "@/features/invitations/invitation-tokens";
import { movePendingSignatures } from "@/features/goals/goals.service";
import { invitationLink } from "@/features/invitations/invitations.service";
import { AppError } from "@/lib/errors";
import { lockOrganizationTrees, type OrgDb, type OrgTx } from "@/server/db/for-org";
import type { OrgContext } from "@/server/trpc/init";
import {
  insertInvitations,
  insertTeams,
  loadSnapshot,
  renewInvitations,
  updateInvitations,
  updateMembershipManagers,
  updateMembershipRoles,
  updateMembershipTeams,
  type InvitationFields,
} from "./csv-import.repository";
import type { DryRunResult, IssuedLink, RowView, RunResult } from "./csv-import.schema";
import { parseImportCsv, type ParseResult } from "./parse";
import { planImport, type ImportPlan, type RowPlan, type RowWrite, type TeamRef } from "./plan";

export type ImportContext = Pick<OrgContext, "organization" | "actor" | "membership"> & { orgDb: OrgDb; canGrantAdmin: boolean };

/** A 5,000-row import takes seconds; Prisma's default of 5 s for a transaction is too short. */
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 120_000 };

/** The audit entry lists changes per person up to this many, then how many more there were. */
export const AUDIT_CHANGE_LIMIT = 1000;

/** The run answers with the rows' errors as field errors ("row.<n>"), for this many rows at most. */
const ERROR_ROWS_LIMIT = 200;

function planFor(parsed: ParseResult, snapshot: Awaited<ReturnType<typeof loadSnapshot>>, ctx: ImportContext, now: Date): ImportPlan {
  return planImport(parsed.rows, snapshot, { email: ctx.actor.email, canGrantAdmin: ctx.canGrantAdmin }, now);
}

function rowView(row: RowPlan): RowView {
  return {
    rowNumber: row.rowNumber,
    name: row.name,
    email: row.email,
    action: row.action,
    changes: row.changes,
    errors: row.errors as RowView["errors"],
    notes: row.notes,
  };
}

/** What the import would do, row by row. Reads only. */
export async function dryRunImport(ctx: ImportContext, csv: string, now = new Date()): Promise<DryRunResult> {
  const parsed = parseImportCsv(csv);
  const base = { delimiter: parsed.delimiter, fileErrors: parsed.fileErrors, notices: parsed.notices };
  if (parsed.fileErrors.length > 0) {
    return { ...base, rows: [], newTeams: [], summary: { rows: 0, invite: 0, update: 0, unchanged: 0, error: 0, newTeams: 0 } };
  }
  // one snapshot, so the three reads agree with each other
  const snapshot = await ctx.orgDb.$transaction((tx) => loadSnapshot(tx), { ...TRANSACTION_OPTIONS, isolationLevel: "RepeatableRead" });
  const plan = planFor(parsed, snapshot, ctx, now);
  return { ...base, rows: plan.rows.map(rowView), newTeams: plan.newTeams.map((team) => team.path), summary: plan.summary };
}

function rejectFile(parsed: ParseResult): never {
  throw new AppError("BAD_REQUEST", "csvImport.errors.fileHasErrors", {}, { csv: parsed.fileErrors.map((issue) => `csvImport.fileIssues.${issue.code}`) });
}

function rejectRows(plan: ImportPlan): never {
  const fieldErrors: Record<string, string[]> = {};
  for (const row of plan.rows.filter((candidate) => candidate.errors.length > 0).slice(0, ERROR_ROWS_LIMIT)) {
    fieldErrors[`row.${row.rowNumber}`] = row.errors.map((error) => `csvImport.issues.${error.code}`);
  }
  throw new AppError("BAD_REQUEST", "csvImport.errors.rowsHaveErrors", { count: plan.summary.error }, fieldErrors);
}

/**
 * Imports the file: the plan is worked out again here, under the organisation's tree lock
 * (a plan from the browser is never trusted), and applied in one transaction: every row or
 * none. People new to the organisation get invitations (source IMPORT), not accounts.
 */
export async function runImport(ctx: ImportContext, csv: string, fileName: string | undefined, now = new Date()): Promise<RunResult> {
  const parsed = parseImportCsv(csv);
  if (parsed.fileErrors.length > 0) rejectFile(parsed);
  const organizationId = ctx.organization.id;

  return ctx.orgDb.$transaction(async (tx) => {
    await lockOrganizationTrees(tx, organizationId);
    const plan = planFor(parsed, await loadSnapshot(tx), ctx, now);
    if (plan.hasErrors) rejectRows(plan);
    return applyPlan(tx, ctx, plan, fileName, now);
  }, TRANSACTION_OPTIONS);
}

async function applyPlan(tx: OrgTx, ctx: ImportContext, plan: ImportPlan, fileName: string | undefined, now: Date): Promise<RunResult> {
  const organizationId = ctx.organization.id;

  const newTeamIds = new Map(plan.newTeams.map((team) => [team.key, randomUUID()]));
  const idOf = (ref: TeamRef | null): string | null => (ref === null ? null : ref.kind === "existing" ? ref.id : newTeamIds.get(ref.key)!);
  await insertTeams(
    tx,
    organizationId,
    plan.newTeams.map((team) => ({ id: newTeamIds.get(team.key)!, name: team.name, parentTeamId: idOf(team.parent) })),
  );

  const writes = plan.rows.flatMap((row) => (row.write ? [row.write] : []));
  const ofKind = <K extends RowWrite["kind"]>(kind: K) => writes.filter((write): write is Extract<RowWrite, { kind: K }> => write.kind === kind);

  const expiresAt = invitationExpiry(now);
  const links: IssuedLink[] = [];
  const issue = (write: { email: string; name: string; role: IssuedLink["role"] }) => {
    const { token, tokenHash } = newInvitationToken();
    links.push({ email: write.email, name: write.name, role: write.role, link: invitationLink(token), expiresAt });
    return { tokenHash, expiresAt };
  };

  const created: InvitationFields[] = ofKind("createInvitation").map((write) => ({
    email: write.email,
    name: write.name,
    role: write.role,
    teamId: idOf(write.team),
    managerId: write.managerId,
    ...issue(write),
  }));
  await insertInvitations(tx, organizationId, ctx.actor.userId, created);

  const renewed = ofKind("renewInvitation").map((write) => ({
    invitationId: write.invitationId,
    name: write.name,
    role: write.role,
    teamId: idOf(write.team),
    managerId: write.managerId,
    ...issue(write),
  }));
  await renewInvitations(tx, organizationId, renewed);

  const invitationUpdates = ofKind("updateInvitation");
  await updateInvitations(
    tx,
    organizationId,
    invitationUpdates.map((write) => ({ invitationId: write.invitationId, name: write.name, role: write.role, teamId: idOf(write.team), managerId: write.managerId })),
  );

  const memberUpdates = ofKind("updateMember");
  await updateMembershipRoles(tx, organizationId, memberUpdates.flatMap((write) => (write.role ? [{ membershipId: write.membershipId, role: write.role }] : [])));
  await updateMembershipTeams(
    tx,
    organizationId,
    memberUpdates.flatMap((write) => (write.team ? [{ membershipId: write.membershipId, teamId: idOf(write.team)! }] : [])),
  );
  const managerChanges = memberUpdates.flatMap((write) => (write.managerId ? [{ membershipId: write.membershipId, managerId: write.managerId }] : []));
  await updateMembershipManagers(tx, organizationId, managerChanges);
  // the new managers co-sign these people's proposed goals from now on
  await movePendingSignatures(
    tx,
    { organizationId, actor: { userId: ctx.actor.userId, name: ctx.actor.name }, actorMembershipId: ctx.membership.id },
    managerChanges.map((change) => change.membershipId),
  );

  const counts = {
    invited: created.length,
    renewed: renewed.length,
    updatedMembers: memberUpdates.length,
    updatedInvitations: invitationUpdates.length,
    unchanged: plan.summary.unchanged,
    teamsCreated: plan.newTeams.length,
  };
  await recordAudit(tx, {
    organizationId,
    actor: { userId: ctx.actor.userId, name: ctx.actor.name },
    action: "import.run",
    entityType: "import",
    entityLabel: fileName || null,
    changes: auditChanges(plan, counts),
  });
  return { counts, invitations: links };
}

/**
 * The import's one audit entry: the counts, then each created team and each person's change
 * ({ field: e-mail, from, to } with role, team and manager), cut off at AUDIT_CHANGE_LIMIT.
 */
export function auditChanges(plan: ImportPlan, counts: RunResult["counts"]): AuditChange[] {
  const details: AuditChange[] = plan.newTeams.map((team) => ({ field: "team", from: null, to: team.path }));
  for (const row of plan.rows) {
    if (!row.write) continue;
    const from: Record<string, string | null> = {};
    const to: Record<string, string | null> = {};
    for (const change of row.changes) {
      from[change.field] = change.from;
      to[change.field] = change.to;
    }
    if (row.write.kind === "createInvitation" || row.write.kind === "renewInvitation") {
      details.push({ field: row.email, from: null, to: { invitation: row.write.kind === "createInvitation" ? "created" : "renewed", ...to } });
    } else {
      details.push({ field: row.email, from, to });
    }
  }
  const kept = details.slice(0, AUDIT_CHANGE_LIMIT);
  const more = details.length - kept.length;
  return [{ field: "counts", from: null, to: { rows: plan.summary.rows, ...counts } }, ...kept, ...(more > 0 ? [{ field: "more", from: null, to: more }] : [])];
}
