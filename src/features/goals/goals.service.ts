import { changesBetween, recordAudit, type AuditChange } from "@/features/audit/audit";
import { dateToIsoDate, isoDateToDate } from "@/features/periods/periods.schema";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type { Permission } from "@/lib/permissions";
import { lockOrganizationTrees, type OrgDb, type OrgTx } from "@/server/db/for-org";
import type { Prisma } from "@/server/db/generated/client";
import type { OrgContext } from "@/server/trpc/init";
import enGoals from "@/i18n/messages/en/goals.json";
import svGoals from "@/i18n/messages/sv/goals.json";
import { assessGoal } from "./coach";
import { coachGoalOf, type CoachContext } from "./coach-input";
import {
  allowedParentLevels,
  canCloseGoal,
  canConfirmOutcome,
  canManage,
  canReorderFor,
  canSee,
  goalAbilities,
  isOpen,
  maySign,
  OPEN_STATUSES,
  periodContains,
  signaturesToGive,
  type CoSignerRule,
  type GoalFacts,
  type GoalViewer,
} from "./goal-access";
import {
  ancestorsOf,
  childrenOutside,
  clearManagerSignatures,
  compactPriorities,
  countActiveAdminsOtherThan,
  countActiveIndividualGoals,
  findGoal,
  findMembership,
  findPeriod,
  findTeamWithLeads,
  goalHistory,
  insertAuditEvents,
  insertGoal,
  listActivePeople,
  listNodes,
  listSummaries,
  listTeamsWithLeads,
  lockOwnerGoals,
  membershipNames,
  nextPriority,
  openGoalsOf,
  replaceSteps,
  selfAndDescendants,
  setPriorities,
  staleManagerSignatures,
  viewerFacts,
  updateGoalAtVersion,
  visibleWhere,
  type GoalColumns,
  type GoalRow,
  type ViewerFacts,
  type GoalStateChange,
  type NodeRow,
  type SummaryRow,
} from "./goals.repository";
import type {
  AlignmentNode,
  AlignmentTree,
  GoalDetail,
  GoalFields,
  GoalHistoryEntry,
  GoalKind,
  GoalLevel,
  GoalListScope,
  GoalMutationResult,
  GoalStatus,
  GoalSummary,
  LinkTarget,
  OutcomeLevel,
  OwnerOptions,
  PersonRef,
} from "./goals.schema";

/** What every goal service function receives from its procedure. */
export type GoalContext = OrgContext & { orgDb: OrgDb; can: (permission: Permission) => boolean };

export type GoalCreateInput = GoalFields & { level: GoalLevel; ownerId: string | null; teamId: string | null };
export type GoalListFilters = {
  scope: GoalListScope;
  periodId?: string | null;
  ownerId?: string | null;
  level?: GoalLevel;
  kind?: GoalKind;
  status?: GoalStatus;
};

type Db = OrgDb | OrgTx;

const ENTITY = "goal";

/** A change to any of these on a PROPOSED or ACTIVE goal clears both signatures (PRODUCT.md). */
export const SIGNATURE_FIELDS = [
  "statement",
  "action",
  "measureType",
  "unit",
  "baseline",
  "minimum",
  "target",
  "stretch",
  "startDate",
  "dueDate",
] as const;

/** The fields a goal's history records, with readable twins beside the ids. */
const AUDITED_FIELDS = [
  "title",
  "kind",
  "periodId",
  "period",
  "parentGoalId",
  "parent",
  "contribution",
  "linkWeight",
  "statement",
  "action",
  "expectedEffect",
  "learning",
  "measureType",
  "unit",
  "decimals",
  "baseline",
  "minimum",
  "target",
  "stretch",
  "dataSource",
  "dataSourceNote",
  "followUp",
  "motivation",
  "motivationWhy",
  "importance",
  "ifFail",
  "ifSucceed",
  "likelihood",
  "likelihoodWhy",
  "risks",
  "support",
  "adjustments",
  "simplifications",
  "deprioritised",
  "helpers",
  "startDate",
  "dueDate",
  "cadence",
  "steps",
] as const;

const REASONS = { sv: svGoals.history.reasons, en: enGoals.history.reasons };

// ---------------------------------------------------------------------------------------
// Errors

const fieldError = (field: string, key: string, code: "BAD_REQUEST" | "CONFLICT" = "BAD_REQUEST") =>
  new AppError(code, key, {}, { [field]: [key] });
const badRequest = (key: string, params: Record<string, string | number> = {}) => new AppError("BAD_REQUEST", key, params);

async function staleVersion(db: Db, goalId: string): Promise<AppError> {
  const current = await findGoal(db, goalId);
  if (!current) return notFound();
  const names = await membershipNames(db, [current.updatedById]);
  return new AppError("CONFLICT", "goals.errors.staleVersion", {
    name: names.get(current.updatedById) ?? "",
    at: current.updatedAt.toISOString(),
  });
}

// ---------------------------------------------------------------------------------------
// Conversions

const decimal = (value: Prisma.Decimal | null): number | null => (value === null ? null : value.toNumber());
const isoDate = (value: Date | null): string | null => (value === null ? null : dateToIsoDate(value));
/** Measures are stored with four decimals; the history shows what was stored. */
const measure = (value: number | null): number | null => (value === null ? null : Number(value.toFixed(4)));
const blankToNull = (value: string): string | null => (value === "" ? null : value);

function columnsOf(fields: GoalFields): GoalColumns {
  return {
    title: fields.title,
    kind: fields.kind,
    periodId: fields.periodId,
    parentGoalId: fields.parentGoalId,
    contribution: fields.contribution,
    linkWeight: Math.round(fields.linkWeight * 100) / 100,
    statement: fields.statement,
    action: fields.action,
    expectedEffect: fields.expectedEffect,
    learning: fields.learning,
    measureType: fields.measureType,
    unit: fields.unit,
    decimals: fields.decimals,
    baseline: measure(fields.baseline),
    minimum: measure(fields.minimum),
    target: measure(fields.target),
    stretch: measure(fields.stretch),
    dataSource: fields.dataSource,
    dataSourceNote: fields.dataSourceNote,
    followUp: fields.followUp,
    motivation: fields.motivation,
    motivationWhy: fields.motivationWhy,
    importance: fields.importance,
    ifFail: fields.ifFail,
    ifSucceed: fields.ifSucceed,
    likelihood: fields.likelihood,
    likelihoodWhy: fields.likelihoodWhy,
    risks: fields.risks,
    support: fields.support,
    adjustments: fields.adjustments,
    simplifications: fields.simplifications,
    deprioritised: fields.deprioritised,
    helpers: fields.helpers,
    startDate: fields.startDate ? isoDateToDate(fields.startDate) : null,
    dueDate: fields.dueDate ? isoDateToDate(fields.dueDate) : null,
    cadence: fields.cadence,
  };
}

