import { createHash } from "node:crypto";
import { canManage, type GoalViewer } from "@/features/goals/goal-access";
import { seenOrNotFound, viewerFrom, viewerOf, type GoalContext } from "@/features/goals/goals.service";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type {
  CheckIn,
  CheckInList,
  CheckInResult,
  CheckInSubmit,
  CheckInTarget,
  DueCheckIn,
  DueCheckIns,
} from "./checkins.schema";
import {
  checkInsOf,
  dueGoals,
  dueTargets,
  findCheckIn,
  findCheckInGoal,
  findCheckInByKey,
  insertCheckIn,
  insertCheckInIfActive,
  lockGoal,
  syncStepsWithCurrent,
  type CheckInGoalRow,
  type CheckInInsert,
  type CheckInRow,
  type DueTargetRow,
} from "./checkins.repository";
import { latestDateOnEarth, todayOf } from "./progress";
import { maySeePrivate, measureFactsOf, progressForGoals, type GoalAccessRow } from "./progress.server";

/** How many overdue check-ins of a manager's reports the home page lists. */
export const REPORTS_DUE_LIMIT = 50;
const MINE_DUE_LIMIT = 100;

const fieldError = (field: string, key: string, code: "BAD_REQUEST" | "CONFLICT" = "BAD_REQUEST") =>
  new AppError(code, key, {}, { [field]: [key] });

function checkInOf(row: CheckInRow, canSeePrivate: boolean): CheckIn {
  return {
    id: row.id,
    effectiveDate: row.effectiveDate.toISOString().slice(0, 10),
    value: row.value.toNumber(),
    doneStepIds: row.doneStepIds,
    confidence: canSeePrivate ? row.confidence : null,
    comment: canSeePrivate ? row.comment : null,
    author: { membershipId: row.author.id, name: row.author.user.name },
    createdAt: row.createdAt,
    replacesId: row.replacesId,
    replacedById: row.replacedBy?.id ?? null,
  };
}

/** The value a reading stores, after checking it fits the goal's measure. */
function valueOf(goal: CheckInGoalRow, reading: CheckInSubmit["reading"]): { value: number; doneStepIds: string[] } {
  switch (goal.measureType) {
    case "NUMBER":
    case "PERCENT": {
      if (reading.kind !== "value") throw fieldError("reading", "checkIns.errors.readingKind");
      if (goal.measureType === "PERCENT" && (reading.value < 0 || reading.value > 100)) {
        throw fieldError("reading.value", "checkIns.errors.percentRange");
      }
      return { value: reading.value, doneStepIds: [] };
    }
    case "MILESTONES": {
      if (reading.kind !== "milestones") throw fieldError("reading", "checkIns.errors.readingKind");
      const steps = new Set(goal.stepIds);
      const done = [...new Set(reading.doneStepIds)];
      if (done.some((id) => !steps.has(id))) throw fieldError("reading.doneStepIds", "checkIns.errors.unknownStep");
      return { value: done.length, doneStepIds: done.sort() };
    }
    case "BINARY": {
      if (reading.kind !== "binary") throw fieldError("reading", "checkIns.errors.readingKind");
      return { value: reading.done ? 1 : 0, doneStepIds: [] };
    }
    default:
      throw new AppError("BAD_REQUEST", "checkIns.errors.noMeasure");
  }
}

/** What makes two submissions "the same": everything but the client key. */
function digestOf(input: CheckInSubmit, stored: { value: number; doneStepIds: string[] }): string {
  const body = [input.goalId, input.reading.kind, stored.value, stored.doneStepIds, input.confidence, input.comment, input.effectiveDate, input.replacesId];
  return createHash("sha256").update(JSON.stringify(body)).digest("hex");
}

async function resultFor(ctx: GoalContext, viewer: GoalViewer, goal: GoalAccessRow, row: CheckInRow): Promise<CheckInResult> {
  const progress = await progressForGoals(ctx, ctx.orgDb, viewer, [goal]);
  return { checkIn: checkInOf(row, maySeePrivate(viewer, goal.ownerId)), progress: progress.get(goal.id)! };
}

