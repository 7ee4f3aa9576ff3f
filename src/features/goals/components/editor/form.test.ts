import { describe, expect, it } from "vitest";
import { ZGoalFields, type GoalDetail } from "@/features/goals/goals.schema";
import {
  coachGoalFromForm,
  defaultStartDate,
  errorsForForm,
  fieldsFromForm,
  formFromDetail,
  formSnapshot,
  levelSuffix,
  moveItem,
  newForm,
  rebaseForm,
  withStoredStepIds,
  type EditorForm,
} from "./form";

const PERIOD = "6f1e2a4c-0000-4000-8000-000000000001";
const PARENT = "6f1e2a4c-0000-4000-8000-000000000002";
const STEP = "6f1e2a4c-0000-4000-8000-000000000003";

const blank = (): EditorForm =>
  newForm({ level: "INDIVIDUAL", ownerId: "me", teamId: "", periodId: PERIOD, parentGoalId: "", startDate: "2027-01-10" });

const filled = (): EditorForm => ({
  ...blank(),
  title: "Snabbare kundsvar",
  parentGoalId: PARENT,
  contribution: "Kortare svarstider höjer kundnöjdheten.",
  statement: "Svara på varje kundärende inom 4 timmar för att uppnå en NKI på 80 innan 30 juni 2027.",
  action: "Svara på varje kundärende inom 4 timmar",
  measureType: "NUMBER",
  unit: "NKI",
  decimals: "1",
  baseline: "72,5",
  minimum: "76",
  target: "80",
  stretch: "85",
  motivation: 8,
  likelihood: 7,
  startDate: "2027-01-10",
  dueDate: "2027-06-30",
  cadence: "BIWEEKLY",
  steps: [
    { key: STEP, id: STEP, title: "Sätt upp kön", dueDate: "2027-02-01", done: true },
    { key: "new-1", title: "Mät svarstider", dueDate: "", done: false },
    { key: "new-2", title: " ", dueDate: "", done: false },
  ],
});

describe("fieldsFromForm", () => {
  it("turns the typed text into API values the shared schema accepts", () => {
    const { fields, stepKeys, errors } = fieldsFromForm(filled());
    expect(errors).toEqual({});
    expect(ZGoalFields.safeParse(fields).success).toBe(true);
    expect(fields).toMatchObject({
      kind: "PERFORMANCE",
      parentGoalId: PARENT,
      measureType: "NUMBER",
      unit: "NKI",
      decimals: 1,
      baseline: 72.5,
      minimum: 76,
      target: 80,
      stretch: 85,
      startDate: "2027-01-10",
      dueDate: "2027-06-30",
      cadence: "BIWEEKLY",
      motivation: 8,
      importance: null,
    });
    // the empty row is dropped, the stored one keeps its id
    expect(fields.steps).toEqual([
      { id: STEP, title: "Sätt upp kön", dueDate: "2027-02-01" },
      { title: "Mät svarstider", dueDate: null },
    ]);
    expect(stepKeys).toEqual([STEP, "new-1"]);
  });

  it("sends empty choices as null", () => {
    const { fields } = fieldsFromForm(blank());
    expect(fields).toMatchObject({ parentGoalId: null, measureType: null, dataSource: null, cadence: null, dueDate: null, baseline: null });
  });

  it("names numbers that do not parse instead of sending them", () => {
    const { fields, errors } = fieldsFromForm({ ...filled(), target: "80 st", decimals: "7" });
    expect(fields.target).toBeNull();
    expect(errors).toEqual({ target: ["goalEditor.errors.number"], decimals: ["goalEditor.errors.decimals"] });
  });

  it("sends no levels for a done/not-done goal and a zero baseline for milestones", () => {
    expect(fieldsFromForm({ ...filled(), measureType: "BINARY" }).fields).toMatchObject({ baseline: null, minimum: null, target: null, stretch: null });
    expect(fieldsFromForm({ ...filled(), measureType: "MILESTONES", baseline: "9" }).fields).toMatchObject({ baseline: 0, target: 80, unit: "", decimals: 0 });
  });

  it("keeps what only fits some goals out of the others", () => {
    const team = fieldsFromForm({ ...filled(), level: "TEAM", kind: "DEVELOPMENT", learning: "Ledarskap" }).fields;
    expect(team.kind).toBe("PERFORMANCE");
    expect(team.learning).toBe("");
    const development = fieldsFromForm({ ...filled(), kind: "DEVELOPMENT", learning: "Ledarskap" }).fields;
    expect(development.learning).toBe("Ledarskap");
    expect(fieldsFromForm({ ...filled(), parentGoalId: "" }).fields.contribution).toBe("");
  });

  it("reads the link's weight in the parent's roll-up, in either decimal sign, and only when linked", () => {
    expect(fieldsFromForm({ ...filled(), linkWeight: "2,5" }).fields.linkWeight).toBe(2.5);
    expect(fieldsFromForm({ ...filled(), linkWeight: "abc" }).errors.linkWeight).toEqual(["goalEditor.errors.number"]);
    expect(fieldsFromForm({ ...filled(), linkWeight: "" }).errors.linkWeight).toEqual(["goalEditor.errors.number"]);
    expect(fieldsFromForm({ ...filled(), parentGoalId: "", linkWeight: "abc" }).fields.linkWeight).toBe(1);
  });
});