/** The stored goal's editable fields, as the API shows them. */
function fieldsOf(row: GoalRow): GoalDetail["fields"] {
  return {
    title: row.title,
    kind: row.kind,
    periodId: row.periodId,
    parentGoalId: row.parentGoalId,
    contribution: row.contribution,
    linkWeight: row.linkWeight.toNumber(),
    statement: row.statement,
    action: row.action,
    expectedEffect: row.expectedEffect,
    learning: row.learning,
    measureType: row.measureType,
    unit: row.unit,
    decimals: row.decimals,
    baseline: decimal(row.baseline),
    minimum: decimal(row.minimum),
    target: decimal(row.target),
    stretch: decimal(row.stretch),
    dataSource: row.dataSource,
    dataSourceNote: row.dataSourceNote,
    followUp: row.followUp,
    motivation: row.motivation,
    motivationWhy: row.motivationWhy,
    importance: row.importance,
    ifFail: row.ifFail,
    ifSucceed: row.ifSucceed,
    likelihood: row.likelihood,
    likelihoodWhy: row.likelihoodWhy,
    risks: row.risks,
    support: row.support,
    adjustments: row.adjustments,
    simplifications: row.simplifications,
    deprioritised: row.deprioritised,
    helpers: row.helpers,
    startDate: isoDate(row.startDate),
    dueDate: isoDate(row.dueDate),
    cadence: row.cadence,
  };
}

type AuditView = Record<(typeof AUDITED_FIELDS)[number], Prisma.InputJsonValue | null>;

/** A goal as its history records it: empty text as nothing, numbers as numbers, dates as ISO days. */
function auditView(
  fields: Omit<GoalDetail["fields"], "steps">,
  names: { period: string; parent: string | null },
  steps: readonly { title: string; dueDate: string | null }[],
): AuditView {
  const text = (value: string) => blankToNull(value);
  return {
    title: fields.title,
    kind: fields.kind,
    periodId: fields.periodId,
    period: names.period,
    parentGoalId: fields.parentGoalId,
    parent: names.parent,
    contribution: text(fields.contribution),
    linkWeight: fields.linkWeight,
    statement: text(fields.statement),
    action: text(fields.action),
    expectedEffect: text(fields.expectedEffect),
    learning: text(fields.learning),
    measureType: fields.measureType,
    unit: text(fields.unit),
    decimals: fields.decimals,
    baseline: fields.baseline,
    minimum: fields.minimum,
    target: fields.target,
    stretch: fields.stretch,
    dataSource: fields.dataSource,
    dataSourceNote: text(fields.dataSourceNote),
    followUp: text(fields.followUp),
    motivation: fields.motivation,
    motivationWhy: text(fields.motivationWhy),
    importance: fields.importance,
    ifFail: text(fields.ifFail),
    ifSucceed: text(fields.ifSucceed),
    likelihood: fields.likelihood,
    likelihoodWhy: text(fields.likelihoodWhy),
    risks: text(fields.risks),
    support: text(fields.support),
    adjustments: text(fields.adjustments),
    simplifications: text(fields.simplifications),
    deprioritised: text(fields.deprioritised),
    helpers: text(fields.helpers),
    startDate: fields.startDate,
    dueDate: fields.dueDate,
    cadence: fields.cadence,
    steps: steps.length === 0 ? null : steps.map((step) => ({ title: step.title, dueDate: step.dueDate })),
  };
}

/** The API's fields of a stored goal, from the columns an edit writes. */
function fieldsFromColumns(columns: GoalColumns): Omit<GoalDetail["fields"], "steps"> {
  return { ...columns, startDate: isoDate(columns.startDate), dueDate: isoDate(columns.dueDate) };
}

const person = (id: string, name: string): PersonRef => ({ membershipId: id, name });

function nodeOf(row: NodeRow): AlignmentNode {
  return {
    id: row.id,
    title: row.title,
    level: row.level,
    kind: row.kind,
    status: row.status,
    owner: person(row.owner.id, row.owner.user.name),
    team: row.team,
    contribution: row.contribution,
  };
}

const LEVEL_RANK: Record<GoalLevel, number> = { ORGANIZATION: 0, TEAM: 1, INDIVIDUAL: 2 };
const collator = new Intl.Collator("sv", { sensitivity: "base" });

function byLevelAndTitle(a: NodeRow, b: NodeRow): number {
  return LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || collator.compare(a.title, b.title) || a.id.localeCompare(b.id);
}

// ---------------------------------------------------------------------------------------
// The caller and the rules' facts

export async function viewerOf(ctx: GoalContext, db: Db = ctx.orgDb): Promise<GoalViewer> {
  return viewerFrom(ctx, await viewerFacts(db, ctx.organization.id, ctx.membership.id));
}

/** The caller as the goal rules see them, from the facts viewerFacts reads. */
export function viewerFrom(ctx: GoalContext, { below, ledTeams }: ViewerFacts): GoalViewer {
  return {
    membershipId: ctx.membership.id,
    readAll: ctx.can("goal.readAll"),
    manageAll: ctx.can("goal.manageAll"),
    createOrganization: ctx.can("goal.createOrganization"),
    below: new Set(below),
    ledTeams: new Set(ledTeams),
  };
}

function factsOf(row: GoalRow): GoalFacts {
  return {
    level: row.level,
    kind: row.kind,
    status: row.status,
    ownerId: row.ownerId,
    teamId: row.teamId,
    ownerSigned: row.ownerSignedAt !== null,
    managerSigned: row.managerSignedAt !== null,
  };
}

/**
 * The co-signer: the owner's manager while that manager is active; otherwise any ADMIN but
 * the owner, unless the owner is the only active ADMIN (then nobody else could ever sign).
 */
