import { randomUUID } from "node:crypto";
import {
  CADENCE_DAYS,
  expectedProgressPoints,
  isStale,
  progressOf,
  standingOf,
  stretchProgress,
  type GoalHealth,
  type Measure,
} from "../../src/features/goals/attainment";
import { addDays, measureOf, todayOf } from "../../src/features/checkins/progress";
import { DEFAULT_ORGANIZATION_SETTINGS } from "../../src/features/organizations/settings";
import type { PrismaClient } from "../../src/server/db/generated/client";
import { Prisma } from "../../src/server/db/generated/client";
import type { DemoOrganization } from "./demo-data";
import type { DemoGoalFact, DemoIds } from "./demo-goals";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * Six months of check-ins for the demo organisations' active goals. Each goal gets a
 * situation (on track, at risk, off track, achieved, stale) chosen so that the organisation
 * shows a believable mix; its last value is then placed so that the attainment rules give
 * exactly that status at `now`, and the earlier values walk there from the baseline.
 * Deterministic for a given `now`: every "random" choice is a hash of the goal's key.
 */

/** The demo organisations use the default settings; the seed must agree with what the app computes. */
const SETTINGS = DEFAULT_ORGANIZATION_SETTINGS;
/** How far back the history reaches. */
const HISTORY_DAYS = 182;
/** The mix aimed for among goals that are not stale (stale ones are about a tenth on top). */
const MIX: Record<Situation, number> = { ON_TRACK: 0.5, AT_RISK: 0.22, OFF_TRACK: 0.16, ACHIEVED: 0.12 };
const STALE_SHARE = 0.1;

type Situation = "ON_TRACK" | "AT_RISK" | "OFF_TRACK" | "ACHIEVED";
const SITUATIONS: readonly Situation[] = ["ON_TRACK", "AT_RISK", "OFF_TRACK", "ACHIEVED"];

/** The people the walkthroughs rely on (see the brief of the check-in journey in e2e/check-ins.spec.ts). */
const EMPLOYEE_EMAIL = "medarbetare@exempel.se";
const MANAGER_EMAIL = "chef@exempel.se";
/** Goals that carry a corrected typo: one in the middle of the history, one on the latest check-in. */
const CORRECTIONS: Record<string, "middle" | "latest"> = { revenue: "middle", nps: "latest", ontime: "latest" };

// ---------- deterministic "randomness" ----------

/** A number in [0, 1) from the parts: FNV-1a, then a final avalanche so nearby keys spread. */
function unit(...parts: (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const char of parts.join("|")) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x45d9f3b);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 4_294_967_296;
}

