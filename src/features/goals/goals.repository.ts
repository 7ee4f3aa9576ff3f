import type { OrgDb, OrgTx } from "@/server/db/for-org";
import { Prisma } from "@/server/db/generated/client";
import type { GoalLevel, GoalStatus } from "./goals.schema";
import { OPEN_STATUSES } from "./goal-access";

/**
 * Every query of the goals area. Prisma calls go through the tenant-scoped client; the
 * recursive queries are raw SQL and bind the organisation id on every row they read.
 */

type Reader = OrgDb | OrgTx;

/** Alignment chains longer than this are cut; it also stops a loop that slipped into the data. */
export const MAX_ALIGNMENT_DEPTH = 50;

// ---------------------------------------------------------------------------------------
// The caller

/** Every membership below `membershipId` in the reporting line (direct reports and further down), as a subquery of ids. */
const belowIds = (organizationId: string, membershipId: string) => Prisma.sql`
  WITH RECURSIVE below("id") AS (
    SELECT m."id" FROM "Membership" m
    WHERE m."organizationId" = ${organizationId}::uuid AND m."managerId" = ${membershipId}::uuid
    UNION
    SELECT m."id" FROM "Membership" m JOIN below b ON m."managerId" = b."id"
    WHERE m."organizationId" = ${organizationId}::uuid
  )
  SELECT "id"::text FROM below WHERE "id" <> ${membershipId}::uuid`;

/** Every membership below `membershipId` in the reporting line (direct reports and further down). */
export async function membershipsBelow(db: Reader, organizationId: string, membershipId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>(belowIds(organizationId, membershipId));
  return rows.map((row) => row.id);
}

/**
 * What the goal rules need to know of the caller, in one statement (every goal procedure asks
 * for it first): the memberships below them and the teams they lead.
 */
export async function viewerFacts(db: Reader, organizationId: string, membershipId: string): Promise<ViewerFacts> {
  const rows = await db.$queryRaw<ViewerFacts[]>(Prisma.sql`SELECT ${viewerFactsColumns(organizationId, membershipId)}`);
  return rows[0] ?? { below: [], ledTeams: [] };
}

export type ViewerFacts = { below: string[]; ledTeams: string[] };

/** viewerFacts as two columns ("below", "ledTeams"), for a statement that reads more beside them. */
export const viewerFactsColumns = (organizationId: string, membershipId: string) => Prisma.sql`
  ARRAY(${belowIds(organizationId, membershipId)}) AS "below",
  ARRAY(SELECT tl."teamId"::text FROM "TeamLead" tl WHERE tl."organizationId" = ${organizationId}::uuid AND tl."membershipId" = ${membershipId}::uuid) AS "ledTeams"`;

// ---------------------------------------------------------------------------------------
// People and teams

const personSelect = { id: true, role: true, status: true, teamId: true, managerId: true, user: { select: { name: true } } } as const;

export async function findMembership(db: Reader, membershipId: string) {
  const row = await db.membership.findFirst({
    where: { id: membershipId },
    select: { ...personSelect, manager: { select: { id: true, status: true, user: { select: { name: true } } } } },
  });
  if (!row) return null;
  return {
    id: row.id,
    name: row.user.name,
    role: row.role,
    active: row.status === "ACTIVE",
    teamId: row.teamId,
    manager: row.manager ? { id: row.manager.id, name: row.manager.user.name, active: row.manager.status === "ACTIVE" } : null,
  };
}
export type MembershipRow = NonNullable<Awaited<ReturnType<typeof findMembership>>>;

/** Names of memberships (active or not), for the people a goal names by id. */
export async function membershipNames(db: Reader, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.membership.findMany({ where: { id: { in: wanted } }, select: { id: true, user: { select: { name: true } } } });
  return new Map(rows.map((row) => [row.id, row.user.name]));
}

export function countActiveAdminsOtherThan(db: Reader, membershipId: string) {
  return db.membership.count({ where: { role: "ADMIN", status: "ACTIVE", id: { not: membershipId } } });
}

