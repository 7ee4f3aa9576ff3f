"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { GoalDetail } from "../../goals.schema";
import { directionOf, LEVEL_FIELDS, type LevelField } from "../../levels";

type Fields = GoalDetail["fields"];

/** A measure value in the reader's language: the goal's decimals, its unit, percent as percent. */
export function useMeasureValue() {
  const format = useFormatter();
  const t = useTranslations("goals.page.levels");
  return (fields: Pick<Fields, "measureType" | "unit" | "decimals">, value: number | null): string => {
    if (value === null) return t("notSet");
    const digits = { minimumFractionDigits: fields.decimals, maximumFractionDigits: fields.decimals };
    switch (fields.measureType) {
      case "PERCENT":
        return format.number(value / 100, { style: "percent", ...digits });
      case "MILESTONES":
        return t("steps", { count: value });
      default: {
        const number = format.number(value, digits);
        return fields.unit ? `${number} ${fields.unit}` : number;
      }
    }
  };
}

/**
 * Where each level sits on one line, in percent: the baseline at the left and better to the
 * right, whichever way the measure runs.
 */
function positions(values: Record<LevelField, number>, direction: "INCREASE" | "DECREASE"): Record<LevelField, number> {
  const all = LEVEL_FIELDS.map((field) => values[field]);
  const low = Math.min(...all);
  const high = Math.max(...all);
  const span = high - low || 1;
  const at = (value: number) => ((value - low) / span) * 100;
  return Object.fromEntries(
    LEVEL_FIELDS.map((field) => [field, direction === "INCREASE" ? at(values[field]) : 100 - at(values[field])]),
  ) as Record<LevelField, number>;
}

const MARKER: Record<LevelField, string> = {
  baseline: "bg-slate-500",
  minimum: "bg-amber-500",
  target: "bg-emerald-600",
  stretch: "bg-brand-600",
};

/** The measure: its kind, the four levels with the unit, and which way is better. */
export function MeasureLevels({ detail }: { detail: GoalDetail }) {
  const t = useTranslations("goals");
  const value = useMeasureValue();
  const { fields } = detail;

  if (fields.measureType === null) {
    return <p className="text-sm text-slate-600">{t("page.levels.noMeasure")}</p>;
  }
  if (fields.measureType === "BINARY") {
    return (
      <div className="text-sm">
        <p className="font-medium">{t("measureType.BINARY")}</p>
        <p className="mt-1 text-slate-700">{t("page.levels.binary")}</p>
      </div>
    );
  }

  const complete = LEVEL_FIELDS.every((field) => fields[field] !== null);
  const direction = fields.measureType !== "MILESTONES" && fields.baseline !== null && fields.target !== null ? directionOf(fields.baseline, fields.target) : null;
  const shown = fields.measureType === "MILESTONES" ? LEVEL_FIELDS.filter((field) => field !== "baseline") : LEVEL_FIELDS;
  const scale = complete && direction ? positions(fields as Record<LevelField, number>, direction) : null;

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-700">
        <span className="font-medium">{t(`measureType.${fields.measureType}`)}</span>
        {fields.measureType === "MILESTONES" ? <span> · {t("page.levels.milestonesOf", { count: detail.steps.length })}</span> : null}
        {direction ? <span> · {t(direction === "INCREASE" ? "page.levels.higherIsBetter" : "page.levels.lowerIsBetter")}</span> : null}
      </p>
      <dl className={`grid gap-3 ${shown.length === 4 ? "grid-cols-2 sm:grid-cols-4" : "grid-cols-3"}`} data-testid="measure-levels">
        {shown.map((field) => (
          <div key={field} data-level={field} className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
            <dt className="flex items-center gap-1.5 text-xs text-slate-600">
              {scale ? <span aria-hidden className={`size-2 rounded-full ${MARKER[field]}`} /> : null}
              {t(`page.levels.${field}`)}
            </dt>
            <dd className="mt-0.5 text-base font-semibold break-words tabular-nums sm:text-lg">{value(fields, fields[field])}</dd>
          </div>
        ))}
      </dl>
      {scale ? (
        <div aria-hidden className="px-2 pt-1 pb-2">
          <div className="relative h-1.5 rounded-full bg-slate-200">
            {LEVEL_FIELDS.map((field) => (
              <span
                key={field}
                title={t(`page.levels.${field}`)}
                className={`absolute top-1/2 size-3 -translate-x-1/2 -translate-y-1/2 rounded-full ring-2 ring-white ${MARKER[field]}`}
                style={{ left: `${scale[field]}%` }}
              />
            ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}