async function coSignerRuleOf(db: Db, row: GoalRow): Promise<CoSignerRule> {
  const manager = row.owner.manager;
  if (manager && manager.status === "ACTIVE") return { kind: "manager", managerId: manager.id };
  const ownerIsAdmin = row.owner.role === "ADMIN" && row.owner.status === "ACTIVE";
  return { kind: "admin", ownerIsSoleAdmin: ownerIsAdmin && (await countActiveAdminsOtherThan(db, row.ownerId)) === 0 };
}

/** The goal row if the viewer may see it; NOT_FOUND exactly as for a missing id otherwise. */
export function seenOrNotFound<Row extends Pick<GoalFacts, "kind" | "ownerId">>(viewer: GoalViewer, row: Row | null): Row {
  if (!row || !canSee(viewer, row)) throw notFound();
  return row;
}

/** A visible goal, or NOT_FOUND exactly as for a missing id. */
export async function visibleGoal(db: Db, viewer: GoalViewer, goalId: string): Promise<GoalRow> {
  return seenOrNotFound(viewer, await findGoal(db, goalId));
}

/** Whether the chain above a goal reaches an organisation goal through goals that still count. */
function isAligned(level: GoalLevel, path: NodeRow[]): boolean {
  if (level === "ORGANIZATION") return true;
  const top = path[0];
  return top !== undefined && top.level === "ORGANIZATION" && top.parentGoalId === null && path.every((node) => node.status !== "CANCELLED");
}

async function coachContextOf(ctx: GoalContext, db: Db, row: GoalRow, path: NodeRow[]): Promise<CoachContext> {
  // the cap counts individual goals; a team or organisation goal's owner is not over it for them
  const otherActiveGoals = row.level === "INDIVIDUAL" ? await countActiveIndividualGoals(db, row.ownerId, row.id) : 0;
  return { aligned: isAligned(row.level, path), otherActiveGoals, goalCap: ctx.organization.settings.maxActiveGoalsPerPerson };
}

function stepsOf(row: GoalRow) {
  return row.steps.map((step) => ({ id: step.id, title: step.title, dueDate: isoDate(step.dueDate), done: step.doneAt !== null }));
}

function periodOf(row: GoalRow) {
  return { id: row.period.id, name: row.period.name, startDate: dateToIsoDate(row.period.startDate), endDate: dateToIsoDate(row.period.endDate) };
}

/** What stops the goal from being proposed or activated: the coach's blockers, the one definition. */
async function blockersOf(ctx: GoalContext, db: Db, row: GoalRow) {
  const path = await ancestorsOf(db, ctx.organization.id, [row.id]);
  const context = await coachContextOf(ctx, db, row, path);
  const assessment = assessGoal(coachGoalOf(row.level, fieldsOf(row), stepsOf(row), periodOf(row), context), localeOf(ctx));
  return assessment.blockers;
}

function localeOf(ctx: GoalContext): "sv" | "en" {
  return ctx.actor.locale ?? ctx.organization.locale;
}

function auditActor(ctx: GoalContext) {
  return { userId: ctx.actor.userId, name: ctx.actor.name };
}

async function audit(ctx: GoalContext, tx: OrgTx, row: { id: string; title: string }, action: string, changes: AuditChange[]) {
  await recordAudit(tx, {
    organizationId: ctx.organization.id,
    actor: auditActor(ctx),
    action,
    entityType: ENTITY,
    entityId: row.id,
    entityLabel: row.title,
    changes,
  });
}

// ---------------------------------------------------------------------------------------
// Alignment

type PeriodDates = { startDate: Date; endDate: Date };

const periodIso = (period: PeriodDates) => ({ startDate: dateToIsoDate(period.startDate), endDate: dateToIsoDate(period.endDate) });

/**
 * Checks a link to `parentGoalId` under the organisation's tree lock: the parent is visible,
 * of an allowed level, open (for a new link), its period contains the goal's, and (for an
 * existing goal) it is not the goal itself or below it. Answers the parent's title.
 */
async function checkParent(
  ctx: GoalContext,
  tx: OrgTx,
  viewer: GoalViewer,
  link: { level: GoalLevel; period: PeriodDates; goalId: string | null; parentGoalId: string; newLink: boolean },
): Promise<string> {
  const parent = await findGoal(tx, link.parentGoalId);
  if (!parent || !canSee(viewer, parent)) throw notFound();
  if (!allowedParentLevels(link.level).includes(parent.level)) throw fieldError("parentGoalId", "goals.errors.parentLevel");
  if (parent.status === "CANCELLED" || (link.newLink && parent.status === "CLOSED")) {
    throw fieldError("parentGoalId", "goals.errors.parentNotOpen");
  }
  if (!periodContains(periodIso(parent.period), periodIso(link.period))) {
    throw fieldError("parentGoalId", "goals.errors.periodNotContained");
  }
  if (link.goalId && (await selfAndDescendants(tx, ctx.organization.id, link.goalId)).has(parent.id)) {
    throw fieldError("parentGoalId", "goals.errors.cycle");
  }
  return parent.title;
}

function checkKind(level: GoalLevel, kind: GoalKind) {
  if (kind === "DEVELOPMENT" && level !== "INDIVIDUAL") throw fieldError("kind", "goals.errors.developmentIndividualOnly");
}

// ---------------------------------------------------------------------------------------
// goal.create

