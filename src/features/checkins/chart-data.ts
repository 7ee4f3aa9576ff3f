import { directionSign, levelOf, type Level, type Measure } from "@/features/goals/attainment";
import type { CheckIn, CheckInTarget } from "./checkins.schema";

/**
 * What the goal chart draws, worked out without a browser: the current check-ins as points,
 * the ideal path from the baseline at the start to the target at the due date, the bands
 * between the levels, and axes that hold all of it. The values themselves come from the
 * server; nothing here computes progress.
 */

export type ChartMeasure = Pick<CheckInTarget, "measureType" | "baseline" | "minimum" | "target" | "stretch" | "startDate" | "dueDate">;
export type ChartCheckIn = Pick<CheckIn, "id" | "effectiveDate" | "value" | "confidence" | "createdAt" | "replacesId" | "replacedById">;

export type ChartRow = {
  date: string;
  /** UTC midnight of the date in ms: the x axis */
  time: number;
  /** the reported value (steps done, 1/0 for done/not done); null on rows that only carry the ideal path */
  value: number | null;
  confidence: number | null;
  /** the ideal path at this date; null outside start..due */
  ideal: number | null;
  level: Level | null;
  checkInId: string | null;
};

export type BandKind = "belowMinimum" | "minimumToTarget" | "targetToStretch";
/** A horizontal band, `from` < `to` on the value axis. */
export type Band = { kind: BandKind; from: number; to: number };

export type ChartData = {
  /** every row in date order: the start, the check-ins, the due date */
  rows: ChartRow[];
  /** the rows with a reported value, oldest first */
  points: ChartRow[];
  bands: Band[];
  /** the level lines worth labelling (BINARY has none) */
  levels: { kind: "minimum" | "target" | "stretch"; value: number }[];
  yDomain: [number, number];
  yTicks: number[];
  xDomain: [number, number];
  xTicks: number[];
  /** today's position when it falls inside the chart */
  todayTime: number | null;
  /** +1 higher is better, −1 lower is better */
  direction: 1 | -1;
};

const DAY_MS = 86_400_000;

