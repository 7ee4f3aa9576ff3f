import type { HrReport } from "./reports.schema";

/**
 * The headline figures in the order the page, the CSV and the XLSX show them: one list, so
 * the three cannot disagree. `value` is the figure itself (a count, or the median), `of` the
 * base it is taken out of, `percent` the share (null when it has no base or is no share).
 */
export const FIGURE_IDS = [
  "completionMinimum",
  "completionTarget",
  "completionStretch",
  "goals",
  "due",
  "closed",
  "unconfirmed",
  "signedGoals",
  "peopleWithSignedGoal",
  "aligned",
  "medianCheckIns",
  "checkIns",
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

export type Figure = { id: FigureId; value: number | null; of: number | null; percent: number | null };

const count = (id: FigureId, value: number): Figure => ({ id, value, of: null, percent: null });
const ratio = (id: FigureId, r: { count: number; of: number; percent: number | null }): Figure => ({ id, value: r.count, of: r.of, percent: r.percent });

export function headlineFigures(report: HrReport): Figure[] {
  const c = report.completion;
  return [
    ratio("completionMinimum", c.atMinimum),
    ratio("completionTarget", c.atTarget),
    ratio("completionStretch", c.atStretch),
    count("goals", report.goals),
    count("due", c.due),
    count("closed", c.closed),
    count("unconfirmed", c.unconfirmed),
    ratio("signedGoals", report.signedGoals),
    ratio("peopleWithSignedGoal", report.peopleWithSignedGoal),
    ratio("aligned", report.aligned),
    { id: "medianCheckIns", value: report.checkIns.median, of: report.checkIns.goals, percent: null },
    { id: "checkIns", value: report.checkIns.total, of: report.checkIns.goals, percent: null },
  ];
}

/** The figures that are shares of a base. */
export const RATIO_IDS: readonly FigureId[] = ["completionMinimum", "completionTarget", "completionStretch", "signedGoals", "peopleWithSignedGoal", "aligned"];

/** The three rates the chart and the headline cards lead with. */
export const RATE_IDS = ["completionMinimum", "completionTarget", "completionStretch"] as const satisfies readonly FigureId[];