export async function findTeamWithLeads(db: Reader, teamId: string) {
  const row = await db.team.findFirst({
    where: { id: teamId },
    select: {
      id: true,
      name: true,
      archivedAt: true,
      leads: { select: { membership: { select: { id: true, status: true, user: { select: { name: true } } } } } },
    },
  });
  if (!row) return null;
  return { id: row.id, name: row.name, archived: row.archivedAt !== null, leads: sortedLeads(row.leads) };
}

type LeadRow = { membership: { id: string; status: string; user: { name: string } } };

const collator = new Intl.Collator("sv", { sensitivity: "base" });

/** Active leads by name: the first is the default owner of a new team goal. */
function sortedLeads(leads: LeadRow[]) {
  return leads
    .filter((lead) => lead.membership.status === "ACTIVE")
    .map((lead) => ({ membershipId: lead.membership.id, name: lead.membership.user.name }))
    .sort((a, b) => collator.compare(a.name, b.name) || a.membershipId.localeCompare(b.membershipId));
}

/** Teams with their active leads: all unarchived teams, or only those given. */
export async function listTeamsWithLeads(db: Reader, onlyIds: string[] | null) {
  const rows = await db.team.findMany({
    where: { archivedAt: null, ...(onlyIds ? { id: { in: onlyIds } } : {}) },
    select: {
      id: true,
      name: true,
      leads: { select: { membership: { select: { id: true, status: true, user: { select: { name: true } } } } } },
    },
  });
  return rows
    .map((row) => ({ id: row.id, name: row.name, leads: sortedLeads(row.leads) }))
    .sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
}

/** Active members, all or only those given, by name. */
export async function listActivePeople(db: Reader, onlyIds: string[] | null) {
  const rows = await db.membership.findMany({
    where: { status: "ACTIVE", ...(onlyIds ? { id: { in: onlyIds } } : {}) },
    select: { id: true, user: { select: { name: true } } },
  });
  return rows
    .map((row) => ({ membershipId: row.id, name: row.user.name }))
    .sort((a, b) => collator.compare(a.name, b.name) || a.membershipId.localeCompare(b.membershipId));
}

// ---------------------------------------------------------------------------------------
// Periods

const periodSelect = { id: true, name: true, startDate: true, endDate: true, closedAt: true } as const;

export function findPeriod(db: Reader, periodId: string) {
  return db.goalPeriod.findFirst({ where: { id: periodId }, select: periodSelect });
}

/** Periods that contain the given dates (the period itself included). */
export function periodsContaining(db: Reader, startDate: Date, endDate: Date) {
  return db.goalPeriod.findMany({ where: { startDate: { lte: startDate }, endDate: { gte: endDate } }, select: periodSelect });
}

// ---------------------------------------------------------------------------------------
// Goals

const refSelect = { id: true, user: { select: { name: true } } } as const;

/** What an alignment node shows. */
export const nodeSelect = {
  id: true,
  title: true,
  level: true,
  kind: true,
  status: true,
  contribution: true,
  parentGoalId: true,
  ownerId: true,
  owner: { select: refSelect },
  team: { select: { id: true, name: true } },
  period: { select: { id: true, name: true, startDate: true, endDate: true } },
} as const;

export type NodeRow = Prisma.GoalGetPayload<{ select: typeof nodeSelect }>;

const goalInclude = {
  steps: {
    orderBy: [{ position: "asc" as const }, { id: "asc" as const }],
    select: { id: true, title: true, dueDate: true, doneAt: true },
  },
  owner: { select: { ...personSelect, manager: { select: { id: true, status: true, user: { select: { name: true } } } } } },
  team: { select: { id: true, name: true } },
  period: { select: periodSelect },
  parent: { select: { id: true, title: true, level: true, status: true, periodId: true } },
} satisfies Prisma.GoalInclude;

/** One goal with everything its page and the rules need. */
export function findGoal(db: Reader, goalId: string) {
  return db.goal.findFirst({ where: { id: goalId }, include: goalInclude });
}
export type GoalRow = NonNullable<Awaited<ReturnType<typeof findGoal>>>;