export const timeOf = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`);

/** The attainment module's view of the measure (milestones start at 0, binary runs 0 → 1). */
export function measureForChart(measure: ChartMeasure): Measure {
  if (measure.measureType === "BINARY") return { measureType: "BINARY", baseline: 0, minimum: 1, target: 1, stretch: 1 };
  return {
    measureType: measure.measureType,
    baseline: measure.measureType === "MILESTONES" ? 0 : measure.baseline,
    minimum: measure.minimum,
    target: measure.target,
    stretch: measure.stretch,
  };
}

/**
 * The check-ins that stand: none that a correction replaced, and one per day (the one made
 * last), oldest first.
 */
export function currentCheckIns<T extends ChartCheckIn>(checkIns: readonly T[]): T[] {
  const replaced = new Set(checkIns.flatMap((checkIn) => (checkIn.replacesId ? [checkIn.replacesId] : [])));
  const byDay = new Map<string, T>();
  for (const checkIn of checkIns) {
    if (checkIn.replacedById !== null || replaced.has(checkIn.id)) continue;
    const earlier = byDay.get(checkIn.effectiveDate);
    if (!earlier || earlier.createdAt.getTime() <= checkIn.createdAt.getTime()) byDay.set(checkIn.effectiveDate, checkIn);
  }
  return [...byDay.values()].sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : 0));
}

/** The ideal path: a straight line from the baseline at the start to the target at the due date. */
export function idealAt(measure: ChartMeasure, date: string): number | null {
  const { baseline, target } = measureForChart(measure);
  const start = timeOf(measure.startDate);
  const due = timeOf(measure.dueDate);
  const at = timeOf(date);
  if (at < start || at > due) return null;
  if (due <= start) return target;
  return baseline + ((target - baseline) * (at - start)) / (due - start);
}

/** 1, 2 or 5 times a power of ten: the step of an axis with about `count` ticks. */
function niceStep(span: number, count: number, integer: boolean): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
  return integer ? Math.max(1, Math.round(step)) : step;
}

/** Rounds away float noise (0.30000000000000004) so ticks read as typed. */
const tidy = (value: number) => Number(value.toPrecision(12));

function valueAxis(measure: ChartMeasure, values: number[]): { domain: [number, number]; ticks: number[] } {
  if (measure.measureType === "BINARY") return { domain: [0, 1], ticks: [0, 1] };
  const integer = measure.measureType === "MILESTONES";
  let low = Math.min(...values);
  let high = Math.max(...values);
  if (integer) low = Math.min(0, low);
  if (high - low <= Math.max(Math.abs(high), Math.abs(low)) * 1e-9) {
    const pad = Math.max(1, Math.abs(high) * 0.1);
    low -= pad;
    high += pad;
  }
  const step = niceStep(high - low, 5, integer);
  let from = tidy(Math.floor(low / step) * step);
  let to = tidy(Math.ceil(high / step) * step);
  // float rounding (tiny or huge values) must never leave a value outside the axis
  for (let guard = 0; from > low && guard < 3; guard++) from = tidy(from - step);
  for (let guard = 0; to < high && guard < 3; guard++) to = tidy(to + step);
  // a little room so points on the edge are not cut, without crossing zero or 100 % needlessly
  if (from === low && low !== 0) from = tidy(from - step);
  if (to === high) to = tidy(to + step);
  if (Math.min(...values) >= 0 && from < 0) from = 0;
  if (measure.measureType === "PERCENT" && to > 100 && Math.max(...values) <= 100) to = 100;
  const ticks: number[] = [];
  for (let tick = from; tick <= to + step * 1e-9 && ticks.length < 50; tick = tidy(tick + step)) ticks.push(tick);
  return { domain: [from, to], ticks };
}

function timeAxis(from: number, to: number): number[] {
  const days = Math.round((to - from) / DAY_MS);
  if (days <= 70) {
    const every = days <= 21 ? 1 : 7;
    const ticks: number[] = [];
    for (let time = from; time <= to && ticks.length < 32; time += every * DAY_MS) ticks.push(time);
    return ticks;
  }
  const months = days / 30.4;
  const every = Math.max(1, Math.ceil(months / 7));
  const start = new Date(from);
  const cursor = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + (start.getUTCDate() === 1 ? 0 : 1), 1));
  const ticks: number[] = [];
  while (cursor.getTime() <= to && ticks.length < 40) {
    ticks.push(cursor.getTime());
    cursor.setUTCMonth(cursor.getUTCMonth() + every);
  }
  return ticks;
}

function bandsOf(measure: Measure, direction: 1 | -1, domain: [number, number]): Band[] {
  if (measure.measureType === "BINARY") return [];
  const [low, high] = domain;
  // in the goal's direction: worse → minimum → target → stretch → better
  const edges =
    direction === 1
      ? ([
          ["belowMinimum", low, measure.minimum],
          ["minimumToTarget", measure.minimum, measure.target],
          ["targetToStretch", measure.target, measure.stretch],
        ] as const)
      : ([
          ["belowMinimum", measure.minimum, high],
          ["minimumToTarget", measure.target, measure.minimum],
          ["targetToStretch", measure.stretch, measure.target],
        ] as const);
  return edges.flatMap(([kind, from, to]) => {
    const clampedFrom = Math.max(low, from);
    const clampedTo = Math.min(high, to);
    return clampedTo > clampedFrom ? [{ kind, from: clampedFrom, to: clampedTo }] : [];
  });
}

export function chartDataOf(measure: ChartMeasure, checkIns: readonly ChartCheckIn[], today: string): ChartData {
  const attainment = measureForChart(measure);
  const direction: 1 | -1 = directionSign(attainment) === -1 ? -1 : 1;
  const standing = currentCheckIns(checkIns);

  const byDate = new Map<string, ChartRow>();
  const rowAt = (date: string): ChartRow => {
    let row = byDate.get(date);
    if (!row) {
      row = { date, time: timeOf(date), value: null, confidence: null, ideal: idealAt(measure, date), level: null, checkInId: null };
      byDate.set(date, row);
    }
    return row;
  };
  rowAt(measure.startDate);
  rowAt(measure.dueDate);
  for (const checkIn of standing) {
    const row = rowAt(checkIn.effectiveDate);
    row.value = checkIn.value;
    row.confidence = checkIn.confidence;
    row.level = levelOf(attainment, checkIn.value);
    row.checkInId = checkIn.id;
  }
  const rows = [...byDate.values()].sort((a, b) => a.time - b.time);
  const points = rows.filter((row) => row.value !== null);

  const levelValues = measure.measureType === "BINARY" ? [0, 1] : [attainment.baseline, attainment.minimum, attainment.target, attainment.stretch];
  const axis = valueAxis(measure, [...levelValues, ...points.map((row) => row.value!)]);
  const xDomain: [number, number] = [rows[0]!.time, rows[rows.length - 1]!.time];
  const todayTime = timeOf(today);

  return {
    rows,
    points,
    bands: bandsOf(attainment, direction, axis.domain),
    levels:
      measure.measureType === "BINARY"
        ? []
        : dedupeLevels([
            { kind: "minimum", value: attainment.minimum },
            { kind: "target", value: attainment.target },
            { kind: "stretch", value: attainment.stretch },
          ]),
    yDomain: axis.domain,
    yTicks: axis.ticks,
    xDomain,
    xTicks: timeAxis(xDomain[0], xDomain[1]),
    todayTime: todayTime >= xDomain[0] && todayTime <= xDomain[1] ? todayTime : null,
    direction,
  };
}

/** Two levels at the same value get one line, named by the higher level. */
function dedupeLevels(levels: ChartData["levels"]): ChartData["levels"] {
  const byValue = new Map<number, ChartData["levels"][number]>();
  for (const level of levels) byValue.set(level.value, level);
  return [...byValue.values()];
}

/** The points of the confidence chart: the current check-ins whose confidence the reader may see. */
export function confidencePointsOf(data: ChartData): ChartRow[] {
  return data.points.filter((row) => row.confidence !== null);
}