/** The owner and team of a new goal, after the rules of who may create what for whom. */
async function resolveOwner(ctx: GoalContext, viewer: GoalViewer, input: GoalCreateInput): Promise<{ ownerId: string; teamId: string | null }> {
  const me = ctx.membership.id;
  if (input.level !== "TEAM" && input.teamId !== null) throw fieldError("teamId", "goals.errors.teamOnlyForTeamGoals");

  const activeOwner = async (ownerId: string) => {
    const owner = await findMembership(ctx.orgDb, ownerId);
    if (!owner) throw notFound();
    return owner;
  };
  const refuseInactive = (owner: { active: boolean }) => {
    if (!owner.active) throw fieldError("ownerId", "goals.errors.ownerInactive");
  };

  if (input.level === "ORGANIZATION") {
    const owner = await activeOwner(input.ownerId ?? me);
    if (!viewer.createOrganization) throw forbidden();
    refuseInactive(owner);
    return { ownerId: owner.id, teamId: null };
  }

  if (input.level === "TEAM") {
    if (!input.teamId) throw fieldError("teamId", "goals.errors.teamRequired");
    const team = await findTeamWithLeads(ctx.orgDb, input.teamId);
    if (!team) throw notFound();
    const owner = input.ownerId ? await activeOwner(input.ownerId) : null;
    if (!viewer.manageAll && !viewer.ledTeams.has(team.id)) throw forbidden();
    if (team.archived) throw fieldError("teamId", "goals.errors.teamArchived");
    const leadIds = team.leads.map((lead) => lead.membershipId);
    // a team without a lead gets its goals owned by the ADMIN who writes them
    const fallback = leadIds.length === 0 ? me : null;
    if (owner) {
      if (!leadIds.includes(owner.id) && owner.id !== fallback) throw fieldError("ownerId", "goals.errors.ownerNotLead");
      refuseInactive(owner);
      return { ownerId: owner.id, teamId: team.id };
    }
    return { ownerId: leadIds.includes(me) ? me : (leadIds[0] ?? me), teamId: team.id };
  }

  const owner = await activeOwner(input.ownerId ?? me);
  if (owner.id !== me && !viewer.below.has(owner.id) && !viewer.manageAll) throw forbidden();
  refuseInactive(owner);
  return { ownerId: owner.id, teamId: null };
}

function stepsForWrite(steps: GoalFields["steps"]) {
  return steps.map((step) => ({ id: step.id ?? null, title: step.title, dueDate: step.dueDate ? isoDateToDate(step.dueDate) : null }));
}

export async function createGoal(ctx: GoalContext, input: GoalCreateInput): Promise<GoalMutationResult> {
  const viewer = await viewerOf(ctx);
  const { ownerId, teamId } = await resolveOwner(ctx, viewer, input);
  const period = await findPeriod(ctx.orgDb, input.periodId);
  if (!period) throw notFound();
  checkKind(input.level, input.kind);
  if (input.steps.some((step) => step.id !== undefined)) throw badRequest("goals.errors.unknownStep");
  const organizationId = ctx.organization.id;
  const columns = columnsOf(input);

  return ctx.orgDb.$transaction(async (tx) => {
    let parentTitle: string | null = null;
    if (input.parentGoalId) {
      await lockOrganizationTrees(tx, organizationId);
      parentTitle = await checkParent(ctx, tx, viewer, {
        level: input.level,
        period,
        goalId: null,
        parentGoalId: input.parentGoalId,
        newLink: true,
      });
    }
    // two goals created at once for one owner must not share a priority
    await lockOwnerGoals(tx, organizationId, ownerId);
    const created = await insertGoal(tx, {
      ...columns,
      organizationId,
      level: input.level,
      ownerId,
      teamId,
      priority: await nextPriority(tx, ownerId),
      createdById: ctx.membership.id,
    });
    await replaceSteps(tx, organizationId, created.id, stepsForWrite(input.steps));

    const names = await membershipNames(tx, [ownerId]);
    const view = auditView(fieldsFromColumns(columns), { period: period.name, parent: parentTitle }, input.steps);
    const changes: AuditChange[] = [
      { field: "level", from: null, to: input.level },
      { field: "ownerId", from: null, to: ownerId },
      { field: "owner", from: null, to: names.get(ownerId) ?? null },
      ...(teamId ? [{ field: "teamId", from: null, to: teamId }] : []),
      ...changesBetween(null, view, AUDITED_FIELDS).filter((change) => !(change.field === "decimals" && change.to === 0)),
    ];
    await audit(ctx, tx, { id: created.id, title: columns.title }, "goal.create", changes);
    return { id: created.id, version: created.version, status: created.status, signaturesCleared: false };
  });
}

// ---------------------------------------------------------------------------------------
// goal.update

export async function updateGoal(ctx: GoalContext, goalId: string, version: number, input: GoalFields): Promise<GoalMutationResult> {
  const organizationId = ctx.organization.id;
  return ctx.orgDb.$transaction(async (tx) => {
    const viewer = await viewerOf(ctx, tx);
    const row = await visibleGoal(tx, viewer, goalId);
    if (!canManage(viewer, row)) throw forbidden();
    if (row.version !== version) throw await staleVersion(tx, goalId);
    if (!isOpen(row.status)) throw badRequest("goals.errors.closed");
    checkKind(row.level, input.kind);

    const periodChanged = input.periodId !== row.periodId;
    const parentChanged = input.parentGoalId !== row.parentGoalId;
    const period = periodChanged ? await findPeriod(tx, input.periodId) : row.period;
    if (!period) throw notFound();

    const known = new Set(row.steps.map((step) => step.id));
    const sentIds = input.steps.flatMap((step) => (step.id ? [step.id] : []));
    if (sentIds.some((id) => !known.has(id))) throw notFound();
    if (new Set(sentIds).size !== sentIds.length) throw badRequest("goals.errors.duplicateStep");

    let parentTitle = row.parent?.title ?? null;
    if (parentChanged || periodChanged) {
      await lockOrganizationTrees(tx, organizationId);
      if (input.parentGoalId) {
        parentTitle = await checkParent(ctx, tx, viewer, {
          level: row.level,
          period,
          goalId: row.id,
          parentGoalId: input.parentGoalId,
          newLink: parentChanged,
        });
      } else {
        parentTitle = null;
      }
      if (periodChanged && (await childrenOutside(tx, row.id, period.startDate, period.endDate)) > 0) {
        throw fieldError("periodId", "goals.errors.childrenOutsidePeriod");
      }
    }

    const columns = columnsOf(input);
    const beforeSteps = stepsOf(row);
    const before = auditView(fieldsOf(row), { period: row.period.name, parent: row.parent?.title ?? null }, beforeSteps);
    const after = auditView(fieldsFromColumns(columns), { period: period.name, parent: parentTitle }, input.steps);
    const changes = changesBetween(before, after, AUDITED_FIELDS);
    if (changes.length === 0) return { id: row.id, version: row.version, status: row.status, signaturesCleared: false };

    const signatureChanges = changes.filter((change) => (SIGNATURE_FIELDS as readonly string[]).includes(change.field));
    const signed = row.ownerSignedAt !== null || row.managerSignedAt !== null;
    const clears = signatureChanges.length > 0 && (row.status === "ACTIVE" || (row.status === "PROPOSED" && signed));
    const status: GoalStatus = clears && row.status === "ACTIVE" ? "PROPOSED" : row.status;
    const state: GoalStateChange | undefined = clears
      ? {
          status,
          statusReason: REASONS[ctx.organization.locale].signaturesCleared,
          ownerSignedAt: null,
          ownerSignedById: null,
          managerSignedAt: null,
          managerSignedById: null,
        }
      : undefined;

    if (!(await updateGoalAtVersion(tx, row.id, version, ctx.membership.id, { columns, state }))) {
      throw await staleVersion(tx, goalId);
    }
    if (changes.some((change) => change.field === "steps") || JSON.stringify(beforeSteps.map((s) => s.id)) !== JSON.stringify(sentIds)) {
      await replaceSteps(tx, organizationId, row.id, stepsForWrite(input.steps));
    }
    await audit(ctx, tx, { id: row.id, title: columns.title }, "goal.update", changes);
    if (clears) {
      const names = await membershipNames(tx, [row.ownerSignedById, row.managerSignedById]);
      await audit(ctx, tx, { id: row.id, title: columns.title }, "goal.signaturesCleared", [
        { field: "changedFields", from: null, to: signatureChanges.map((change) => change.field) },
        ...(status !== row.status ? [{ field: "status", from: row.status, to: status }] : []),
        ...signatureAudit("owner", row.ownerSignedAt, row.ownerSignedById ? (names.get(row.ownerSignedById) ?? null) : null, null),
        ...signatureAudit("manager", row.managerSignedAt, row.managerSignedById ? (names.get(row.managerSignedById) ?? null) : null, null),
      ]);
    }
    return { id: row.id, version: version + 1, status, signaturesCleared: clears };
  });
}