/** A goal's ancestors from the top down (the direct parent last): one recursive query and one load. */
export async function ancestorsOf(db: Reader, organizationId: string, goalIds: string[]): Promise<NodeRow[]> {
  if (goalIds.length === 0) return [];
  const rows = await db.$queryRaw<{ id: string; depth: number }[]>(Prisma.sql`
    WITH RECURSIVE up AS (
      SELECT g."id", g."parentGoalId", 0 AS depth, ARRAY[g."id"] AS seen
      FROM "Goal" g
      WHERE g."organizationId" = ${organizationId}::uuid AND g."id" = ANY(${goalIds}::uuid[])
      UNION ALL
      SELECT p."id", p."parentGoalId", up.depth + 1, up.seen || p."id"
      FROM up
      JOIN "Goal" p ON p."organizationId" = ${organizationId}::uuid AND p."id" = up."parentGoalId"
      WHERE up.depth < ${MAX_ALIGNMENT_DEPTH} AND NOT p."id" = ANY(up.seen)
    )
    SELECT "id"::text AS "id", max(depth)::int AS "depth" FROM up WHERE depth > 0 GROUP BY "id"`);
  if (rows.length === 0) return [];
  const depth = new Map(rows.map((row) => [row.id, Number(row.depth)]));
  const nodes = await db.goal.findMany({ where: { id: { in: [...depth.keys()] } }, select: nodeSelect });
  return nodes.sort((a, b) => depth.get(b.id)! - depth.get(a.id)!);
}

/** The goal and every goal linked below it, however deep. */
export async function selfAndDescendants(db: Reader, organizationId: string, goalId: string): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
    WITH RECURSIVE down AS (
      SELECT g."id", 0 AS depth, ARRAY[g."id"] AS seen
      FROM "Goal" g
      WHERE g."organizationId" = ${organizationId}::uuid AND g."id" = ${goalId}::uuid
      UNION ALL
      SELECT c."id", down.depth + 1, down.seen || c."id"
      FROM down
      JOIN "Goal" c ON c."organizationId" = ${organizationId}::uuid AND c."parentGoalId" = down."id"
      WHERE down.depth < ${MAX_ALIGNMENT_DEPTH} AND NOT c."id" = ANY(down.seen)
    )
    SELECT DISTINCT "id"::text AS "id" FROM down`);
  return new Set(rows.map((row) => row.id));
}

/**
 * The Prisma condition for the goals the caller may see: every goal but development goals,
 * which only their owner, the owner's manager chain, HR and ADMIN see.
 */
export function visibleWhere(viewer: { membershipId: string; readAll: boolean; below: ReadonlySet<string> }): Prisma.GoalWhereInput {
  if (viewer.readAll) return {};
  return { OR: [{ kind: { not: "DEVELOPMENT" } }, { ownerId: { in: [viewer.membershipId, ...viewer.below] } }] };
}

export function listNodes(db: Reader, where: Prisma.GoalWhereInput) {
  return db.goal.findMany({ where, select: nodeSelect });
}

const summarySelect = {
  id: true,
  level: true,
  kind: true,
  status: true,
  title: true,
  statement: true,
  priority: true,
  dueDate: true,
  createdAt: true,
  ownerId: true,
  ownerSignedAt: true,
  managerSignedAt: true,
  period: { select: { id: true, name: true } },
  owner: { select: refSelect },
  team: { select: { id: true, name: true } },
  parent: { select: { id: true, title: true, level: true } },
} as const;

export function listSummaries(db: Reader, where: Prisma.GoalWhereInput) {
  return db.goal.findMany({ where, select: summarySelect, orderBy: [{ priority: "asc" }, { createdAt: "asc" }, { id: "asc" }] });
}
export type SummaryRow = Awaited<ReturnType<typeof listSummaries>>[number];

export function countActiveIndividualGoals(db: Reader, ownerId: string, exceptGoalId: string | null) {
  return db.goal.count({
    where: { ownerId, level: "INDIVIDUAL", status: "ACTIVE", ...(exceptGoalId ? { id: { not: exceptGoalId } } : {}) },
  });
}

export async function nextPriority(db: Reader, ownerId: string): Promise<number> {
  const result = await db.goal.aggregate({ where: { ownerId, status: { in: [...OPEN_STATUSES] } }, _max: { priority: true } });
  return (result._max.priority ?? 0) + 1;
}

export function openGoalsOf(db: Reader, ownerId: string) {
  return db.goal.findMany({
    where: { ownerId, status: { in: [...OPEN_STATUSES] } },
    select: { id: true, title: true, priority: true },
    orderBy: [{ priority: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
}

/** Children whose period would no longer sit inside the given dates. */
export function childrenOutside(db: Reader, goalId: string, startDate: Date, endDate: Date) {
  return db.goal.count({
    where: {
      parentGoalId: goalId,
      status: { not: "CANCELLED" },
      OR: [{ period: { startDate: { lt: startDate } } }, { period: { endDate: { gt: endDate } } }],
    },
  });
}

/** Serialises activations of one owner's goals, so two signatures cannot both slip under the cap. */
export async function lockOwnerGoals(tx: OrgTx, organizationId: string, ownerId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`goals:${organizationId}:${ownerId}`}))`;
}