/** A repeat of an earlier submission gets the first one's answer; a different body under its key is refused. */
async function replay(ctx: GoalContext, viewer: GoalViewer, goal: GoalAccessRow, existing: CheckInRow, digest: string): Promise<CheckInResult> {
  if (existing.goalId !== goal.id || existing.bodyDigest !== digest) throw new AppError("CONFLICT", "checkIns.errors.keyReused");
  return resultFor(ctx, viewer, goal, existing);
}

/** The caller and a goal they may see (NOT_FOUND otherwise), read in one statement. */
async function checkInGoalFor(ctx: GoalContext, goalId: string): Promise<{ viewer: GoalViewer; goal: CheckInGoalRow }> {
  const found = await findCheckInGoal(ctx.orgDb, ctx.organization.id, ctx.membership.id, goalId);
  const viewer = viewerFrom(ctx, found.viewer);
  return { viewer, goal: seenOrNotFound(viewer, found.goal) };
}

// ---------------------------------------------------------------------------------------
// checkIn.submit

export async function submitCheckIn(ctx: GoalContext, input: CheckInSubmit, now: Date = new Date()): Promise<CheckInResult> {
  const { viewer, goal } = await checkInGoalFor(ctx, input.goalId);
  if (!canManage(viewer, goal)) throw forbidden();
  const stored = valueOf(goal, input.reading);
  const digest = digestOf(input, stored);
  // A repeat gets the first submission's answer, whatever has changed since (the goal
  // closed, the check-in it corrects is now replaced — by itself): the key is looked up
  // whenever the check-in cannot be stored, and only then, so a new check-in costs no lookup.
  const answerRepeatOr = async (refusal: unknown): Promise<CheckInResult> => {
    const earlier = await findCheckInByKey(ctx.orgDb, ctx.organization.id, input.clientKey);
    if (earlier) return replay(ctx, viewer, goal, earlier, digest);
    throw refusal;
  };

  let inserted: CheckInRow | null;
  try {
    await checkStorable(ctx, goal, input, now);
    inserted = await insertCheckInOf(ctx, goal, {
      organizationId: ctx.organization.id,
      goalId: goal.id,
      value: stored.value,
      doneStepIds: stored.doneStepIds,
      confidence: input.confidence,
      comment: input.comment,
      effectiveDate: input.effectiveDate,
      replacesId: input.replacesId,
      authorId: ctx.membership.id,
      clientKey: input.clientKey,
      bodyDigest: digest,
    });
  } catch (error) {
    return answerRepeatOr(error);
  }
  if (inserted !== null) return resultFor(ctx, viewer, goal, inserted);
  // nothing stored: a parallel repeat took the key first, or the goal stopped being ACTIVE
  return answerRepeatOr(new AppError("BAD_REQUEST", "checkIns.errors.notActive"));
}

/** Refuses a check-in the goal cannot take: not ACTIVE, dated in the future or before the start, correcting what it may not. */
async function checkStorable(ctx: GoalContext, goal: CheckInGoalRow, input: CheckInSubmit, now: Date): Promise<void> {
  if (goal.status !== "ACTIVE") throw new AppError("BAD_REQUEST", "checkIns.errors.notActive");
  if (input.effectiveDate > latestDateOnEarth(now)) throw fieldError("effectiveDate", "checkIns.errors.futureDate");
  const startDate = measureFactsOf(goal).startDate;
  if (startDate !== null && input.effectiveDate < startDate) throw fieldError("effectiveDate", "checkIns.errors.beforeStart");
  if (input.replacesId !== null) {
    const replaced = await findCheckIn(ctx.orgDb, ctx.organization.id, input.replacesId);
    if (!replaced || replaced.goalId !== goal.id) throw notFound();
    if (replaced.replacedBy) throw new AppError("CONFLICT", "checkIns.errors.alreadyReplaced");
  }
}