function pick<T>(items: readonly T[], ...parts: (string | number)[]): T {
  return items[Math.floor(unit(...parts) * items.length)]!;
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

// ---------- placing the current value ----------

type Placed = { value: number; confidence: number; status: GoalHealth };

/** Every value the goal's measure can take, rounded to its decimals (a coarser grid for huge ranges). */
function candidateValues(goal: DemoGoalFact, measure: Measure): number[] {
  if (goal.measureType === "BINARY") return [0, 1];
  if (goal.measureType === "MILESTONES") return Array.from({ length: goal.stepIds.length + 1 }, (_, count) => count);
  const low = Math.min(measure.baseline, measure.stretch);
  const high = Math.max(measure.baseline, measure.stretch);
  let step = 10 ** -goal.decimals;
  while ((high - low) / step > 2000) step *= 10;
  const values: number[] = [];
  for (let value = Math.ceil(low / step) * step; value <= high + step / 2; value += step) {
    const rounded = Number(value.toFixed(goal.decimals));
    if (goal.measureType === "PERCENT" && (rounded < 0 || rounded > 100)) continue;
    values.push(rounded);
  }
  return values;
}

/**
 * The value nearest to `wanted` progress (a fraction) whose status at `today` is `status`,
 * with the given confidence; null when the measure's steps cannot express that status.
 */
function placeValue(goal: DemoGoalFact, measure: Measure, today: string, status: GoalHealth, confidence: number, wanted: number): Placed | null {
  let best: Placed | null = null;
  let bestDistance = Infinity;
  for (const value of candidateValues(goal, measure)) {
    const standing = standingOf({
      measure,
      reading: value,
      confidence,
      startDate: goal.startDate,
      dueDate: goal.dueDate,
      today,
      rules: SETTINGS,
    });
    if (standing.status !== status) continue;
    const distance = Math.abs(progressOf(measure, value) - wanted);
    if (distance < bestDistance) {
      best = { value, confidence, status };
      bestDistance = distance;
    }
  }
  return best;
}

/** The goal's current value and confidence for a situation at `today`, or null when it cannot show it. */
function placeSituation(goal: DemoGoalFact, measure: Measure, today: string, situation: Situation): Placed | null {
  const expected = expectedProgressPoints(goal.startDate, goal.dueDate, today) / 100;
  const jitter = unit(goal.key, "jitter") - 0.5;
  const pastDue = today > goal.dueDate;
  if (situation === "ACHIEVED") {
    const wanted = Math.min(stretchProgress(measure), 1.02 + 0.12 * (jitter + 0.5));
    return placeValue(goal, measure, today, "ACHIEVED", pick([8, 9, 9, 10], goal.key, "confidence"), wanted);
  }
  // after the due date every goal short of its target is OVERDUE; the situation only says how far it got
  if (pastDue) {
    const wanted = { ON_TRACK: 0.9, AT_RISK: 0.75, OFF_TRACK: 0.5 }[situation] + 0.06 * jitter;
    return placeValue(goal, measure, today, "OVERDUE", situation === "OFF_TRACK" ? 3 : 5, wanted);
  }
  switch (situation) {
    case "ON_TRACK":
      return placeValue(goal, measure, today, "ON_TRACK", pick([7, 7, 8, 8, 9], goal.key, "confidence"), Math.min(0.97, expected - 0.03 + 0.05 * jitter));
    case "AT_RISK":
      // behind the plan, or on the plan but the owner doubts it will hold
      return (
        placeValue(goal, measure, today, "AT_RISK", pick([5, 6], goal.key, "confidence"), expected - 0.17 + 0.06 * jitter) ??
        placeValue(goal, measure, today, "AT_RISK", 4, Math.min(0.97, expected - 0.04))
      );
    case "OFF_TRACK":
      return placeValue(goal, measure, today, "OFF_TRACK", pick([2, 3, 3, 4], goal.key, "confidence"), Math.max(0.15, expected - 0.4 + 0.15 * jitter));
  }
}

// ---------- the plan ----------

type Author = "owner" | "manager";
type Category = "start" | "steady" | "slow" | "stuck" | "achieved" | "late" | "manager";

export type PlannedCheckIn = {
  goalKey: string;
  goalId: string;
  effectiveDate: string;
  value: number;
  doneStepIds: string[];
  confidence: number;
  comment: string;
  authorId: string;
  createdAt: Date;
  /** index (in the plan) of the check-in this one corrects */
  replaces: number | null;
};

export type GoalPlan = { goalKey: string; situation: Situation; stale: boolean; status: GoalHealth; lastDate: string };

type GoalSetup = { goal: DemoGoalFact; measure: Measure; situation: Situation; stale: boolean; placed: Placed; lastOffset: number };

/** The shape of the path toward the current value: below 1 moves early and then slows down. */
const PATH_SHAPE: Record<Situation, number> = { ON_TRACK: 1, AT_RISK: 0.85, OFF_TRACK: 0.55, ACHIEVED: 0.9 };
/** The confidence at the start of the history. */
const FIRST_CONFIDENCE: Record<Situation, number> = { ON_TRACK: 7, AT_RISK: 7, OFF_TRACK: 6, ACHIEVED: 6 };

function assignSituations(org: DemoOrganization, goals: DemoGoalFact[], today: string): GoalSetup[] {
  const managerOf = new Map(org.memberships.map((member) => [member.userEmail, member.managerEmail]));
  const employeeGoal = `p1:${EMPLOYEE_EMAIL}`;
  // a second report of the manager, besides the employee, whose check-in is overdue
  const overdueReport = org.memberships.find((member) => member.managerEmail === MANAGER_EMAIL && member.userEmail !== EMPLOYEE_EMAIL);
  const overdueGoal = overdueReport ? `p1:${overdueReport.userEmail}` : null;
  const forced = new Set([employeeGoal, overdueGoal, ...Object.keys(CORRECTIONS)]);

  const eligible = goals
    .filter((goal) => goal.status === "ACTIVE" && daysBetween(goal.startDate, today) > CADENCE_DAYS[goal.cadence])
    .sort((a, b) => unit(a.key, "order") - unit(b.key, "order"));
  const staleCount = Math.round(eligible.length * STALE_SHARE);
  const staleKeys = new Set(
    eligible
      .filter((goal) => !forced.has(goal.key) && managerOf.get(goal.ownerEmail) !== null)
      .sort((a, b) => unit(a.key, "stale") - unit(b.key, "stale"))
      .slice(0, staleCount)
      .map((goal) => goal.key),
  );

  const counts: Record<Situation, number> = { ON_TRACK: 0, AT_RISK: 0, OFF_TRACK: 0, ACHIEVED: 0 };
  let assigned = 0;
  const setups: GoalSetup[] = [];
  for (const goal of eligible) {
    const measure = measureOf({ ...goal, status: "ACTIVE" })!;
    const stale = staleKeys.has(goal.key);
    const options = SITUATIONS.map((situation) => ({ situation, placed: placeSituation(goal, measure, today, situation) })).filter(
      (option): option is { situation: Situation; placed: Placed } => option.placed !== null,
    );
    let choice: { situation: Situation; placed: Placed } | undefined;
    if (goal.key === employeeGoal) {
      // due for a check-in and short of the target, so the walkthrough's check-in visibly moves it
      choice = options.find((option) => option.situation === "AT_RISK") ?? options.find((option) => option.situation === "OFF_TRACK");
    } else if (stale) {
      // nobody has reported for a while: such goals have fallen behind
      const wanted = unit(goal.key, "stale-situation") < 0.5 ? "AT_RISK" : "OFF_TRACK";
      choice = options.find((option) => option.situation === wanted) ?? options.find((option) => option.situation !== "ACHIEVED");
    } else {
      // the situation furthest below its share of the mix so far
      const gap = (situation: Situation) => MIX[situation] * (assigned + 1) - counts[situation] + unit(goal.key, situation) * 0.01;
      choice = [...options].sort((a, b) => gap(b.situation) - gap(a.situation))[0];
      if (choice) {
        counts[choice.situation] += 1;
        assigned += 1;
      }
    }
    if (!choice) throw new Error(`Demo check-ins: no situation fits goal ${goal.key}`);

    const cadence = CADENCE_DAYS[goal.cadence];
    const staleAfter = Math.floor(SETTINGS.staleAfterCadences * cadence);
    let lastOffset: number;
    if (goal.key === employeeGoal) lastOffset = cadence + 3;
    else if (goal.key === overdueGoal) lastOffset = cadence + 8;
    else if (stale) lastOffset = staleAfter + 5 + Math.floor(unit(goal.key, "offset") * 25);
    else if (!forced.has(goal.key) && unit(goal.key, "late") < 0.15) lastOffset = cadence + 1 + Math.floor(unit(goal.key, "offset") * (staleAfter - cadence - 2));
    else lastOffset = 2 + Math.floor(unit(goal.key, "offset") * (cadence - 5));

    const lastDate = addDays(today, -lastOffset);
    if (isStale({ startDate: goal.startDate, lastCheckInDate: lastDate, cadence: goal.cadence, staleAfterCadences: SETTINGS.staleAfterCadences, today }) !== stale) {
      throw new Error(`Demo check-ins: goal ${goal.key} would not be ${stale ? "stale" : "fresh"} as planned`);
    }
    setups.push({ goal, measure, situation: choice.situation, stale, placed: choice.placed, lastOffset });
  }
  return setups;
}

/** Check-in dates, oldest first: one per cadence, a few days either way, back to the start of the history. */
function datesOf(setup: GoalSetup, today: string): string[] {
  const { goal } = setup;
  const earliest = [goal.startDate, addDays(today, -HISTORY_DAYS)].sort().at(-1)!;
  const dates = [addDays(today, -setup.lastOffset)];
  for (let index = 1; ; index++) {
    const next = addDays(dates.at(-1)!, -(CADENCE_DAYS[goal.cadence] + Math.floor(unit(goal.key, "gap", index) * 7) - 3));
    if (next < earliest) break;
    dates.push(next);
  }
  return dates.reverse();
}

function roundValue(goal: DemoGoalFact, value: number): number {
  const rounded = Number(value.toFixed(goal.decimals));
  return goal.measureType === "PERCENT" ? clamp(rounded, 0, 100) : rounded;
}

/** The value of a check-in part of the way (`share` of the elapsed time) toward the current value. */
function valueAt(setup: GoalSetup, share: number, index: number, isLast: boolean): { value: number; doneStepIds: string[] } {
  const { goal, measure, placed, situation } = setup;
  if (isLast) {
    return { value: placed.value, doneStepIds: goal.measureType === "MILESTONES" ? goal.stepIds.slice(0, placed.value) : [] };
  }
  const shaped = share ** PATH_SHAPE[situation];
  if (goal.measureType === "BINARY") return { value: 0, doneStepIds: [] };
  if (goal.measureType === "MILESTONES") {
    const count = clamp(Math.floor(placed.value * shaped + 0.35), 0, placed.value);
    return { value: count, doneStepIds: goal.stepIds.slice(0, count) };
  }
  const span = measure.target - measure.baseline;
  const finalShare = (placed.value - measure.baseline) / span;
  const noise = (unit(goal.key, "noise", index) - 0.5) * 0.08;
  // below the target until it is reached for real; an off-track goal may have slipped back
  const ceiling = situation === "ACHIEVED" ? (measure.stretch - measure.baseline) / span : Math.min(0.97, finalShare + (situation === "OFF_TRACK" ? 0.08 : 0.03));
  let value = roundValue(goal, measure.baseline + clamp(finalShare * shaped + noise, -0.03, ceiling) * span);
  // rounding must not reach the target early for a goal whose story is that it has not
  if (situation !== "ACHIEVED" && progressOf(measure, value) >= 1) value = roundValue(goal, value - Math.sign(span) * 10 ** -goal.decimals);
  return { value, doneStepIds: [] };
}

/** Every check-in of one goal, oldest first; the manager writes some of them. */
function checkInsOf(setup: GoalSetup, today: string, memberIds: { owner: string; manager: string | null }, language: Language): Omit<PlannedCheckIn, "replaces">[] {
  const { goal, measure, placed, situation } = setup;
  const dates = datesOf(setup, today);
  const lastDate = dates.at(-1)!;
  let previousComment = "";
  const span = Math.max(1, daysBetween(goal.startDate, lastDate));
  // BINARY: done at the last check-in or the one before it
  const doneFrom = goal.measureType === "BINARY" && placed.value === 1 ? dates.length - 1 - (unit(goal.key, "done") < 0.5 ? 1 : 0) : Infinity;
  return dates.map((date, index) => {
    const isLast = index === dates.length - 1;
    const share = daysBetween(goal.startDate, date) / span;
    const reading = index >= doneFrom ? { value: 1, doneStepIds: [] } : valueAt(setup, share, index, isLast);
    const firstConfidence = FIRST_CONFIDENCE[situation];
    const confidence = isLast
      ? placed.confidence
      : clamp(Math.round(firstConfidence + (placed.confidence - firstConfidence) * share + (unit(goal.key, "conf", index) - 0.5) * 1.6), 1, 10);
    const author: Author = memberIds.manager !== null && unit(goal.key, "author", index) < 0.15 ? "manager" : "owner";
    const category: Category =
      author === "manager"
        ? "manager"
        : index === 0
          ? "start"
          : categoryOf(measure, reading.value, situation, share, date > goal.dueDate);
    const createdAt = new Date(`${date}T07:00:00.000Z`);
    createdAt.setUTCMinutes(Math.floor(unit(goal.key, "time", index) * 600));
    return {
      goalKey: goal.key,
      goalId: goal.id,
      effectiveDate: date,
      value: reading.value,
      doneStepIds: reading.doneStepIds,
      confidence,
      comment: unit(goal.key, "silent", index) < 0.08 ? "" : (previousComment = commentFor(language, category, goal, reading.value, `${goal.key}|${index}`, previousComment)),
      authorId: author === "manager" ? memberIds.manager! : memberIds.owner,
      createdAt,
    };
  });
}

function categoryOf(measure: Measure, value: number, situation: Situation, share: number, late: boolean): Category {
  if (progressOf(measure, value) >= 1) return "achieved";
  if (late) return "late";
  if (situation === "OFF_TRACK") return share > 0.6 ? "stuck" : share > 0.35 ? "slow" : "steady";
  if (situation === "AT_RISK") return share > 0.7 ? "slow" : "steady";
  return "steady";
}

// ---------- comments ----------

type Language = "sv" | "en";

/** A handful of ways to say each thing; `{value}` is the reading with its unit. */
const COMMENTS: Record<Language, Record<Category | "correction", string[]>> = {
  sv: {
    start: [
      "Första avstämningen. Arbetet har kommit igång och vi har en plan för hösten.",
      "Nu mäter vi varje månad på samma sätt. Första siffran i den nya rapporten: {value}.",
      "Uppstart klar, rutinerna för att följa upp är på plats.",
      "Kommit igång. Det mesta av tiden har gått till att planera, resultatet kommer sen.",
    ],
    steady: [
      "Ligger på {value}, i takt med planen.",
      "Bra månad, det rör sig åt rätt håll.",
      "Stabil utveckling. Fortsätter som planerat.",
      "Nu på {value}. Det nya arbetssättet börjar sätta sig.",
      "Jämn takt. Inget särskilt att rapportera den här gången.",
      "Det går framåt, men semestrarna märktes lite.",
      "{value} just nu. Kollegorna har hjälpt till mycket.",
    ],
    slow: [
      "Lite efter planen. Vi har fått lägga tid på annat den här månaden.",
      "{value} nu, det går långsammare än jag hoppats.",
      "Tappade fart efter sommaren. Behöver prioritera om.",
      "Några sjukdagar i teamet har satt oss lite efter.",
      "Går framåt men inte i den takt som behövs. Tar upp det med min chef.",
    ],
    stuck: [
      "Står still på {value}. Vi behöver hjälp att lösa blockeringen.",
      "Har inte kommit vidare. Andra uppgifter har tagit all tid.",
      "Svårt att se att vi når målet i år utan mer resurser.",
      "Ingen förbättring sedan förra gången. Behöver prata om vad vi kan skala bort.",
      "Tyvärr bakåt i månaden, {value}. Beroendet till leverantören är fortfarande olöst.",
    ],
    achieved: [
      "Målet nått! {value} och fortfarande på väg uppåt.",
      "Vi är i mål. Nu handlar det om att hålla nivån.",
      "Nådde målnivån den här månaden, {value}. Stort tack till alla som hjälpt till.",
      "I mål med marginal. Börjar titta på sträckmålet.",
    ],
    late: [
      "Slutdatumet har passerat och vi kom till {value}. Vi tar med lärdomarna till nästa år.",
      "Nådde inte ända fram före slutdatumet. Sista biten kräver mer än vi hann med.",
      "Sista avstämningen: {value}. Inte hela vägen, men en tydlig förbättring.",
    ],
    manager: [
      "Uppdaterat efter vårt avstämningsmöte.",
      "Vi gick igenom läget tillsammans i dag, siffran stämmer.",
      "Noterat på månadsmötet. Vi följer upp igen om en månad.",
      "Registrerat efter samtal med målägaren.",
    ],
    correction: ["Rättar en felskrivning: det ska vara {value}.", "Fel siffra förra gången, rätt värde är {value}."],
  },
  en: {
    start: [
      "First check-in. The work has started and we have a plan for the autumn.",
      "We now measure the same way every month. First figure in the new report: {value}.",
      "Set-up done; the routine for tracking this is in place.",
      "Off the ground. Most of the time went into planning so far.",
    ],
    steady: [
      "At {value}, in line with the plan.",
      "Good month, moving the right way.",
      "Steady progress. Carrying on as planned.",
      "Now {value}. The new way of working is settling in.",
      "Even pace, nothing special to report this time.",
      "{value} at the moment. The team has helped a lot.",
    ],
    slow: [
      "A little behind. Other work took time this month.",
      "{value} now; slower than I hoped.",
      "Lost some pace over the summer. Need to reprioritise.",
      "Moving, but not fast enough. Raising it with my manager.",
    ],
    stuck: [
      "Stuck at {value}. We need help to clear the blocker.",
      "No progress since last time; the peak season took everyone.",
      "Hard to see us reaching the target this year without more people.",
      "Went backwards this month, {value}. The carrier issue is still open.",
    ],
    achieved: [
      "Target reached! {value} and still improving.",
      "We are there. Now it is about holding the level.",
      "Hit the target this month at {value}. Thanks to everyone who helped.",
    ],
    late: [
      "Past the due date at {value}. We take the lessons into next year.",
      "Did not quite get there before the due date.",
      "Final check-in: {value}. Not all the way, but clearly better than where we started.",
    ],
    manager: ["Updated after our one-to-one.", "We went through this together today; the figure is right.", "Noted at the monthly review. Will follow up next month."],
    correction: ["Correcting a typo: it should be {value}.", "Wrong figure last time; the right value is {value}."],
  },
};

function formatReading(language: Language, goal: DemoGoalFact, value: number): string {
  const locale = language === "sv" ? "sv-SE" : "en-GB";
  if (goal.measureType === "MILESTONES") {
    return language === "sv" ? `${value} av ${goal.stepIds.length} delmål` : `${value} of ${goal.stepIds.length} milestones`;
  }
  if (goal.measureType === "BINARY") return language === "sv" ? (value >= 1 ? "klart" : "inte klart") : value >= 1 ? "done" : "not done";
  const number = new Intl.NumberFormat(locale, { minimumFractionDigits: goal.decimals, maximumFractionDigits: goal.decimals }).format(value);
  if (goal.measureType === "PERCENT") return language === "sv" ? `${number} %` : `${number}%`;
  return goal.unit ? `${number} ${goal.unit}` : number;
}

function commentFor(language: Language, category: Category | "correction", goal: DemoGoalFact, value: number, seed: string, previous = ""): string {
  const format = (template: string) => template.replace("{value}", formatReading(language, goal, value));
  // BINARY readings say little as a number; nobody writes the same sentence twice in a row
  const usable = COMMENTS[language][category].filter(
    (text) => !(goal.measureType === "BINARY" && text.includes("{value}")) && format(text).toLowerCase() !== previous.toLowerCase(),
  );
  const text = format(pick(usable.length > 0 ? usable : COMMENTS[language][category], seed, "comment"));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A plausible slip of the finger: a digit too many, or two digits swapped. */
function typoOf(goal: DemoGoalFact, value: number): number {
  if (goal.measureType === "PERCENT") {
    const digits = String(Math.round(value));
    const swapped = Number([...digits].reverse().join(""));
    return swapped !== value && swapped <= 100 ? swapped : clamp(value - 10, 0, 100);
  }
  return value * 10;
}

/**
 * The check-ins to seed for one organisation at `now`, corrections last. Pure apart from the
 * ids it is handed; exported so a test can show it is deterministic.
 */
export function planDemoCheckIns(
  org: DemoOrganization,
  ids: Pick<DemoIds, "membershipIds">,
  goals: DemoGoalFact[],
  now: Date,
): { checkIns: PlannedCheckIn[]; goals: GoalPlan[] } {
  const today = todayOf(now);
  const language: Language = org.locale === "sv" ? "sv" : "en";
  const managerOf = new Map(org.memberships.map((member) => [member.userEmail, member.managerEmail]));
  const memberId = (email: string) => {
    const id = ids.membershipIds.get(email);
    if (!id) throw new Error(`Demo check-ins refer to an unknown member: ${email}`);
    return id;
  };

  const setups = assignSituations(org, goals, today);
  const checkIns: PlannedCheckIn[] = [];
  const corrections: PlannedCheckIn[] = [];
  for (const setup of setups) {
    const manager = managerOf.get(setup.goal.ownerEmail) ?? null;
    const rows = checkInsOf(setup, today, { owner: memberId(setup.goal.ownerEmail), manager: manager === null ? null : memberId(manager) }, language);
    const corrected = CORRECTIONS[setup.goal.key];
    const first = checkIns.length;
    checkIns.push(...rows.map((row) => ({ ...row, replaces: null })));
    if (corrected && rows.length >= 3) {
      const index = first + (corrected === "latest" ? rows.length - 1 : rows.length - 3);
      const original = checkIns[index]!;
      const typo = typoOf(setup.goal, original.value);
      checkIns[index] = { ...original, value: typo };
      corrections.push({
        ...original,
        comment: commentFor(language, "correction", setup.goal, original.value, `${setup.goal.key}|correction`),
        authorId: original.authorId,
        createdAt: new Date(original.createdAt.getTime() + 2 * 3_600_000),
        replaces: index,
      });
    }
  }

  const plans = setups.map((setup) => ({
    goalKey: setup.goal.key,
    situation: setup.situation,
    stale: setup.stale,
    status: setup.placed.status,
    lastDate: addDays(today, -setup.lastOffset),
  }));
  return { checkIns: [...checkIns, ...corrections], goals: plans };
}

/**
 * Inserts the check-ins of one organisation in two bulk inserts (the corrections after the
 * check-ins they replace) and sets the milestone goals' steps to match their current check-in.
 */
export async function insertDemoCheckIns(
  tx: Tx,
  org: DemoOrganization,
  ids: Pick<DemoIds, "organizationId" | "membershipIds"> & { goals: DemoGoalFact[] },
  now: Date,
): Promise<number> {
  const { checkIns } = planDemoCheckIns(org, ids, ids.goals, now);
  const rowIds = checkIns.map(() => randomUUID());
  const rowOf = (checkIn: PlannedCheckIn, index: number) => ({
    id: rowIds[index]!,
    organizationId: ids.organizationId,
    goalId: checkIn.goalId,
    value: new Prisma.Decimal(checkIn.value),
    doneStepIds: checkIn.doneStepIds,
    confidence: checkIn.confidence,
    comment: checkIn.comment,
    effectiveDate: new Date(`${checkIn.effectiveDate}T00:00:00.000Z`),
    replacesId: checkIn.replaces === null ? null : rowIds[checkIn.replaces]!,
    authorId: checkIn.authorId,
    clientKey: `seed-${rowIds[index]}`,
    bodyDigest: "seed",
    createdAt: checkIn.createdAt,
  });
  const rows = checkIns.map(rowOf);
  await tx.checkIn.createMany({ data: rows.filter((row) => row.replacesId === null) });
  await tx.checkIn.createMany({ data: rows.filter((row) => row.replacesId !== null) });

  // A milestone step is done from the first check-in that ticked it; the current check-in decides which are done.
  const replaced = new Set(checkIns.flatMap((checkIn) => (checkIn.replaces === null ? [] : [checkIn.replaces])));
  const milestoneGoals = new Set(ids.goals.filter((goal) => goal.measureType === "MILESTONES").map((goal) => goal.id));
  const doneAt = new Map<string, string>();
  const current = new Map<string, Set<string>>();
  checkIns
    .filter((checkIn, index) => milestoneGoals.has(checkIn.goalId) && !replaced.has(index))
    .sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate))
    .forEach((checkIn) => {
      for (const stepId of checkIn.doneStepIds) if (!doneAt.has(stepId)) doneAt.set(stepId, checkIn.effectiveDate);
      current.set(checkIn.goalId, new Set(checkIn.doneStepIds));
    });
  const steps = ids.goals
    .filter((goal) => current.has(goal.id))
    .flatMap((goal) => goal.stepIds.map((stepId) => ({ stepId, doneAt: current.get(goal.id)!.has(stepId) ? `${doneAt.get(stepId)!}T00:00:00Z` : "" })));
  if (steps.length > 0) {
    await tx.$executeRaw(Prisma.sql`
      UPDATE "GoalStep" s SET "doneAt" = NULLIF(v."doneAt", '')::timestamptz
      FROM (SELECT unnest(${steps.map((step) => step.stepId)}::text[]) AS "id", unnest(${steps.map((step) => step.doneAt)}::text[]) AS "doneAt") v
      WHERE s."organizationId" = ${ids.organizationId}::uuid AND s."id" = v."id"::uuid`);
  }
  return checkIns.length;
}