// ---------------------------------------------------------------------------------------
// Writes

/** The stored form of the editable fields (dates as UTC midnight, measures as decimals). */
export type GoalColumns = {
  title: string;
  kind: "PERFORMANCE" | "DEVELOPMENT";
  periodId: string;
  parentGoalId: string | null;
  contribution: string;
  linkWeight: number;
  statement: string;
  action: string;
  expectedEffect: string;
  learning: string;
  measureType: "NUMBER" | "PERCENT" | "MILESTONES" | "BINARY" | null;
  unit: string;
  decimals: number;
  baseline: number | null;
  minimum: number | null;
  target: number | null;
  stretch: number | null;
  dataSource: "STATISTICS_REPORTS" | "SURVEY" | "INTERVIEWS" | "OBSERVATION" | "PROTOTYPE" | "OTHER" | null;
  dataSourceNote: string;
  followUp: string;
  motivation: number | null;
  motivationWhy: string;
  importance: number | null;
  ifFail: string;
  ifSucceed: string;
  likelihood: number | null;
  likelihoodWhy: string;
  risks: string;
  support: string;
  adjustments: string;
  simplifications: string;
  deprioritised: string;
  helpers: string;
  startDate: Date | null;
  dueDate: Date | null;
  cadence: "WEEKLY" | "BIWEEKLY" | "MONTHLY" | null;
};

// copied field by field: nothing the client sent reaches Prisma unchecked
function columnData(columns: GoalColumns) {
  return {
    title: columns.title,
    kind: columns.kind,
    periodId: columns.periodId,
    parentGoalId: columns.parentGoalId,
    contribution: columns.contribution,
    linkWeight: columns.linkWeight,
    statement: columns.statement,
    action: columns.action,
    expectedEffect: columns.expectedEffect,
    learning: columns.learning,
    measureType: columns.measureType,
    unit: columns.unit,
    decimals: columns.decimals,
    baseline: columns.baseline,
    minimum: columns.minimum,
    target: columns.target,
    stretch: columns.stretch,
    dataSource: columns.dataSource,
    dataSourceNote: columns.dataSourceNote,
    followUp: columns.followUp,
    motivation: columns.motivation,
    motivationWhy: columns.motivationWhy,
    importance: columns.importance,
    ifFail: columns.ifFail,
    ifSucceed: columns.ifSucceed,
    likelihood: columns.likelihood,
    likelihoodWhy: columns.likelihoodWhy,
    risks: columns.risks,
    support: columns.support,
    adjustments: columns.adjustments,
    simplifications: columns.simplifications,
    deprioritised: columns.deprioritised,
    helpers: columns.helpers,
    startDate: columns.startDate,
    dueDate: columns.dueDate,
    cadence: columns.cadence,
  };
}

export async function insertGoal(
  tx: OrgTx,
  data: GoalColumns & {
    organizationId: string;
    level: GoalLevel;
    ownerId: string;
    teamId: string | null;
    priority: number;
    createdById: string;
  },
): Promise<{ id: string; version: number; status: GoalStatus }> {
  return tx.goal.create({
    data: {
      organizationId: data.organizationId,
      level: data.level,
      ownerId: data.ownerId,
      teamId: data.teamId,
      priority: data.priority,
      status: "DRAFT",
      version: 1,
      createdById: data.createdById,
      updatedById: data.createdById,
      ...columnData(data),
    },
    select: { id: true, version: true, status: true },
  });
}