/** History entries for one signature going from `from` to `to` (given or cleared). */
function signatureAudit(
  who: "owner" | "manager",
  fromAt: Date | null,
  fromName: string | null,
  to: { at: Date; name: string } | null,
): AuditChange[] {
  if (fromAt === null && to === null) return [];
  return [
    { field: `${who}SignedBy`, from: fromAt ? fromName : null, to: to?.name ?? null },
    { field: `${who}SignedAt`, from: fromAt?.toISOString() ?? null, to: to?.at.toISOString() ?? null },
  ];
}

// ---------------------------------------------------------------------------------------
// goal.get

export async function getGoal(ctx: GoalContext, goalId: string): Promise<GoalDetail> {
  const db = ctx.orgDb;
  const viewer = await viewerOf(ctx);
  const row = await visibleGoal(db, viewer, goalId);
  const [path, children, rule, names] = await Promise.all([
    ancestorsOf(db, ctx.organization.id, [row.id]),
    listNodes(db, { AND: [{ parentGoalId: row.id, status: { not: "CANCELLED" } }, visibleWhere(viewer)] }),
    coSignerRuleOf(db, row),
    membershipNames(db, [row.createdById, row.updatedById, row.managerSignedById, row.outcomeConfirmedById]),
  ]);
  const coachContext = await coachContextOf(ctx, db, row, path);
  const nameOf = (id: string) => person(id, names.get(id) ?? "");
  const manager = row.owner.manager;

  return {
    id: row.id,
    level: row.level,
    status: row.status,
    statusReason: row.statusReason,
    version: row.version,
    priority: row.priority,
    fields: fieldsOf(row),
    steps: stepsOf(row),
    period: periodOf(row),
    owner: person(row.owner.id, row.owner.user.name),
    team: row.team,
    signatures: {
      owner: person(row.owner.id, row.owner.user.name),
      ownerSignedAt: row.ownerSignedAt,
      coSigner: rule.kind === "manager" && manager ? person(manager.id, manager.user.name) : null,
      managerSignedAt: row.managerSignedAt,
      managerSignedBy: row.managerSignedById ? nameOf(row.managerSignedById) : null,
    },
    outcome: row.outcome,
    outcomeConfirmedAt: row.outcomeConfirmedAt,
    outcomeConfirmedBy: row.outcomeConfirmedById ? nameOf(row.outcomeConfirmedById) : null,
    activatedAt: row.activatedAt,
    closedAt: row.closedAt,
    alignmentPath: path.filter((node) => canSee(viewer, node)).map(nodeOf),
    children: children.sort(byLevelAndTitle).map(nodeOf),
    coachContext,
    createdBy: nameOf(row.createdById),
    createdAt: row.createdAt,
    updatedBy: nameOf(row.updatedById),
    updatedAt: row.updatedAt,
    can: goalAbilities(viewer, factsOf(row), rule),
  };
}

// ---------------------------------------------------------------------------------------
// goal.list

function summaryOf(viewer: GoalViewer, row: SummaryRow): GoalSummary {
  return {
    id: row.id,
    level: row.level,
    kind: row.kind,
    status: row.status,
    title: row.title,
    statement: row.statement,
    priority: row.priority,
    period: row.period,
    owner: person(row.owner.id, row.owner.user.name),
    team: row.team,
    parent: row.parent,
    dueDate: isoDate(row.dueDate),
    ownerSigned: row.ownerSignedAt !== null,
    managerSigned: row.managerSignedAt !== null,
    canReorder: isOpen(row.status) && canReorderFor(viewer, row.ownerId),
  };
}

/**
 * mine: the caller's goals; team: goals of the people below the caller and of the teams they
 * lead or belong to; organization: every goal the caller may see. By owner, then priority.
 */
