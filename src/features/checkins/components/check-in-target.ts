import type { GoalDetail } from "@/features/goals/goals.schema";
import type { CheckInTarget } from "../checkins.schema";
import { measureOf } from "../progress";

/**
 * The goal page's goal as the check-in form and the chart read it, with the levels filled in
 * the way the server fills them; null while the goal has no measure or no start date.
 */
export function checkInTargetOf(detail: GoalDetail): CheckInTarget | null {
  const { fields } = detail;
  const measure = measureOf({
    status: detail.status,
    measureType: fields.measureType,
    baseline: fields.baseline,
    minimum: fields.minimum,
    target: fields.target,
    stretch: fields.stretch,
    startDate: fields.startDate,
    dueDate: fields.dueDate,
    cadence: fields.cadence,
  });
  if (measure === null || fields.startDate === null) return null;
  return {
    id: detail.id,
    title: fields.title,
    level: detail.level,
    measureType: measure.measureType,
    unit: fields.unit,
    decimals: fields.decimals,
    baseline: measure.baseline,
    minimum: measure.minimum,
    target: measure.target,
    stretch: measure.stretch,
    startDate: fields.startDate,
    dueDate: fields.dueDate ?? fields.startDate,
    steps: detail.steps,
  };
}
