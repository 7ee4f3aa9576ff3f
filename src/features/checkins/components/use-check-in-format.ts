"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useCallback } from "react";
import { useMeasureValue } from "@/features/goals/components/goal-page/measure-levels";
import type { CheckInTarget } from "../checkins.schema";

type MeasureShape = Pick<CheckInTarget, "measureType" | "unit" | "decimals">;

/** A reported value as people read it: with its unit, as steps done, or as done / not done. */
export function useReadingFormat() {
  const measureValue = useMeasureValue();
  const format = useFormatter();
  const t = useTranslations("goalProgress.chart");
  return useCallback(
    (measure: MeasureShape, value: number): string => {
      if (measure.measureType === "BINARY") return value >= 1 ? t("done") : t("notDone");
      if (measure.measureType === "MILESTONES") return measureValue(measure, value);
      // a reported value keeps the decimals it was given, even beyond the goal's usual ones
      const digits = { minimumFractionDigits: measure.decimals, maximumFractionDigits: Math.max(measure.decimals, 4) };
      if (measure.measureType === "PERCENT") return format.number(value / 100, { style: "percent", ...digits });
      const number = format.number(value, digits);
      return measure.unit ? `${number} ${measure.unit}` : number;
    },
    [measureValue, format, t],
  );
}

/** Progress in percentage points as a whole percent ("62 %"). */
export function usePointsFormat() {
  const format = useFormatter();
  return useCallback((points: number) => format.number(points / 100, { style: "percent", maximumFractionDigits: 0 }), [format]);
}

/** A number on an axis: the locale's digits, no more decimals than the measure keeps. */
export function useAxisNumber() {
  const format = useFormatter();
  return useCallback((value: number, decimals: number) => format.number(value, { maximumFractionDigits: Math.max(decimals, 2) }), [format]);
}
