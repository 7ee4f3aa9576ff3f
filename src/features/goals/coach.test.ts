import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { assessGoal, assessStatement, type CoachGoal, type CoachLocale, type GoalAssessment } from "./coach";

const STATEMENTS: Record<CoachLocale, string> = {
  sv: "Ringa tio nya kunder i veckan för att uppnå 40 bokade möten innan 30 juni 2027",
  en: "Call ten new customers a week to achieve 40 booked meetings by 30 June 2027",
};

/** A goal the coach has nothing to say about. */
function goodGoal(locale: CoachLocale = "sv", overrides: Partial<CoachGoal> = {}): CoachGoal {
  return {
    level: "INDIVIDUAL",
    kind: "PERFORMANCE",
    statement: STATEMENTS[locale],
    action: "Ten calls to new customers every week",
    expectedEffect: "More meetings booked and a fuller pipeline",
    learning: "",
    measureType: "NUMBER",
    unit: "meetings",
    baseline: 10,
    minimum: 30,
    target: 40,
    stretch: 50,
    dataSource: "STATISTICS_REPORTS",
    dataSourceNote: "",
    followUp: "CRM report every Friday",
    motivation: 8,
    motivationWhy: "I like meeting customers",
    importance: 9,
    ifFail: "The sales target slips",
    ifSucceed: "We reach the sales target",
    likelihood: 7,
    likelihoodWhy: "Worked last spring",
    risks: "Holidays in spring",
    support: "A call list from marketing",
    adjustments: "Move calls to mornings",
    simplifications: "Use call scripts",
    deprioritised: "Internal reporting",
    helpers: "My manager",
    startDate: "2027-01-04",
    dueDate: "2027-06-30",
    period: { startDate: "2027-01-01", endDate: "2027-12-31" },
    steps: [
      { title: "List 100 prospects", dueDate: "2027-01-31" },
      { title: "Book the first 10 meetings", dueDate: "2027-02-28" },
    ],
    cadence: "WEEKLY",
    aligned: true,
    otherActiveGoals: 2,
    goalCap: 5,
    ...overrides,
  };
}

function emptyGoal(): CoachGoal {
  return {
    level: "INDIVIDUAL",
    kind: "PERFORMANCE",
    statement: "",
    action: "",
    expectedEffect: "",
    learning: "",
    measureType: null,
    unit: "",
    baseline: null,
    minimum: null,
    target: null,
    stretch: null,
    dataSource: null,
    dataSourceNote: "",
    followUp: "",
    motivation: null,
    motivationWhy: "",
    importance: null,
    ifFail: "",
    ifSucceed: "",
    likelihood: null,
    likelihoodWhy: "",
    risks: "",
    support: "",
    adjustments: "",
    simplifications: "",
    deprioritised: "",
    helpers: "",
    startDate: null,
    dueDate: null,
    period: null,
    steps: [],
    cadence: null,
    aligned: false,
    otherActiveGoals: 0,
    goalCap: 5,
  };
}

const codes = (assessment: GoalAssessment) => assessment.findings.map((finding) => finding.code);
const blockerCodes = (assessment: GoalAssessment) => assessment.blockers.map((finding) => finding.code);
const find = (assessment: GoalAssessment, code: string) => assessment.findings.find((finding) => finding.code === code);

describe("assessGoal — a complete goal", () => {
  it.each(["sv", "en"] as const)("has nothing to say in %s", (locale) => {
    const result = assessGoal(goodGoal(locale), locale);
    expect(result.findings).toEqual([]);
    expect(result.blockers).toEqual([]);
    for (const letter of ["S", "M", "A", "R", "T"] as const) {
      expect(result.letters[letter]).toEqual({ score: 100, state: "good", findings: [] });
    }
    expect(result.statement).toMatchObject({ actionFirst: true, measurableResult: true, deadline: true, hints: [] });
  });
});

describe("assessGoal — an empty goal", () => {
  it.each(["sv", "en"] as const)("does not throw and lists what blocks activation (%s)", (locale) => {
    const result = assessGoal(emptyGoal(), locale);
    expect(blockerCodes(result)).toEqual(["statementMissing", "actionMissing", "measureTypeMissing", "startMissing", "dueMissing", "notAligned"]);
    for (const letter of ["S", "M", "A", "R", "T"] as const) {
      expect(result.letters[letter].state).toBe("missing");
      expect(result.letters[letter].score).toBeLessThan(50);
    }
    expect(result.statement).toMatchObject({ actionFirst: false, measurableResult: false, deadline: false });
  });
});

