import { canManage, canSee, managesOwner, type GoalViewer } from "@/features/goals/goal-access";
import type { Cadence, GoalKind, GoalLevel, GoalStatus, MeasureType } from "@/features/goals/goals.schema";
import type { OrgDb, OrgTx } from "@/server/db/for-org";
import type { Prisma } from "@/server/db/generated/client";
import type { OrgContext } from "@/server/trpc/init";
import type { GoalProgress } from "./checkins.schema";
import { currentReadings, rollupChildren } from "./checkins.repository";
import { goalProgressOf, measureOf, rollupOf, todayOf, type GoalMeasureFacts, type RollupChild } from "./progress";

/** A goal row as Prisma returns its measure columns. */
export type GoalMeasureRow = {
  id: string;
  status: GoalStatus;
  measureType: MeasureType | null;
  baseline: Prisma.Decimal | null;
  minimum: Prisma.Decimal | null;
  target: Prisma.Decimal | null;
  stretch: Prisma.Decimal | null;
  startDate: Date | null;
  dueDate: Date | null;
  cadence: Cadence | null;
};

export type GoalAccessRow = GoalMeasureRow & { level: GoalLevel; kind: GoalKind; ownerId: string; teamId: string | null };

const num = (value: Prisma.Decimal | null) => (value === null ? null : value.toNumber());
const iso = (value: Date | null) => (value === null ? null : value.toISOString().slice(0, 10));

export function measureFactsOf(row: GoalMeasureRow): GoalMeasureFacts {
  return {
    status: row.status,
    measureType: row.measureType,
    baseline: num(row.baseline),
    minimum: num(row.minimum),
    target: num(row.target),
    stretch: num(row.stretch),
    startDate: iso(row.startDate),
    dueDate: iso(row.dueDate),
    cadence: row.cadence,
  };
}

/** Confidence and comments: the owner, their manager chain, HR and ADMIN. */
export function maySeePrivate(viewer: GoalViewer, ownerId: string): boolean {
  return viewer.readAll || ownerId === viewer.membershipId || managesOwner(viewer, ownerId);
}

/**
 * The progress of many goals in three queries whatever their number: the goals' current
 * readings, the goals linked under them and those goals' current readings.
 */
export async function progressForGoals(
  ctx: Pick<OrgContext, "organization">,
  db: OrgDb | OrgTx,
  viewer: GoalViewer,
  goals: readonly GoalAccessRow[],
  now: Date = new Date(),
): Promise<Map<string, GoalProgress>> {
  const organizationId = ctx.organization.id;
  const parents = goals.filter((goal) => goal.level !== "INDIVIDUAL").map((goal) => goal.id);
  const children = await rollupChildren(db, parents);
  const readings = await currentReadings(db, organizationId, [...goals.map((goal) => goal.id), ...children.map((child) => child.id)]);

  const childrenByParent = new Map<string, RollupChild[]>();
  for (const child of children) {
    const list = childrenByParent.get(child.parentGoalId!) ?? [];
    list.push({ measure: measureOf(measureFactsOf(child)), reading: readings.get(child.id)?.value ?? null, weight: child.linkWeight.toNumber() });
    childrenByParent.set(child.parentGoalId!, list);
  }

  const today = todayOf(now);
  const settings = ctx.organization.settings;
  const result = new Map<string, GoalProgress>();
  for (const goal of goals) {
    const reading = readings.get(goal.id);
    result.set(
      goal.id,
      goalProgressOf({
        goal: measureFactsOf(goal),
        current: reading ? { value: reading.value, effectiveDate: reading.effectiveDate, confidence: reading.confidence } : null,
        today,
        settings,
        rollup: goal.level === "INDIVIDUAL" ? null : rollupOf(childrenByParent.get(goal.id) ?? []),
        canCheckIn: canSee(viewer, goal) && canManage(viewer, goal),
        canSeePrivate: maySeePrivate(viewer, goal.ownerId),
      }),
    );
  }
  return result;
}