/** Stores the check-in (null: its key was taken, or the goal is no longer ACTIVE). */
async function insertCheckInOf(ctx: GoalContext, goal: CheckInGoalRow, insert: CheckInInsert): Promise<CheckInRow | null> {
  try {
    return goal.measureType === "MILESTONES"
      ? // the steps follow the current check-in in the same transaction
        await ctx.orgDb.$transaction(async (tx) => {
          const status = await lockGoal(tx, ctx.organization.id, goal.id);
          if (status !== "ACTIVE") throw new AppError("BAD_REQUEST", "checkIns.errors.notActive");
          const row = await insertCheckIn(tx, insert);
          if (row !== null) await syncStepsWithCurrent(tx, ctx.organization.id, goal.id);
          return row;
        })
      : await insertCheckInIfActive(ctx.orgDb, insert);
  } catch (error) {
    // two corrections of the same check-in at once: the unique index lets only one through
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "checkIns.errors.alreadyReplaced");
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${JSON.stringify((error as { meta?: unknown }).meta ?? {})}` : "";
  return /23505|unique constraint/i.test(text);
}

// ---------------------------------------------------------------------------------------
// checkIn.list

export async function listCheckIns(ctx: GoalContext, goalId: string): Promise<CheckInList> {
  const { viewer, goal } = await checkInGoalFor(ctx, goalId);
  const canSeePrivate = maySeePrivate(viewer, goal.ownerId);
  const [rows, progress] = await Promise.all([checkInsOf(ctx.orgDb, ctx.organization.id, goal.id), progressForGoals(ctx, ctx.orgDb, viewer, [goal])]);
  return { checkIns: rows.map((row) => checkInOf(row, canSeePrivate)), progress: progress.get(goal.id)! };
}

// ---------------------------------------------------------------------------------------
// checkIn.due

function targetOf(row: DueTargetRow): CheckInTarget {
  const facts = measureFactsOf(row);
  return {
    id: row.id,
    title: row.title,
    level: row.level,
    measureType: row.measureType!,
    unit: row.unit,
    decimals: row.decimals,
    baseline: facts.baseline ?? 0,
    minimum: facts.minimum ?? 0,
    target: facts.target ?? 0,
    stretch: facts.stretch ?? 0,
    startDate: facts.startDate!,
    dueDate: facts.dueDate ?? facts.startDate!,
    steps: row.steps.map((step) => ({
      id: step.id,
      title: step.title,
      dueDate: step.dueDate ? step.dueDate.toISOString().slice(0, 10) : null,
      done: step.doneAt !== null,
    })),
  };
}

async function dueItems(ctx: GoalContext, viewer: GoalViewer, rows: { goalId: string; dueOn: string }[], today: string): Promise<DueCheckIn[]> {
  const targets = await dueTargets(ctx.orgDb, rows.map((row) => row.goalId));
  const byId = new Map(targets.map((target) => [target.id, target]));
  const progress = await progressForGoals(ctx, ctx.orgDb, viewer, targets);
  return rows.flatMap((row) => {
    const target = byId.get(row.goalId);
    if (!target) return [];
    return [
      {
        goal: targetOf(target),
        owner: { membershipId: target.owner.id, name: target.owner.user.name },
        dueOn: row.dueOn,
        overdue: row.dueOn < today,
        progress: progress.get(target.id)!,
      },
    ];
  });
}

/** The caller's goals with a check-in due (overdue first) and their reports' overdue check-ins. */
export async function listDueCheckIns(ctx: GoalContext, now: Date = new Date()): Promise<DueCheckIns> {
  const viewer = await viewerOf(ctx);
  const today = todayOf(now);
  const yesterday = todayOf(new Date(now.getTime() - 86_400_000));
  const defaultCadence = ctx.organization.settings.defaultCadence;
  const [mine, reports] = await Promise.all([
    dueGoals(ctx.orgDb, ctx.organization.id, { ownerIds: [ctx.membership.id], dueBy: today, defaultCadence, limit: MINE_DUE_LIMIT }),
    dueGoals(ctx.orgDb, ctx.organization.id, { ownerIds: [...viewer.below], dueBy: yesterday, defaultCadence, limit: REPORTS_DUE_LIMIT }),
  ]);
  const [mineItems, reportItems] = await Promise.all([dueItems(ctx, viewer, mine.rows, today), dueItems(ctx, viewer, reports.rows, today)]);
  return { mine: mineItems, reports: reportItems, reportsTotal: reports.total };
}