describe("assessGoal — S", () => {
  it("blocks a statement that opens with a direction and suggests the action first", () => {
    const result = assessGoal(goodGoal("sv", { statement: "Öka antalet bokade möten till 40 innan 30 juni 2027" }), "sv");
    expect(blockerCodes(result)).toEqual(["startsWithDirection"]);
    const message = find(result, "startsWithDirection")!.message;
    expect(message).toContain("”Öka”");
    expect(message).toContain("<handling> för att öka antalet bokade möten till 40 innan 30 juni 2027");
    expect(result.letters.S.state).toBe("weak");
  });

  it("blocks a statement that opens with a subject and offers it without", () => {
    const result = assessGoal(goodGoal("en", { statement: "We will call ten new customers a week by June 2027 to book 40 meetings" }), "en");
    expect(blockerCodes(result)).toEqual(["startsWithSubject"]);
    expect(find(result, "startsWithSubject")!.message).toContain("Call ten new customers a week by June 2027 to book 40 meetings");
  });

  it("only warns when the statement lacks a result or a date, which M and T carry", () => {
    const result = assessGoal(goodGoal("sv", { statement: "Ringa nya kunder varje vecka" }), "sv");
    expect(result.blockers).toEqual([]);
    expect(codes(result)).toEqual(["noResult", "cadenceNotDeadline"]);
    expect(result.findings.every((finding) => finding.severity === "warning" && finding.letter === "S")).toBe(true);
    expect(result.letters.S.score).toBe(67);
  });

  it("tells when the only numbers are in the time frame", () => {
    const result = assessGoal(goodGoal("en", { statement: "Deliver the new website within nine months" }), "en");
    expect(codes(result)).toEqual(["numbersOnlyInTimeFrame"]);
  });

  it("blocks a missing action and warns about a missing effect", () => {
    const result = assessGoal(goodGoal("sv", { action: "  ", expectedEffect: "" }), "sv");
    expect(blockerCodes(result)).toEqual(["actionMissing"]);
    expect(codes(result)).toEqual(["actionMissing", "expectedEffectMissing"]);
    expect(find(result, "actionMissing")!.field).toBe("action");
  });

  it("asks a development goal what is learned, and does not require alignment of it", () => {
    const result = assessGoal(goodGoal("en", { kind: "DEVELOPMENT", aligned: false }), "en");
    expect(codes(result)).toEqual(["learningMissing"]);
    expect(result.blockers).toEqual([]);
    expect(codes(assessGoal(goodGoal("en", { kind: "DEVELOPMENT", learning: "Negotiation" }), "en"))).toEqual([]);
  });
});

