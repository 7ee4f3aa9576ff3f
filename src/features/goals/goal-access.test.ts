import { describe, expect, it } from "vitest";
import {
  allowedParentLevels,
  canCloseGoal,
  canManage,
  canReorderFor,
  canSee,
  goalAbilities,
  isCoSigner,
  periodContains,
  signaturesToGive,
  type GoalFacts,
  type GoalViewer,
} from "./goal-access";

const viewer = (overrides: Partial<GoalViewer> = {}): GoalViewer => ({
  membershipId: "me",
  readAll: false,
  manageAll: false,
  createOrganization: false,
  below: new Set(),
  ledTeams: new Set(),
  ...overrides,
});

const goal = (overrides: Partial<GoalFacts> = {}): GoalFacts => ({
  level: "INDIVIDUAL",
  kind: "PERFORMANCE",
  status: "DRAFT",
  ownerId: "owner",
  teamId: null,
  ownerSigned: false,
  managerSigned: false,
  ...overrides,
});

describe("goal access rules", () => {
  it("hides a development goal from everyone but the owner, the manager chain, HR and ADMIN", () => {
    const development = goal({ kind: "DEVELOPMENT" });
    expect(canSee(viewer(), development)).toBe(false);
    expect(canSee(viewer({ membershipId: "owner" }), development)).toBe(true);
    expect(canSee(viewer({ below: new Set(["owner"]) }), development)).toBe(true);
    expect(canSee(viewer({ readAll: true }), development)).toBe(true);
    expect(canSee(viewer(), goal())).toBe(true);
    expect(canSee(viewer(), goal({ level: "TEAM" }))).toBe(true);
  });

  it("gives manage rights to the owner, the chain, ADMIN and a team goal's leads", () => {
    expect(canManage(viewer(), goal())).toBe(false);
    expect(canManage(viewer({ membershipId: "owner" }), goal())).toBe(true);
    expect(canManage(viewer({ below: new Set(["owner"]) }), goal())).toBe(true);
    expect(canManage(viewer({ manageAll: true }), goal())).toBe(true);
    expect(canManage(viewer({ ledTeams: new Set(["t"]) }), goal({ level: "TEAM", teamId: "t" }))).toBe(true);
    // leading the owner's team gives no rights over an individual goal
    expect(canManage(viewer({ ledTeams: new Set(["t"]) }), goal({ teamId: "t" }))).toBe(false);
    expect(canManage(viewer({ readAll: true }), goal())).toBe(false);
  });

  it("lets the owner, the chain and ADMIN reorder; only the chain and ADMIN close", () => {
    expect(canReorderFor(viewer({ membershipId: "owner" }), "owner")).toBe(true);
    expect(canReorderFor(viewer(), "owner")).toBe(false);
    expect(canCloseGoal(viewer({ membershipId: "owner" }), goal())).toBe(false);
    expect(canCloseGoal(viewer({ below: new Set(["owner"]) }), goal())).toBe(true);
    expect(canCloseGoal(viewer({ manageAll: true }), goal())).toBe(true);
  });

  it("names the co-signer: the manager, or an ADMIN other than the owner unless the owner is the only one", () => {
    expect(isCoSigner(viewer({ membershipId: "boss" }), "owner", { kind: "manager", managerId: "boss" })).toBe(true);
    expect(isCoSigner(viewer({ manageAll: true }), "owner", { kind: "manager", managerId: "boss" })).toBe(false);
    expect(isCoSigner(viewer({ manageAll: true }), "owner", { kind: "admin", ownerIsSoleAdmin: false })).toBe(true);
    expect(isCoSigner(viewer(), "owner", { kind: "admin", ownerIsSoleAdmin: false })).toBe(false);
    const ownerAdmin = viewer({ membershipId: "owner", manageAll: true });
    expect(isCoSigner(ownerAdmin, "owner", { kind: "admin", ownerIsSoleAdmin: false })).toBe(false);
    expect(isCoSigner(ownerAdmin, "owner", { kind: "admin", ownerIsSoleAdmin: true })).toBe(true);
    expect(signaturesToGive(ownerAdmin, goal(), { kind: "admin", ownerIsSoleAdmin: true })).toEqual({ owner: true, manager: true });
    expect(signaturesToGive(ownerAdmin, goal({ ownerSigned: true }), { kind: "admin", ownerIsSoleAdmin: false })).toEqual({ owner: false, manager: false });
  });

  it("offers each action only in the statuses it applies to", () => {
    const owner = viewer({ membershipId: "owner" });
    const rule = { kind: "manager", managerId: "boss" } as const;
    expect(goalAbilities(owner, goal(), rule)).toEqual({ edit: true, propose: true, sign: false, postpone: false, cancel: true, close: false, confirmOutcome: false });
    expect(goalAbilities(owner, goal({ status: "PROPOSED" }), rule)).toMatchObject({ propose: false, sign: true, postpone: true });
    expect(goalAbilities(viewer({ membershipId: "boss", below: new Set(["owner"]) }), goal({ status: "ACTIVE" }), rule)).toEqual({
      edit: true,
      propose: false,
      sign: false,
      postpone: true,
      cancel: true,
      close: true,
      confirmOutcome: false,
    });
    expect(goalAbilities(owner, goal({ status: "CLOSED" }), rule)).toEqual({
      edit: false,
      propose: false,
      sign: false,
      postpone: false,
      cancel: false,
      close: false,
      confirmOutcome: false,
    });
    // a closed goal's outcome is settled by the owner's manager chain, not by the owner
    expect(goalAbilities(viewer({ membershipId: "boss", below: new Set(["owner"]) }), goal({ status: "CLOSED" }), rule)).toMatchObject({
      close: false,
      confirmOutcome: true,
    });
  });

  it("links organisation goals under organisation goals only, periods inside periods", () => {
    expect(allowedParentLevels("ORGANIZATION")).toEqual(["ORGANIZATION"]);
    expect(allowedParentLevels("TEAM")).toEqual(["ORGANIZATION", "TEAM"]);
    expect(allowedParentLevels("INDIVIDUAL")).toEqual(["ORGANIZATION", "TEAM"]);
    const year = { startDate: "2027-01-01", endDate: "2027-12-31" };
    const half = { startDate: "2027-01-01", endDate: "2027-06-30" };
    expect(periodContains(year, half)).toBe(true);
    expect(periodContains(year, year)).toBe(true);
    expect(periodContains(half, year)).toBe(false);
  });
});