/** State changes a transition or an edit may make besides the fields. */
export type GoalStateChange = {
  status?: GoalStatus;
  statusReason?: string;
  ownerSignedAt?: Date | null;
  ownerSignedById?: string | null;
  managerSignedAt?: Date | null;
  managerSignedById?: string | null;
  activatedAt?: Date | null;
  teamIdAtActivation?: string | null;
  outcome?: "BELOW_MINIMUM" | "MINIMUM" | "TARGET" | "STRETCH" | null;
  outcomeConfirmedAt?: Date | null;
  outcomeConfirmedById?: string | null;
  closedAt?: Date | null;
};

/**
 * Writes a change only if the goal is still at the version the caller read (optimistic
 * concurrency); answers whether it was. The version goes up by one.
 */
export async function updateGoalAtVersion(
  tx: OrgTx,
  goalId: string,
  version: number,
  updatedById: string,
  change: { columns?: GoalColumns; state?: GoalStateChange },
): Promise<boolean> {
  const state = change.state ?? {};
  const result = await tx.goal.updateMany({
    where: { id: goalId, version },
    data: {
      ...(change.columns ? columnData(change.columns) : {}),
      status: state.status,
      statusReason: state.statusReason,
      ownerSignedAt: state.ownerSignedAt,
      ownerSignedById: state.ownerSignedById,
      managerSignedAt: state.managerSignedAt,
      managerSignedById: state.managerSignedById,
      activatedAt: state.activatedAt,
      teamIdAtActivation: state.teamIdAtActivation,
      outcome: state.outcome,
      outcomeConfirmedAt: state.outcomeConfirmedAt,
      outcomeConfirmedById: state.outcomeConfirmedById,
      closedAt: state.closedAt,
      updatedById,
      version: { increment: 1 },
    },
  });
  return result.count === 1;
}

export type StepWrite = { id: string | null; title: string; dueDate: Date | null };

/** Replaces the action plan: steps sent with an id are kept (their done state too), others are new, missing ones go. */
export async function replaceSteps(tx: OrgTx, organizationId: string, goalId: string, steps: StepWrite[]): Promise<void> {
  const kept = steps.flatMap((step) => (step.id ? [step.id] : []));
  await tx.goalStep.deleteMany({ where: { goalId, id: { notIn: kept } } });
  const updates = steps.flatMap((step, position) => (step.id ? [{ id: step.id, position, title: step.title, dueDate: step.dueDate }] : []));
  if (updates.length > 0) {
    await tx.$executeRaw(Prisma.sql`
      UPDATE "GoalStep" AS s SET "position" = v.position, "title" = v.title, "dueDate" = v.due_date
      FROM unnest(${updates.map((step) => step.id)}::uuid[], ${updates.map((step) => step.position)}::int[],
                  ${updates.map((step) => step.title)}::text[], ${updates.map((step) => step.dueDate)}::date[])
        AS v(id, position, title, due_date)
      WHERE s."organizationId" = ${organizationId}::uuid AND s."goalId" = ${goalId}::uuid AND s."id" = v.id`);
  }
  const added = steps.flatMap((step, position) => (step.id ? [] : [{ organizationId, goalId, position, title: step.title, dueDate: step.dueDate }]));
  if (added.length > 0) await tx.goalStep.createMany({ data: added });
}

/** Sets an owner's priorities to 1..n in the order given, in one statement. */
export async function setPriorities(tx: OrgTx, organizationId: string, ownerId: string, goalIds: string[]): Promise<void> {
  await tx.$executeRaw(Prisma.sql`
    UPDATE "Goal" AS g SET "priority" = v.position::int
    FROM unnest(${goalIds}::uuid[]) WITH ORDINALITY AS v(id, position)
    WHERE g."organizationId" = ${organizationId}::uuid AND g."ownerId" = ${ownerId}::uuid AND g."id" = v.id`);
}