describe("assessGoal — M", () => {
  it("blocks a goal without a measure type", () => {
    expect(blockerCodes(assessGoal(goodGoal("sv", { measureType: null }), "sv"))).toEqual(["measureTypeMissing"]);
  });

  it("turns every level problem into its own blocker, naming the field", () => {
    const result = assessGoal(goodGoal("sv", { minimum: 45, stretch: 35 }), "sv");
    expect(blockerCodes(result)).toEqual(["minimumBeyondTarget", "stretchShortOfTarget"]);
    expect(result.blockers.map((finding) => finding.field)).toEqual(["minimum", "stretch"]);
  });

  it("names a missing level in the person's language", () => {
    const sv = assessGoal(goodGoal("sv", { target: null }), "sv");
    const en = assessGoal(goodGoal("en", { target: null }), "en");
    expect(blockerCodes(sv)).toEqual(["missingLevel"]);
    expect(find(sv, "missingLevel")!.message).toContain("målvärde");
    expect(find(en, "missingLevel")!.message).toContain("target");
  });

  it("refuses baseline equal to target and keeps percentages within 0..100", () => {
    expect(blockerCodes(assessGoal(goodGoal("en", { target: 10, minimum: 10, stretch: 10 }), "en"))).toEqual(["baselineEqualsTarget"]);
    expect(blockerCodes(assessGoal(goodGoal("en", { measureType: "PERCENT", stretch: 120 }), "en"))).toEqual(["outOfPercentRange"]);
  });

  it("accepts a decreasing goal", () => {
    expect(codes(assessGoal(goodGoal("en", { baseline: 12, minimum: 9, target: 8, stretch: 5, unit: "days" }), "en"))).toEqual([]);
  });

  it("needs milestones in the action plan for a MILESTONES goal", () => {
    const none = assessGoal(goodGoal("sv", { measureType: "MILESTONES", baseline: null, minimum: 1, target: 2, stretch: 2, steps: [] }), "sv");
    expect(blockerCodes(none)).toEqual(["milestonesMissing"]);
    // T does not repeat it
    expect(codes(none)).not.toContain("stepsMissing");
    const two = assessGoal(goodGoal("sv", { measureType: "MILESTONES", baseline: null, minimum: 1, target: 2, stretch: 2 }), "sv");
    expect(codes(two)).toEqual([]);
    const tooMany = assessGoal(goodGoal("sv", { measureType: "MILESTONES", baseline: null, minimum: 1, target: 2, stretch: 3 }), "sv");
    expect(blockerCodes(tooMany)).toEqual(["milestoneCountOutOfRange"]);
    expect(find(tooMany, "milestoneCountOutOfRange")!.message).toContain("från 0 till 2");
  });

  it("needs no levels for a BINARY goal", () => {
    const result = assessGoal(goodGoal("en", { measureType: "BINARY", baseline: null, minimum: null, target: null, stretch: null }), "en");
    expect(codes(result)).toEqual([]);
  });

  it("warns about a missing data source and follow-up, and tips about unit and a minimum behind today", () => {
    const result = assessGoal(goodGoal("en", { dataSource: null, followUp: "", unit: "", minimum: 5 }), "en");
    expect(result.blockers).toEqual([]);
    expect(result.letters.M.findings.map((f) => [f.code, f.severity])).toEqual([
      ["unitMissing", "tip"],
      ["minimumBehindBaseline", "tip"],
      ["dataSourceMissing", "warning"],
      ["followUpMissing", "warning"],
    ]);
    expect(result.letters.M.state).toBe("weak");
  });
});

describe("assessGoal — A", () => {
  it("warns about low or missing motivation and importance, never blocks", () => {
    const result = assessGoal(goodGoal("sv", { motivation: 3, importance: null, ifFail: "", ifSucceed: "" }), "sv");
    expect(result.blockers).toEqual([]);
    expect(codes(result)).toEqual(["motivationLow", "importanceMissing", "ifFailMissing", "ifSucceedMissing"]);
    expect(find(result, "motivationLow")!.message).toContain("3 av 10");
    expect(result.letters.A.score).toBe(20);
  });

  it("lets a motivation of 5 pass and tips about the reason", () => {
    expect(codes(assessGoal(goodGoal("en", { motivation: 5, motivationWhy: "" }), "en"))).toEqual(["motivationWhyMissing"]);
  });
});

describe("assessGoal — R", () => {
  it.each([
    [3, ["likelihoodLow"]],
    [4, []],
    [9, []],
    [10, ["likelihoodHigh"]],
  ] as const)("likelihood %i", (likelihood, expected) => {
    const result = assessGoal(goodGoal("en", { likelihood }), "en");
    expect(codes(result)).toEqual(expected);
    expect(result.blockers).toEqual([]);
  });

  it("asks whether a low likelihood is realistic, in Swedish", () => {
    expect(find(assessGoal(goodGoal("sv", { likelihood: 2 }), "sv"), "likelihoodLow")!.message).toContain("realistiskt");
  });

  it("warns about missing risks and tips about the rest", () => {
    const result = assessGoal(goodGoal("en", { risks: "", helpers: "", deprioritised: "" }), "en");
    expect(result.letters.R.findings.map((f) => [f.code, f.severity])).toEqual([
      ["risksMissing", "warning"],
      ["deprioritisedMissing", "tip"],
      ["helpersMissing", "tip"],
    ]);
  });
});

