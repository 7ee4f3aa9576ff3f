import { describe, expect, it } from "vitest";
import type { OwnerOptions } from "@/features/goals/goals.schema";
import { chooseNewGoalDefaults, creatableLevels } from "./new-goal-defaults";

const Y2026 = { id: "p2026", startDate: "2026-01-01", endDate: "2026-12-31", isCurrent: true };
const Y2027 = { id: "p2027", startDate: "2027-01-01", endDate: "2027-12-31", isCurrent: false };
const H1 = { id: "p2027h1", startDate: "2027-01-01", endDate: "2027-06-30", isCurrent: false };
const PERIODS = [Y2026, Y2027, H1];

const person = (membershipId: string) => ({ membershipId, name: membershipId });
const EMPLOYEE: Partial<Record<"ORGANIZATION" | "TEAM" | "INDIVIDUAL", OwnerOptions>> = {
  ORGANIZATION: { people: [], teams: [] },
  TEAM: { people: [], teams: [] },
  INDIVIDUAL: { people: [person("me")], teams: [] },
};
const LEAD: typeof EMPLOYEE = {
  ORGANIZATION: { people: [person("me"), person("boss")], teams: [] },
  TEAM: {
    people: [],
    teams: [
      { id: "t1", name: "Plattform", leads: [person("other")] },
      { id: "t2", name: "Mobil", leads: [person("other"), person("me")] },
    ],
  },
  INDIVIDUAL: { people: [person("me"), person("report")], teams: [] },
};

const base = { query: {}, periods: PERIODS, me: "me", parent: null, today: "2026-11-28" };

describe("creatableLevels", () => {
  it("offers the levels someone can own", () => {
    expect(creatableLevels(EMPLOYEE)).toEqual(["INDIVIDUAL"]);
    expect(creatableLevels(LEAD)).toEqual(["ORGANIZATION", "TEAM", "INDIVIDUAL"]);
    expect(creatableLevels({ INDIVIDUAL: null })).toEqual([]);
  });
});

describe("chooseNewGoalDefaults", () => {
  it("starts an employee on a personal goal in the current period from today", () => {
    expect(chooseNewGoalDefaults({ ...base, allowedLevels: ["INDIVIDUAL"], ownerChoices: EMPLOYEE })).toEqual({
      level: "INDIVIDUAL",
      ownerId: "me",
      teamId: "",
      periodId: "p2026",
      parentGoalId: "",
      startDate: "2026-11-28",
    });
  });

  it("follows the address: level, team and owner the caller may choose", () => {
    const levels = creatableLevels(LEAD);
    expect(chooseNewGoalDefaults({ ...base, query: { level: "TEAM", teamId: "t2" }, allowedLevels: levels, ownerChoices: LEAD })).toMatchObject({
      level: "TEAM",
      teamId: "t2",
      ownerId: "me",
    });
    // a team the caller does not lead: its lead owns the goal
    expect(chooseNewGoalDefaults({ ...base, query: { level: "TEAM", teamId: "t1" }, allowedLevels: levels, ownerChoices: LEAD })).toMatchObject({
      teamId: "t1",
      ownerId: "other",
    });
    expect(chooseNewGoalDefaults({ ...base, query: { ownerId: "report" }, allowedLevels: levels, ownerChoices: LEAD })).toMatchObject({
      level: "INDIVIDUAL",
      ownerId: "report",
    });
    // someone outside the caller's reach is ignored
    expect(chooseNewGoalDefaults({ ...base, query: { ownerId: "stranger", level: "ORGANIZATION" }, allowedLevels: ["INDIVIDUAL"], ownerChoices: LEAD })).toMatchObject({
      level: "INDIVIDUAL",
      ownerId: "me",
    });
  });

  it("puts a goal under a parent at the level below, in a period the parent's contains", () => {
    const parent = { id: "org-goal", level: "ORGANIZATION" as const, period: Y2027 };
    const levels = creatableLevels(LEAD);
    expect(chooseNewGoalDefaults({ ...base, parent, allowedLevels: levels, ownerChoices: LEAD })).toMatchObject({
      level: "TEAM",
      parentGoalId: "org-goal",
      periodId: "p2027",
      startDate: "2027-01-01",
    });
    expect(chooseNewGoalDefaults({ ...base, parent, allowedLevels: ["INDIVIDUAL"], ownerChoices: EMPLOYEE })).toMatchObject({
      level: "INDIVIDUAL",
      parentGoalId: "org-goal",
    });
    // an organisation goal links to nothing; a team goal only to an organisation goal
    expect(chooseNewGoalDefaults({ ...base, parent, query: { level: "ORGANIZATION" }, allowedLevels: levels, ownerChoices: LEAD })).toMatchObject({
      level: "ORGANIZATION",
      parentGoalId: "",
      periodId: "p2026",
    });
    const teamParent = { id: "team-goal", level: "TEAM" as const, period: Y2026 };
    expect(chooseNewGoalDefaults({ ...base, parent: teamParent, query: { level: "TEAM" }, allowedLevels: levels, ownerChoices: LEAD })).toMatchObject({
      parentGoalId: "",
    });
    expect(chooseNewGoalDefaults({ ...base, parent: teamParent, allowedLevels: levels, ownerChoices: LEAD })).toMatchObject({
      level: "INDIVIDUAL",
      parentGoalId: "team-goal",
      periodId: "p2026",
    });
  });

  it("has nothing to offer without levels or periods", () => {
    expect(chooseNewGoalDefaults({ ...base, allowedLevels: [], ownerChoices: EMPLOYEE })).toBeNull();
    expect(chooseNewGoalDefaults({ ...base, periods: [], allowedLevels: ["INDIVIDUAL"], ownerChoices: EMPLOYEE })).toBeNull();
  });
});