describe("formFromDetail", () => {
  it("is the inverse of fieldsFromForm for a stored goal", () => {
    const { fields } = fieldsFromForm(filled());
    const { steps: _steps, ...rest } = fields;
    const detail = {
      level: "INDIVIDUAL",
      owner: { membershipId: "me", name: "Elin" },
      team: null,
      fields: rest,
      steps: [
        { id: STEP, title: "Sätt upp kön", dueDate: "2027-02-01", done: true },
        { id: "6f1e2a4c-0000-4000-8000-000000000004", title: "Mät svarstider", dueDate: null, done: false },
      ],
    } satisfies Pick<GoalDetail, "level" | "owner" | "team" | "fields" | "steps">;
    const form = formFromDetail(detail, "sv");
    expect(form.baseline).toBe("72,5");
    expect(form.decimals).toBe("1");
    expect(form.steps[1]).toMatchObject({ id: "6f1e2a4c-0000-4000-8000-000000000004", title: "Mät svarstider", dueDate: "", done: false });
    expect(formSnapshot(form)).toBe(formSnapshot(filled()));
    expect(formFromDetail(detail, "en").baseline).toBe("72.5");
  });
});

describe("formSnapshot", () => {
  it("does not see a different way of writing the same number", () => {
    expect(formSnapshot({ ...filled(), baseline: "72.5" })).toBe(formSnapshot(filled()));
  });
  it("sees every real change, also to text that does not parse", () => {
    expect(formSnapshot({ ...filled(), title: "Annat" })).not.toBe(formSnapshot(filled()));
    expect(formSnapshot({ ...filled(), target: "8o" })).not.toBe(formSnapshot({ ...filled(), target: "8p" }));
    expect(formSnapshot({ ...filled(), steps: [...filled().steps].reverse() })).not.toBe(formSnapshot(filled()));
  });
});

describe("errorsForForm", () => {
  it("ties step errors to the row's key, not its position", () => {
    expect(errorsForForm({ "steps.1.title": ["x"], title: ["y"], "steps.9.title": ["z"] }, ["a", "b"])).toEqual({
      "steps.b.title": ["x"],
      title: ["y"],
      "steps.9.title": ["z"],
    });
  });
});

describe("rebaseForm", () => {
  it("keeps what I changed and takes the rest from the newest version", () => {
    const base = filled();
    const mine = { ...base, title: "Mitt namn", motivation: 9 };
    const theirs = { ...base, title: "Deras namn", risks: "Sjukdom", version: 2 } as EditorForm;
    expect(rebaseForm(base, mine, theirs)).toMatchObject({ title: "Mitt namn", motivation: 9, risks: "Sjukdom" });
  });
  it("treats the plan as one field", () => {
    const base = filled();
    const mine = { ...base, steps: base.steps.slice(0, 1) };
    const theirs = { ...base, steps: [] };
    expect(rebaseForm(base, mine, theirs).steps).toEqual(mine.steps);
    expect(rebaseForm(base, base, theirs).steps).toEqual([]);
  });
});

describe("withStoredStepIds", () => {
  it("gives new rows the ids the server stored, while the rows are still there", () => {
    const form = filled();
    const result = withStoredStepIds(form, [STEP, "new-1"], [STEP, "id-2"]);
    expect(result.steps.map((step) => step.id)).toEqual([STEP, "id-2", undefined]);
    expect(withStoredStepIds(form, [STEP, "new-1"], [STEP])).toBe(form);
  });
});

describe("coachGoalFromForm", () => {
  it("hands the coach the form with parsed numbers, the period and the context", () => {
    const goal = coachGoalFromForm(filled(), { startDate: "2027-01-01", endDate: "2027-06-30" }, { aligned: true, otherActiveGoals: 2, goalCap: 5 });
    expect(goal).toMatchObject({
      level: "INDIVIDUAL",
      baseline: 72.5,
      period: { startDate: "2027-01-01", endDate: "2027-06-30" },
      aligned: true,
      otherActiveGoals: 2,
      goalCap: 5,
    });
    expect(goal.steps).toEqual([
      { title: "Sätt upp kön", dueDate: "2027-02-01" },
      { title: "Mät svarstider", dueDate: null },
    ]);
  });
});

describe("defaultStartDate and moveItem", () => {
  it("starts today inside the period, else at its start", () => {
    const period = { startDate: "2027-01-01", endDate: "2027-06-30" };
    expect(defaultStartDate("2027-03-05", period)).toBe("2027-03-05");
    expect(defaultStartDate("2026-11-28", period)).toBe("2027-01-01");
    expect(defaultStartDate("2027-08-01", period)).toBe("2027-01-01");
    expect(defaultStartDate("2027-08-01", null)).toBe("2027-08-01");
  });
  it("moves one place and stays put at the ends", () => {
    expect(moveItem(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveItem(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
  });
});

describe("levelSuffix", () => {
  it("shows the unit of numbers and a percent sign for percentages", () => {
    expect(levelSuffix({ measureType: "PERCENT", unit: "x" })).toBe(" %");
    expect(levelSuffix({ measureType: "NUMBER", unit: " kr " })).toBe(" kr");
    expect(levelSuffix({ measureType: "NUMBER", unit: "" })).toBe("");
    expect(levelSuffix({ measureType: "MILESTONES", unit: "st" })).toBe("");
  });
});