describe("assessGoal — T", () => {
  it("blocks missing dates and a due date before the start", () => {
    expect(blockerCodes(assessGoal(goodGoal("en", { startDate: null }), "en"))).toEqual(["startMissing"]);
    expect(blockerCodes(assessGoal(goodGoal("en", { dueDate: "not a date" }), "en"))).toEqual(["dueMissing"]);
    expect(blockerCodes(assessGoal(goodGoal("en", { startDate: "2027-07-01" }), "en"))).toEqual(["dueBeforeStart"]);
  });

  it("blocks dates outside the period and names the period", () => {
    const result = assessGoal(goodGoal("en", { dueDate: "2028-01-15" }), "en");
    expect(blockerCodes(result)).toEqual(["dueOutsidePeriod"]);
    expect(find(result, "dueOutsidePeriod")!.message).toContain("1 Jan 2027");
    const before = assessGoal(goodGoal("sv", { startDate: "2026-12-01" }), "sv");
    expect(blockerCodes(before)).toEqual(["startOutsidePeriod"]);
  });

  it("warns about steps outside the goal's dates, by name", () => {
    const steps = [{ title: "Kick-off", dueDate: "2026-12-20" }, { title: "Follow-up", dueDate: "2027-03-01" }];
    const result = assessGoal(goodGoal("en", { steps }), "en");
    expect(codes(result)).toEqual(["stepOutsideGoal"]);
    expect(find(result, "stepOutsideGoal")!.message).toContain("Kick-off");
  });

  it("warns about an empty action plan and tips about undated steps and cadence", () => {
    expect(codes(assessGoal(goodGoal("en", { steps: [] }), "en"))).toEqual(["stepsMissing"]);
    const undated = assessGoal(goodGoal("en", { steps: [{ title: "A", dueDate: null }, { title: "B", dueDate: null }], cadence: null }), "en");
    expect(undated.letters.T.findings.map((f) => [f.code, f.severity])).toEqual([
      ["stepsWithoutDates", "tip"],
      ["cadenceMissing", "tip"],
    ]);
    expect(find(undated, "stepsWithoutDates")!.message).toContain("2 steps");
    expect(undated.letters.T.state).toBe("good");
  });

  it("suggests shorter goals for one running longer than about six months", () => {
    const result = assessGoal(goodGoal("sv", { dueDate: "2027-12-15" }), "sv");
    expect(codes(result)).toEqual(["longGoal"]);
    expect(find(result, "longGoal")!).toMatchObject({ severity: "tip", letter: "T" });
    expect(find(result, "longGoal")!.message).toContain("11 månader");
  });
});

describe("assessGoal — alignment and cap", () => {
  it("blocks an unaligned team goal and an unaligned individual performance goal, not an organisation goal", () => {
    expect(blockerCodes(assessGoal(goodGoal("en", { level: "TEAM", aligned: false }), "en"))).toEqual(["notAligned"]);
    expect(blockerCodes(assessGoal(goodGoal("en", { aligned: false }), "en"))).toEqual(["notAligned"]);
    expect(blockerCodes(assessGoal(goodGoal("en", { level: "ORGANIZATION", aligned: false }), "en"))).toEqual([]);
    expect(find(assessGoal(goodGoal("en", { aligned: false }), "en"), "notAligned")!.letter).toBe("alignment");
  });

  it("warns, naming the cap, when one more active goal would pass it", () => {
    const result = assessGoal(goodGoal("sv", { otherActiveGoals: 5, goalCap: 5 }), "sv");
    expect(result.blockers).toEqual([]);
    expect(find(result, "overCap")).toMatchObject({ letter: "cap", severity: "warning" });
    expect(find(result, "overCap")!.message).toContain("5");
    expect(codes(assessGoal(goodGoal("sv", { otherActiveGoals: 4, goalCap: 5 }), "sv"))).toEqual([]);
    expect(codes(assessGoal(goodGoal("sv", { level: "TEAM", otherActiveGoals: 9, goalCap: 5 }), "sv"))).toEqual([]);
  });

  it("lists findings in letter order, then alignment and cap; blockers are exactly the blocking findings", () => {
    const result = assessGoal(
      { ...emptyGoal(), statement: "Öka försäljningen", likelihood: 2, motivation: 2, otherActiveGoals: 7 },
      "en",
    );
    const order = ["S", "M", "A", "R", "T", "alignment", "cap"];
    const letters = result.findings.map((finding) => order.indexOf(finding.letter));
    expect(letters).toEqual([...letters].sort((a, b) => a - b));
    expect(result.blockers).toEqual(result.findings.filter((finding) => finding.severity === "blocker"));
  });
});