export async function listGoals(ctx: GoalContext, filters: GoalListFilters): Promise<GoalSummary[]> {
  // a period or person of another organisation answers NOT_FOUND, not an empty list
  if (filters.periodId && !(await findPeriod(ctx.orgDb, filters.periodId))) throw notFound();
  if (filters.ownerId && !(await findMembership(ctx.orgDb, filters.ownerId))) throw notFound();
  const viewer = await viewerOf(ctx);
  const conditions: Prisma.GoalWhereInput[] = [visibleWhere(viewer)];
  if (filters.scope === "mine") conditions.push({ ownerId: ctx.membership.id });
  if (filters.scope === "team") {
    const teams = [...viewer.ledTeams, ...(ctx.membership.teamId ? [ctx.membership.teamId] : [])];
    const reach: Prisma.GoalWhereInput[] = [];
    if (viewer.below.size > 0) reach.push({ ownerId: { in: [...viewer.below] } });
    if (teams.length > 0) reach.push({ teamId: { in: teams } });
    // a lead also follows the individual goals of the team's members, reports or not
    if (viewer.ledTeams.size > 0) reach.push({ level: "INDIVIDUAL", owner: { teamId: { in: [...viewer.ledTeams] } } });
    if (reach.length === 0) return [];
    conditions.push({ OR: reach });
  }
  if (filters.periodId) conditions.push({ periodId: filters.periodId });
  if (filters.ownerId) conditions.push({ ownerId: filters.ownerId });
  if (filters.level) conditions.push({ level: filters.level });
  if (filters.kind) conditions.push({ kind: filters.kind });
  if (filters.status) conditions.push({ status: filters.status });

  const rows = await listSummaries(ctx.orgDb, { AND: conditions });
  // by owner name (Swedish order), then the owner's priority; the query already sorted by priority
  const ownerOrder = (row: SummaryRow) => row.owner.user.name;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => collator.compare(ownerOrder(a.row), ownerOrder(b.row)) || a.row.ownerId.localeCompare(b.row.ownerId) || a.index - b.index)
    .map(({ row }) => summaryOf(viewer, row));
}

// ---------------------------------------------------------------------------------------
// Transitions

type Transition = {
  row: GoalRow;
  viewer: GoalViewer;
  tx: OrgTx;
};

/** Loads the goal for a transition: visible (else NOT_FOUND), allowed (else FORBIDDEN), still at the version read. */
async function transition<T>(
  ctx: GoalContext,
  goalId: string,
  version: number,
  allowed: (viewer: GoalViewer, row: GoalRow, tx: OrgTx) => boolean | Promise<boolean>,
  work: (step: Transition) => Promise<T>,
): Promise<T> {
  return ctx.orgDb.$transaction(async (tx) => {
    const viewer = await viewerOf(ctx, tx);
    const row = await visibleGoal(tx, viewer, goalId);
    if (!(await allowed(viewer, row, tx))) throw forbidden();
    if (row.version !== version) throw await staleVersion(tx, goalId);
    return work({ row, viewer, tx });
  });
}

async function writeState(ctx: GoalContext, step: Transition, state: GoalStateChange) {
  if (!(await updateGoalAtVersion(step.tx, step.row.id, step.row.version, ctx.membership.id, { state }))) {
    throw await staleVersion(step.tx, step.row.id);
  }
}

export async function proposeGoal(ctx: GoalContext, goalId: string, version: number): Promise<GoalMutationResult> {
  return transition(ctx, goalId, version, (viewer, row) => canManage(viewer, row), async (step) => {
    const { row, tx } = step;
    if (row.status !== "DRAFT") throw badRequest("goals.errors.notDraft");
    const blockers = await blockersOf(ctx, tx, row);
    if (blockers.length > 0) throw badRequest("goals.errors.notReady", { count: blockers.length });
    await writeState(ctx, step, { status: "PROPOSED", statusReason: "" });
    await audit(ctx, tx, row, "goal.propose", [{ field: "status", from: row.status, to: "PROPOSED" }]);
    return { id: row.id, version: version + 1, status: "PROPOSED", signaturesCleared: false };
  });
}

/**
 * The owner signs as owner, the co-signer as co-signer (one person who is both gives both).
 * Both signatures make the goal ACTIVE, unless that would put the owner past the cap of
 * active individual goals: then CONFLICT and nothing is stored, so the page can ask which
 * goal to postpone and try again.
 */
export async function signGoal(ctx: GoalContext, goalId: string, version: number): Promise<GoalMutationResult> {
  let rule: CoSignerRule | null = null;
  return transition(
    ctx,
    goalId,
    version,
    async (viewer, row, tx) => {
      rule = await coSignerRuleOf(tx, row);
      return maySign(viewer, row.ownerId, rule);
    },
    async (step) => {
      const { row, tx, viewer } = step;
      if (row.status !== "PROPOSED") throw badRequest("goals.errors.notProposed");
      const give = signaturesToGive(viewer, factsOf(row), rule!);
      if (!give.owner && !give.manager) throw badRequest("goals.errors.alreadySigned");
      const blockers = await blockersOf(ctx, tx, row);
      if (blockers.length > 0) throw badRequest("goals.errors.notReady", { count: blockers.length });

      const activates = (row.ownerSignedAt !== null || give.owner) && (row.managerSignedAt !== null || give.manager);
      // a closed period's goals were settled when it closed; a late activation would escape that
      if (activates && row.period.closedAt !== null) throw badRequest("goals.errors.periodClosed", { period: row.period.name });
      if (activates && row.level === "INDIVIDUAL") {
        await lockOwnerGoals(tx, ctx.organization.id, row.ownerId);
        const cap = ctx.organization.settings.maxActiveGoalsPerPerson;
        if ((await countActiveIndividualGoals(tx, row.ownerId, row.id)) >= cap) {
          throw new AppError("CONFLICT", "goals.errors.capReached", { cap });
        }
      }
      const now = new Date();
      const me = ctx.membership.id;
      const teamAtActivation = row.owner.teamId;
      await writeState(ctx, step, {
        ...(give.owner ? { ownerSignedAt: now, ownerSignedById: me } : {}),
        ...(give.manager ? { managerSignedAt: now, managerSignedById: me } : {}),
        ...(activates ? { status: "ACTIVE" as const, statusReason: "", activatedAt: now, teamIdAtActivation: teamAtActivation } : {}),
      });
      const signer = { at: now, name: ctx.actor.name };
      await audit(ctx, tx, row, "goal.sign", [
        ...(give.owner ? signatureAudit("owner", null, null, signer) : []),
        ...(give.manager ? signatureAudit("manager", null, null, signer) : []),
      ]);
      if (activates) {
        const team = teamAtActivation ? await findTeamWithLeads(tx, teamAtActivation) : null;
        await audit(ctx, tx, row, "goal.activate", [
          { field: "status", from: row.status, to: "ACTIVE" },
          { field: "teamIdAtActivation", from: null, to: teamAtActivation },
          { field: "teamAtActivation", from: null, to: team?.name ?? null },
        ]);
      }
      return { id: row.id, version: version + 1, status: activates ? "ACTIVE" : row.status, signaturesCleared: false };
    },
  );
}

