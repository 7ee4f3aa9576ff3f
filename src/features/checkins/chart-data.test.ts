import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { chartDataOf, confidencePointsOf, currentCheckIns, idealAt, timeOf, type ChartCheckIn, type ChartMeasure } from "./chart-data";

const increasing: ChartMeasure = {
  measureType: "NUMBER",
  baseline: 40,
  minimum: 60,
  target: 80,
  stretch: 90,
  startDate: "2027-01-01",
  dueDate: "2027-07-01",
};
const decreasing: ChartMeasure = { ...increasing, baseline: 24, minimum: 12, target: 8, stretch: 4 };

let created = 0;
const checkIn = (effectiveDate: string, value: number, patch: Partial<ChartCheckIn> = {}): ChartCheckIn => ({
  id: `c${++created}`,
  effectiveDate,
  value,
  confidence: 7,
  createdAt: new Date(Date.UTC(2027, 0, 1) + created * 1000),
  replacesId: null,
  replacedById: null,
  ...patch,
});

describe("currentCheckIns", () => {
  it("leaves out replaced check-ins, whichever side names the link, and keeps the last one made per day", () => {
    const a = checkIn("2027-02-01", 50, { replacedById: "x" });
    const b = checkIn("2027-02-01", 52, { id: "b" });
    const fix = checkIn("2027-02-01", 53, { replacesId: "b" });
    const later = checkIn("2027-03-01", 60);
    const sameDayEarlierMade = checkIn("2027-03-01", 58, { createdAt: new Date(0) });
    expect(currentCheckIns([later, a, b, fix, sameDayEarlierMade]).map((c) => c.id)).toEqual([fix.id, later.id]);
  });
});

describe("chartDataOf", () => {
  it("draws an increasing goal: points, the ideal path and the bands below the levels", () => {
    const data = chartDataOf(increasing, [checkIn("2027-02-01", 50), checkIn("2027-04-01", 66, { confidence: null })], "2027-04-15");
    expect(data.direction).toBe(1);
    expect(data.rows.map((row) => row.date)).toEqual(["2027-01-01", "2027-02-01", "2027-04-01", "2027-07-01"]);
    expect(data.points.map((row) => [row.value, row.level])).toEqual([
      [50, "BELOW_MINIMUM"],
      [66, "MINIMUM"],
    ]);
    expect(data.rows[0]!.ideal).toBe(40);
    expect(data.rows[3]!.ideal).toBe(80);
    expect(data.bands).toEqual([
      { kind: "belowMinimum", from: data.yDomain[0], to: 60 },
      { kind: "minimumToTarget", from: 60, to: 80 },
      { kind: "targetToStretch", from: 80, to: 90 },
    ]);
    expect(data.yDomain[0]).toBeLessThanOrEqual(40);
    expect(data.yDomain[1]).toBeGreaterThan(90);
    expect(data.todayTime).toBe(timeOf("2027-04-15"));
    expect(data.xTicks[0]).toBe(timeOf("2027-01-01"));
    expect(confidencePointsOf(data).map((row) => row.value)).toEqual([50]);
  });

  it("draws a decreasing goal with its bands above the levels", () => {
    const data = chartDataOf(decreasing, [checkIn("2027-03-01", 14)], "2027-03-02");
    expect(data.direction).toBe(-1);
    expect(data.bands).toEqual([
      { kind: "belowMinimum", from: 12, to: data.yDomain[1] },
      { kind: "minimumToTarget", from: 8, to: 12 },
      { kind: "targetToStretch", from: 4, to: 8 },
    ]);
    expect(data.rows[0]!.ideal).toBe(24);
    expect(data.rows.at(-1)!.ideal).toBe(8);
    expect(data.yDomain[0]).toBe(0);
    expect(data.points[0]!.level).toBe("BELOW_MINIMUM");
  });

  it("counts milestones from zero on whole-number ticks", () => {
    const milestones: ChartMeasure = { ...increasing, measureType: "MILESTONES", baseline: 3, minimum: 3, target: 5, stretch: 6 };
    const data = chartDataOf(milestones, [checkIn("2027-03-01", 2)], "2027-03-01");
    expect(data.rows[0]!.ideal).toBe(0);
    expect(data.yDomain[0]).toBe(0);
    expect(data.yTicks.every((tick) => Number.isInteger(tick))).toBe(true);
    expect(data.bands.map((band) => band.kind)).toEqual(["belowMinimum", "minimumToTarget", "targetToStretch"]);
  });

  it("draws a done / not done goal from 0 to 1 without bands", () => {
    const binary: ChartMeasure = { ...increasing, measureType: "BINARY", baseline: 0, minimum: 0, target: 0, stretch: 0 };
    const data = chartDataOf(binary, [checkIn("2027-03-01", 0), checkIn("2027-05-01", 1)], "2027-05-02");
    expect(data.yDomain).toEqual([0, 1]);
    expect(data.yTicks).toEqual([0, 1]);
    expect(data.bands).toEqual([]);
    expect(data.levels).toEqual([]);
    expect(data.rows[0]!.ideal).toBe(0);
    expect(data.rows.at(-1)!.ideal).toBe(1);
    expect(data.points.map((row) => row.level)).toEqual(["BELOW_MINIMUM", "TARGET"]);
  });

  it("stretches the time axis to check-ins after the due date, without an ideal path there", () => {
    const data = chartDataOf(increasing, [checkIn("2027-08-15", 85)], "2027-09-01");
    expect(data.xDomain[1]).toBe(timeOf("2027-08-15"));
    expect(data.rows.at(-1)!.ideal).toBeNull();
    expect(data.todayTime).toBeNull();
  });

  it("keeps one line for levels that coincide and skips empty bands", () => {
    const data = chartDataOf({ ...increasing, minimum: 80, stretch: 80 }, [], "2027-02-01");
    expect(data.levels).toEqual([{ kind: "stretch", value: 80 }]);
    expect(data.bands.map((band) => band.kind)).toEqual(["belowMinimum"]);
  });
});