describe("hints are localised", () => {
  it("speaks Swedish in sv and English in en", () => {
    const sv = assessStatement("Öka försäljningen", "sv");
    const en = assessStatement("Increase sales", "en");
    expect(sv.hints.join(" ")).toContain("handling");
    expect(sv.hints.join(" ")).toContain("tidsram");
    expect(en.hints.join(" ")).toContain("action");
    expect(en.hints.join(" ")).toContain("time frame");
    expect(sv.findings.map((finding) => finding.code)).toEqual(en.findings.map((finding) => finding.code));
  });

  it("never shows a raw message key or an unfilled placeholder", () => {
    for (const locale of ["sv", "en"] as const) {
      const all = [
        ...assessGoal(emptyGoal(), locale).findings,
        ...assessGoal({ ...goodGoal(locale), statement: "Vi ska öka", motivation: 1, likelihood: 10, otherActiveGoals: 9 }, locale).findings,
      ];
      for (const finding of all) {
        expect(finding.message).not.toMatch(/coach\.|[{}]/);
        expect(finding.message.length).toBeGreaterThan(10);
      }
    }
  });
});

describe("robustness", () => {
  test.prop([fc.string({ maxLength: 300 }), fc.constantFrom("sv" as const, "en" as const)], { numRuns: 300 })(
    "assessStatement never throws and hints match findings",
    (text, locale) => {
      const result = assessStatement(text, locale);
      expect(result.hints).toEqual(result.findings.map((finding) => finding.message));
    },
  );

  const words = fc.constantFrom(
    "öka", "ringa", "10", "%", "innan", "juni", "2027", "vecka", "v.", "12", "inom", "sex", "månader", "varje", "per", "Q3", "by",
    "within", "days", "every", "month", "the", "end", "of", "year", "31/3", "2027-06-30", "kunder", "customers", "we", "will", "att",
  );
  test.prop([fc.array(words, { maxLength: 40 }).map((list) => list.join(" ")), fc.constantFrom("sv" as const, "en" as const)], { numRuns: 300 })(
    "assessStatement never throws on statement-like word salad",
    (text, locale) => {
      expect(() => assessStatement(text, locale)).not.toThrow();
    },
  );

  test.prop(
    [
      fc.record({
        statement: fc.string({ maxLength: 80 }),
        baseline: fc.option(fc.double(), { nil: null }),
        minimum: fc.option(fc.double(), { nil: null }),
        target: fc.option(fc.double(), { nil: null }),
        stretch: fc.option(fc.double(), { nil: null }),
        measureType: fc.constantFrom("NUMBER" as const, "PERCENT" as const, "MILESTONES" as const, "BINARY" as const, null),
        likelihood: fc.option(fc.integer({ min: -5, max: 15 }), { nil: null }),
        startDate: fc.option(fc.string({ maxLength: 12 }), { nil: null }),
        dueDate: fc.option(fc.constantFrom("2027-02-30", "2027-06-30", "2026-01-01", "x"), { nil: null }),
      }),
      fc.constantFrom("sv" as const, "en" as const),
    ],
    { numRuns: 200 },
  )("assessGoal never throws and keeps scores within 0..100", (partial, locale) => {
    const result = assessGoal({ ...goodGoal(locale), ...partial }, locale);
    for (const letter of ["S", "M", "A", "R", "T"] as const) {
      expect(result.letters[letter].score).toBeGreaterThanOrEqual(0);
      expect(result.letters[letter].score).toBeLessThanOrEqual(100);
    }
  });
});

describe("a statement in the other language", () => {
  it("is read in its own language while the hints follow the reader", () => {
    const base = assessGoal(
      {
        level: "INDIVIDUAL", kind: "PERFORMANCE", statement: "Ringa 40 kunder för att uppnå 12 nya avtal innan 30 juni 2027", action: "Ringa kunder", expectedEffect: "", learning: "",
        measureType: null, unit: "", baseline: null, minimum: null, target: null, stretch: null, dataSource: null, dataSourceNote: "", followUp: "",
        motivation: null, motivationWhy: "", importance: null, ifFail: "", ifSucceed: "", likelihood: null, likelihoodWhy: "", risks: "", support: "",
        adjustments: "", simplifications: "", deprioritised: "", helpers: "", startDate: null, dueDate: null, period: null, steps: [], cadence: null,
        aligned: true, otherActiveGoals: 0, goalCap: 5,
      },
      "en",
    );
    expect(base.statement).toMatchObject({ actionFirst: true, measurableResult: true, deadline: true });
    expect(base.findings.find((finding) => finding.letter === "M")?.message).toMatch(/[a-z]/);
    expect(base.letters.S.findings.map((finding) => finding.code)).not.toContain("startsWithoutAction");
  });
});