/** Back to DRAFT with a reason (the cap was reached, or the goal must wait); both signatures go. */
export async function postponeGoal(ctx: GoalContext, goalId: string, version: number, reason: string): Promise<GoalMutationResult> {
  return transition(ctx, goalId, version, (viewer, row) => canManage(viewer, row), async (step) => {
    const { row, tx } = step;
    if (row.status !== "PROPOSED" && row.status !== "ACTIVE") throw badRequest("goals.errors.notPostponable");
    await writeState(ctx, step, {
      status: "DRAFT",
      statusReason: reason,
      ownerSignedAt: null,
      ownerSignedById: null,
      managerSignedAt: null,
      managerSignedById: null,
    });
    const names = await membershipNames(tx, [row.ownerSignedById, row.managerSignedById]);
    await audit(ctx, tx, row, "goal.postpone", [
      { field: "status", from: row.status, to: "DRAFT" },
      { field: "reason", from: null, to: reason },
      ...signatureAudit("owner", row.ownerSignedAt, row.ownerSignedById ? (names.get(row.ownerSignedById) ?? null) : null, null),
      ...signatureAudit("manager", row.managerSignedAt, row.managerSignedById ? (names.get(row.managerSignedById) ?? null) : null, null),
    ]);
    return { id: row.id, version: version + 1, status: "DRAFT", signaturesCleared: row.ownerSignedAt !== null || row.managerSignedAt !== null };
  });
}

export async function cancelGoal(ctx: GoalContext, goalId: string, version: number, reason: string): Promise<GoalMutationResult> {
  return transition(ctx, goalId, version, (viewer, row) => canManage(viewer, row), async (step) => {
    const { row, tx } = step;
    if (!isOpen(row.status)) throw badRequest("goals.errors.notOpen");
    await writeState(ctx, step, { status: "CANCELLED", statusReason: reason });
    await compactPriorities(tx, ctx.organization.id, row.ownerId);
    await audit(ctx, tx, row, "goal.cancel", [
      { field: "status", from: row.status, to: "CANCELLED" },
      { field: "reason", from: null, to: reason },
    ]);
    return { id: row.id, version: version + 1, status: "CANCELLED", signaturesCleared: false };
  });
}

/**
 * ACTIVE → CLOSED by hand, with the outcome the manager chooses: chosen by the manager, it is
 * confirmed at once (a period's close leaves its computed outcomes unconfirmed instead).
 */
export async function closeGoal(ctx: GoalContext, goalId: string, version: number, outcome: OutcomeLevel): Promise<GoalMutationResult> {
  return transition(ctx, goalId, version, (viewer, row) => canCloseGoal(viewer, row), async (step) => {
    const { row, tx } = step;
    if (row.status !== "ACTIVE") throw badRequest("goals.errors.notActive");
    const now = new Date();
    await writeState(ctx, step, { status: "CLOSED", outcome, closedAt: now, outcomeConfirmedAt: now, outcomeConfirmedById: ctx.membership.id });
    await compactPriorities(tx, ctx.organization.id, row.ownerId);
    await audit(ctx, tx, row, "goal.close", [
      { field: "status", from: row.status, to: "CLOSED" },
      { field: "outcome", from: null, to: outcome },
    ]);
    return { id: row.id, version: version + 1, status: "CLOSED", signaturesCleared: false };
  });
}

/**
 * The manager chain or ADMIN settles a closed goal's outcome: the same level confirms it, another
 * level adjusts it and needs a reason. Confirming an outcome already confirmed at that level
 * changes nothing (the version stays). The reason stays on the goal beside the outcome.
 */
export async function confirmOutcome(
  ctx: GoalContext,
  goalId: string,
  version: number,
  input: { outcome: OutcomeLevel; reason: string },
): Promise<GoalMutationResult> {
  return transition(ctx, goalId, version, (viewer, row) => canConfirmOutcome(viewer, row), async (step) => {
    const { row, tx } = step;
    if (row.status !== "CLOSED") throw badRequest("goals.errors.notClosed");
    const adjusts = row.outcome !== input.outcome;
    if (adjusts && input.reason === "") throw fieldError("reason", "goals.errors.adjustReasonRequired");
    if (!adjusts && row.outcomeConfirmedAt !== null) return { id: row.id, version: row.version, status: row.status, signaturesCleared: false };

    const now = new Date();
    await writeState(ctx, step, {
      outcome: input.outcome,
      outcomeConfirmedAt: now,
      outcomeConfirmedById: ctx.membership.id,
      ...(input.reason !== "" ? { statusReason: input.reason } : {}),
    });
    const names = await membershipNames(tx, [row.outcomeConfirmedById]);
    const previousConfirmer = row.outcomeConfirmedById ? (names.get(row.outcomeConfirmedById) ?? null) : null;
    await audit(ctx, tx, row, adjusts ? "goal.adjustOutcome" : "goal.confirmOutcome", [
      ...(adjusts ? [{ field: "outcome", from: row.outcome, to: input.outcome }] : []),
      ...(input.reason !== "" ? [{ field: "reason", from: null, to: input.reason }] : []),
      { field: "outcomeConfirmedBy", from: previousConfirmer, to: ctx.actor.name },
    ]);
    return { id: row.id, version: version + 1, status: row.status, signaturesCleared: false };
  });
}

// ---------------------------------------------------------------------------------------
// goal.reorder

export async function reorderGoals(ctx: GoalContext, ownerId: string, goalIds: string[]): Promise<void> {
  const organizationId = ctx.organization.id;
  await ctx.orgDb.$transaction(async (tx) => {
    const owner = await findMembership(tx, ownerId);
    if (!owner) throw notFound();
    const viewer = await viewerOf(ctx, tx);
    if (!canReorderFor(viewer, owner.id)) throw forbidden();
    await lockOwnerGoals(tx, organizationId, owner.id);
    const open = await openGoalsOf(tx, owner.id);
    const openIds = new Set(open.map((goal) => goal.id));
    const exact = goalIds.length === open.length && new Set(goalIds).size === goalIds.length && goalIds.every((id) => openIds.has(id));
    if (!exact) throw badRequest("goals.errors.reorderMismatch");
    await setPriorities(tx, organizationId, owner.id, goalIds);
    const newPriority = new Map(goalIds.map((id, index) => [id, index + 1]));
    await insertAuditEvents(
      tx,
      open
        .filter((goal) => newPriority.get(goal.id) !== goal.priority)
        .map((goal) => ({
          organizationId,
          actorUserId: ctx.actor.userId,
          actorName: ctx.actor.name,
          action: "goal.reorder",
          entityId: goal.id,
          entityLabel: goal.title,
          changes: [{ field: "priority", from: goal.priority, to: newPriority.get(goal.id)! }],
        })),
    );
  });
}