// ---------- properties ----------

const day = fc.integer({ min: 0, max: 700 }).map((offset) => new Date(Date.UTC(2027, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10));
/** Measures are stored as DECIMAL(18,4): at most four decimals. */
const amount = fc.integer({ min: -1e10, max: 1e10 }).map((n) => n / 1e4);
const gap = (min: number) => fc.integer({ min: min * 1e4, max: 1e9 }).map((n) => n / 1e4);

/** A well-ordered measure in either direction (minimum ≤ target ≤ stretch from the baseline's side). */
const measure = fc
  .record({
    kind: fc.constantFrom("NUMBER" as const, "PERCENT" as const, "MILESTONES" as const, "BINARY" as const),
    baseline: amount,
    gaps: fc.tuple(gap(0), gap(1e-4), gap(0)),
    decreasing: fc.boolean(),
    start: day,
    length: fc.integer({ min: 0, max: 500 }),
  })
  .map(({ kind, baseline, gaps, decreasing, start, length }): ChartMeasure => {
    const sign = decreasing && kind !== "MILESTONES" ? -1 : 1;
    let minimum = baseline + sign * gaps[0];
    let target = minimum + sign * gaps[1];
    let stretch = target + sign * gaps[2];
    let base = baseline;
    if (kind === "PERCENT") {
      // a percentage goal runs inside 0–100 with the target away from the baseline
      base = Math.min(99, Math.max(0, base));
      const clamp = (v: number) => Math.min(100, Math.max(0, v));
      [minimum, target, stretch] = [clamp(minimum), clamp(target), clamp(stretch)];
      if (target === base) [base, target] = [decreasing ? 100 : 0, decreasing ? 0 : 100];
    }
    if (kind === "MILESTONES") [base, minimum, target, stretch] = [0, Math.round(gaps[0] % 5), Math.round(gaps[0] % 5) + 1, Math.round(gaps[0] % 5) + 2];
    const due = new Date(timeOf(start) + length * 86_400_000).toISOString().slice(0, 10);
    return { measureType: kind, baseline: base, minimum, target, stretch, startDate: start, dueDate: due };
  });

const checkIns = fc.array(
  fc.record({ date: day, value: amount, confidence: fc.option(fc.integer({ min: 1, max: 10 })), replaced: fc.boolean() }),
  { maxLength: 20 },
);

/** What the server would store for a reading of this measure. */
function readingOf(m: ChartMeasure, value: number): number {
  if (m.measureType === "BINARY") return value > 0 ? 1 : 0;
  if (m.measureType === "PERCENT") return Math.min(100, Math.max(0, value));
  if (m.measureType === "MILESTONES") return Math.abs(Math.round(value)) % 8;
  return value;
}

function chartOf(m: ChartMeasure, raw: { date: string; value: number; confidence: number | null; replaced: boolean }[]) {
  const list = raw.map((entry, index) =>
    checkIn(entry.date < m.startDate ? m.startDate : entry.date, readingOf(m, entry.value), {
      id: `p${index}`,
      confidence: entry.confidence,
      replacedById: entry.replaced ? "someone" : null,
    }),
  );
  return { list, data: chartDataOf(m, list, "2027-06-01") };
}

describe("chart properties", () => {
  test.prop([measure, checkIns])("every number is finite and every point and band lies inside the value axis", (m, raw) => {
    const { data } = chartOf(m, raw);
    const [low, high] = data.yDomain;
    expect(Number.isFinite(low) && Number.isFinite(high) && low < high).toBe(true);
    for (const row of data.rows) {
      for (const value of [row.value, row.ideal, row.time]) if (value !== null) expect(Number.isFinite(value)).toBe(true);
      if (row.value !== null) expect(row.value >= low && row.value <= high).toBe(true);
      if (row.ideal !== null) expect(row.ideal >= low - 1e-9 && row.ideal <= high + 1e-9).toBe(true);
    }
    for (const band of data.bands) expect(low <= band.from && band.from < band.to && band.to <= high).toBe(true);
    expect(data.yTicks[0]).toBe(low);
    expect(data.yTicks.at(-1)).toBe(high);
  });

  test.prop([measure, checkIns])("bands never overlap and follow the goal's direction", (m, raw) => {
    const { data } = chartOf(m, raw);
    const order = ["belowMinimum", "minimumToTarget", "targetToStretch"];
    const bands = [...data.bands].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
    for (let index = 1; index < bands.length; index++) {
      const [worse, better] = [bands[index - 1]!, bands[index]!];
      if (data.direction === 1) expect(worse.to).toBeLessThanOrEqual(better.from);
      else expect(worse.from).toBeGreaterThanOrEqual(better.to);
    }
  });

  test.prop([measure, checkIns])("rows run in date order, one per day, with each standing check-in once and no replaced one", (m, raw) => {
    const { list, data } = chartOf(m, raw);
    const times = data.rows.map((row) => row.time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(data.rows.map((row) => row.date)).size).toBe(data.rows.length);
    const shown = data.points.map((row) => row.checkInId);
    expect(shown).toEqual(currentCheckIns(list).map((c) => c.id));
    for (const id of shown) expect(list.find((c) => c.id === id)!.replacedById).toBeNull();
    expect(data.xDomain[0]).toBeLessThanOrEqual(timeOf(m.startDate));
    expect(data.xDomain[1]).toBeGreaterThanOrEqual(timeOf(m.dueDate));
  });

  test.prop([measure, day])("the ideal path runs from the baseline at the start to the target at the due date, never overshooting", (m, date) => {
    const start = m.measureType === "MILESTONES" || m.measureType === "BINARY" ? 0 : m.baseline;
    const target = m.measureType === "BINARY" ? 1 : m.target;
    if (m.dueDate > m.startDate) expect(idealAt(m, m.startDate)).toBe(start);
    expect(idealAt(m, m.dueDate)).toBeCloseTo(target, 6);
    const ideal = idealAt(m, date);
    if (date < m.startDate || date > m.dueDate) expect(ideal).toBeNull();
    else expect(ideal! >= Math.min(start, target) - 1e-6 && ideal! <= Math.max(start, target) + 1e-6).toBe(true);
  });

  test.prop([measure, day, day])("the ideal path moves toward the target as time passes", (m, a, b) => {
    const [early, late] = a <= b ? [a, b] : [b, a];
    const first = idealAt(m, early);
    const second = idealAt(m, late);
    if (first === null || second === null) return;
    const start = m.measureType === "MILESTONES" || m.measureType === "BINARY" ? 0 : m.baseline;
    const target = m.measureType === "BINARY" ? 1 : m.target;
    expect((second - first) * Math.sign(target - start)).toBeGreaterThanOrEqual(-1e-9);
  });

  test.prop([measure, checkIns])("a decreasing goal mirrors an increasing one: same points, the bands on the other side", (m, raw) => {
    fc.pre(m.measureType === "NUMBER");
    const mirrored: ChartMeasure = { ...m, baseline: -m.baseline, minimum: -m.minimum, target: -m.target, stretch: -m.stretch };
    const one = chartOf(m, raw).data;
    const other = chartOf(mirrored, raw.map((entry) => ({ ...entry, value: -entry.value }))).data;
    expect(other.direction).toBe(-one.direction || 1);
    expect(other.points.map((row) => row.level)).toEqual(one.points.map((row) => row.level));
    expect(other.bands.map((band) => band.kind)).toEqual(one.bands.map((band) => band.kind));
  });
});