/** Closes the gaps a closed or cancelled goal leaves in its owner's ranking, keeping the order. */
export function compactPriorities(tx: OrgTx, organizationId: string, ownerId: string): Promise<void> {
  return compactPrioritiesOf(tx, organizationId, [ownerId]);
}

/** The same for many owners at once (a period's close), in one statement. */
export async function compactPrioritiesOf(tx: OrgTx, organizationId: string, ownerIds: readonly string[]): Promise<void> {
  if (ownerIds.length === 0) return;
  await tx.$executeRaw(Prisma.sql`
    UPDATE "Goal" AS g SET "priority" = r.rank
    FROM (
      SELECT o."id", row_number() OVER (PARTITION BY o."ownerId" ORDER BY o."priority", o."createdAt", o."id")::int AS rank
      FROM "Goal" o
      WHERE o."organizationId" = ${organizationId}::uuid AND o."ownerId" = ANY(${[...ownerIds]}::uuid[])
        AND o."status" IN ('DRAFT', 'PROPOSED', 'ACTIVE')
    ) AS r
    WHERE g."organizationId" = ${organizationId}::uuid AND g."id" = r."id" AND g."priority" <> r.rank`);
}

// ---------------------------------------------------------------------------------------
// Manager changes

/**
 * PROPOSED goals of these people whose manager signature came from someone other than
 * their manager now (a manager change made it stale).
 */
export async function staleManagerSignatures(tx: OrgTx, organizationId: string, ownerIds: string[]) {
  if (ownerIds.length === 0) return [];
  return tx.$queryRaw<{ id: string; title: string; managerSignedById: string; signerName: string; managerSignedAt: Date; managerName: string | null }[]>(Prisma.sql`
    SELECT g."id"::text AS "id", g."title", g."managerSignedById"::text AS "managerSignedById", su."name" AS "signerName",
           g."managerSignedAt", mu."name" AS "managerName"
    FROM "Goal" g
    JOIN "Membership" o ON o."organizationId" = ${organizationId}::uuid AND o."id" = g."ownerId"
    LEFT JOIN "Membership" s ON s."organizationId" = ${organizationId}::uuid AND s."id" = g."managerSignedById"
    LEFT JOIN "User" su ON su."id" = s."userId"
    LEFT JOIN "Membership" m ON m."organizationId" = ${organizationId}::uuid AND m."id" = o."managerId"
    LEFT JOIN "User" mu ON mu."id" = m."userId"
    WHERE g."organizationId" = ${organizationId}::uuid AND g."ownerId" = ANY(${ownerIds}::uuid[])
      AND g."status" = 'PROPOSED' AND g."managerSignedById" IS NOT NULL
      AND g."managerSignedById" IS DISTINCT FROM o."managerId"`);
}

export async function clearManagerSignatures(tx: OrgTx, goalIds: string[], updatedById: string): Promise<void> {
  await tx.goal.updateMany({
    where: { id: { in: goalIds }, status: "PROPOSED" },
    data: { managerSignedAt: null, managerSignedById: null, updatedById, version: { increment: 1 } },
  });
}

// ---------------------------------------------------------------------------------------
// History

export const HISTORY_LIMIT = 500;

export function goalHistory(db: Reader, goalId: string) {
  return db.auditEvent.findMany({
    where: { entityType: "goal", entityId: goalId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: HISTORY_LIMIT,
    select: { id: true, action: true, actorName: true, createdAt: true, changes: true },
  });
}

/** Several audit entries at once (a reorder touches many goals). */
export async function insertAuditEvents(
  tx: OrgTx,
  entries: { organizationId: string; actorUserId: string; actorName: string; action: string; entityId: string; entityLabel: string; changes: Prisma.InputJsonValue }[],
): Promise<void> {
  if (entries.length === 0) return;
  await tx.auditEvent.createMany({
    data: entries.map((entry) => ({
      organizationId: entry.organizationId,
      actorUserId: entry.actorUserId,
      actorName: entry.actorName,
      action: entry.action,
      entityType: "goal",
      entityId: entry.entityId,
      entityLabel: entry.entityLabel,
      changes: entry.changes,
    })),
  });
}
