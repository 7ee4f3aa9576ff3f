import { describe, expect, it } from "vitest";
import type { CoachFinding } from "@/features/goals/coach";
import { countsByStep, groupFindings, stepOfFinding } from "./coach-view";
import { EDITOR_STEPS, nextStep, previousStep, stepFromHash, stepOfField, stepsWithErrors } from "./steps";

describe("steps", () => {
  it("are the goal, the five letters and the summary", () => {
    expect(EDITOR_STEPS).toEqual(["goal", "s", "m", "a", "r", "t", "summary"]);
    expect(nextStep("goal")).toBe("s");
    expect(nextStep("summary")).toBeNull();
    expect(previousStep("goal")).toBeNull();
    expect(previousStep("summary")).toBe("t");
  });

  it("come from the URL hash", () => {
    expect(stepFromHash("#m")).toBe("m");
    expect(stepFromHash("#SUMMARY")).toBe("summary");
    expect(stepFromHash("")).toBe("goal");
    expect(stepFromHash("#nope")).toBe("goal");
  });

  it("know where each field's error belongs", () => {
    expect(stepOfField("title")).toBe("goal");
    expect(stepOfField("parentGoalId")).toBe("goal");
    expect(stepOfField("statement")).toBe("s");
    expect(stepOfField("baseline")).toBe("m");
    expect(stepOfField("importance")).toBe("a");
    expect(stepOfField("helpers")).toBe("r");
    expect(stepOfField("steps.abc.title")).toBe("t");
    expect(stepOfField("dueDate")).toBe("t");
    expect(stepOfField("_")).toBe("summary");
    expect([...stepsWithErrors({ title: ["x"], target: ["y"], dueDate: [] })].sort()).toEqual(["goal", "m"]);
  });
});

const finding = (letter: CoachFinding["letter"], code: string, severity: CoachFinding["severity"]): CoachFinding => ({
  letter,
  code,
  severity,
  message: code,
});

describe("coach findings in the editor", () => {
  const findings = [
    finding("S", "noDeadline", "warning"),
    finding("S", "startsWithDirection", "blocker"),
    finding("M", "missingLevel", "blocker"),
    finding("alignment", "notAligned", "blocker"),
    finding("cap", "overCap", "warning"),
  ];

  it("belong to the step of their letter; alignment and cap to the first step", () => {
    expect(stepOfFinding(findings[0]!)).toBe("s");
    expect(stepOfFinding(findings[3]!)).toBe("goal");
    expect(stepOfFinding(findings[4]!)).toBe("goal");
  });

  it("show the current step's first, most severe first", () => {
    const { here, elsewhere } = groupFindings(findings, "s");
    expect(here.map((entry) => entry.code)).toEqual(["startsWithDirection", "noDeadline"]);
    expect(elsewhere.map((entry) => entry.code)).toEqual(["missingLevel", "notAligned", "overCap"]);
  });

  it("show everything on the summary", () => {
    const { here, elsewhere } = groupFindings(findings, "summary");
    expect(here).toHaveLength(5);
    expect(here.slice(0, 3).every((entry) => entry.severity === "blocker")).toBe(true);
    expect(elsewhere).toEqual([]);
  });

  it("sum up the other steps by severity, in step order", () => {
    expect(countsByStep(findings, "s", EDITOR_STEPS)).toEqual([
      { step: "goal", blocker: 1, warning: 1, tip: 0 },
      { step: "m", blocker: 1, warning: 0, tip: 0 },
    ]);
    expect(countsByStep(findings, "goal", EDITOR_STEPS).map((entry) => entry.step)).toEqual(["s", "m"]);
  });
});