// ---------------------------------------------------------------------------------------
// Alignment views

/** Goals the goal being written may link to. */
export async function listLinkTargets(
  ctx: GoalContext,
  input: { level: GoalLevel; kind: GoalKind; periodId: string; goalId: string | null },
): Promise<LinkTarget[]> {
  const db = ctx.orgDb;
  const viewer = await viewerOf(ctx);
  const period = await findPeriod(db, input.periodId);
  if (!period) throw notFound();
  let excluded = new Set<string>();
  if (input.goalId) {
    const goal = await visibleGoal(db, viewer, input.goalId);
    excluded = await selfAndDescendants(db, ctx.organization.id, goal.id);
  }
  const rows = await listNodes(db, {
    AND: [
      {
        level: { in: allowedParentLevels(input.level) },
        status: { in: [...OPEN_STATUSES] },
        period: { startDate: { lte: period.startDate }, endDate: { gte: period.endDate } },
      },
      visibleWhere(viewer),
    ],
  });
  return rows
    .filter((row) => !excluded.has(row.id))
    .sort(byLevelAndTitle)
    .map((row) => ({ ...nodeOf(row), period: { id: row.period.id, name: row.period.name } }));
}

/** A period's goals and, above them, the goals they link to in longer periods. */
export async function getAlignmentTree(ctx: GoalContext, periodId: string): Promise<AlignmentTree> {
  const db = ctx.orgDb;
  const viewer = await viewerOf(ctx);
  const period = await findPeriod(db, periodId);
  if (!period) throw notFound();
  const own = await listNodes(db, { AND: [{ periodId, status: { not: "CANCELLED" } }, visibleWhere(viewer)] });
  const ownIds = new Set(own.map((row) => row.id));
  const above = (await ancestorsOf(db, ctx.organization.id, [...ownIds])).filter(
    (row) => !ownIds.has(row.id) && row.status !== "CANCELLED" && canSee(viewer, row),
  );
  const rows = [...own, ...above].sort(byLevelAndTitle);
  const present = new Set(rows.map((row) => row.id));
  const parentOf = (row: NodeRow) => (row.parentGoalId && present.has(row.parentGoalId) ? row.parentGoalId : null);
  const withChildren = new Set(rows.map(parentOf).filter((id): id is string => id !== null));
  return {
    period: { id: period.id, name: period.name, startDate: dateToIsoDate(period.startDate), endDate: dateToIsoDate(period.endDate) },
    nodes: rows.map((row) => ({
      ...nodeOf(row),
      parentGoalId: parentOf(row),
      period: { id: row.period.id, name: row.period.name },
      unlinked: row.level === "ORGANIZATION" && !withChildren.has(row.id),
    })),
  };
}

// ---------------------------------------------------------------------------------------
// goal.history

type StoredChange = { field?: unknown; from?: unknown; to?: unknown };

export async function getGoalHistory(ctx: GoalContext, goalId: string): Promise<GoalHistoryEntry[]> {
  const viewer = await viewerOf(ctx);
  const goal = await visibleGoal(ctx.orgDb, viewer, goalId);
  const rows = await goalHistory(ctx.orgDb, goal.id);
  return rows.map((row) => ({
    id: row.id,
    action: row.action,
    actorName: row.actorName,
    createdAt: row.createdAt,
    changes: (Array.isArray(row.changes) ? (row.changes as StoredChange[]) : [])
      .filter((change) => typeof change?.field === "string")
      .map((change) => ({ field: change.field as string, from: change.from ?? null, to: change.to ?? null })),
  }));
}

// ---------------------------------------------------------------------------------------
// goal.ownerOptions

/** Who the caller may write a goal of this level for (empty lists: nobody, the level is not theirs). */
export async function listOwnerOptions(ctx: GoalContext, level: GoalLevel): Promise<OwnerOptions> {
  const db = ctx.orgDb;
  const viewer = await viewerOf(ctx);
  if (level === "ORGANIZATION") {
    return { people: viewer.createOrganization ? await listActivePeople(db, null) : [], teams: [] };
  }
  if (level === "TEAM") {
    if (!viewer.manageAll && viewer.ledTeams.size === 0) return { people: [], teams: [] };
    return { people: [], teams: await listTeamsWithLeads(db, viewer.manageAll ? null : [...viewer.ledTeams]) };
  }
  const people = await listActivePeople(db, viewer.manageAll ? null : [viewer.membershipId, ...viewer.below]);
  // the caller first: most goals are one's own
  const self = people.filter((entry) => entry.membershipId === viewer.membershipId);
  return { people: [...self, ...people.filter((entry) => entry.membershipId !== viewer.membershipId)], teams: [] };
}

// ---------------------------------------------------------------------------------------
// Manager changes (called by people and CSV import, inside their transaction)

/**
 * After people's manager changed: their PROPOSED goals whose manager signature was given by
 * someone other than the new manager lose it, so the new manager signs. Nothing else changes.
 */
export async function movePendingSignatures(
  tx: OrgTx,
  change: { organizationId: string; actor: { userId: string; name: string }; actorMembershipId: string },
  ownerIds: string[],
): Promise<void> {
  const stale = await staleManagerSignatures(tx, change.organizationId, ownerIds);
  if (stale.length === 0) return;
  await clearManagerSignatures(
    tx,
    stale.map((goal) => goal.id),
    change.actorMembershipId,
  );
  await insertAuditEvents(
    tx,
    stale.map((goal) => ({
      organizationId: change.organizationId,
      actorUserId: change.actor.userId,
      actorName: change.actor.name,
      action: "goal.signatureMoved",
      entityId: goal.id,
      entityLabel: goal.title,
      changes: [
        { field: "managerSignedBy", from: goal.signerName, to: null },
        { field: "managerSignedAt", from: goal.managerSignedAt.toISOString(), to: null },
        { field: "coSigner", from: goal.signerName, to: goal.managerName },
      ],
    })),
  );
}
