import type { GoalKind, GoalLevel, GoalStatus } from "./goals.schema";

/**
 * Who may see and do what with a goal (PRODUCT.md "Rules in detail"). Pure: the service loads
 * the facts once per request (the caller's reporting chain, the teams they lead) and every
 * rule reads them here, so the goal page's `can.*` and the procedures cannot disagree.
 */

/** The caller as the goal rules see them. */
export type GoalViewer = {
  membershipId: string;
  /** HR and ADMIN read every goal, development goals included */
  readAll: boolean;
  /** ADMIN may do everything a manager may, for every goal */
  manageAll: boolean;
  /** ADMIN and MANAGER create organisation goals */
  createOrganization: boolean;
  /** every membership below the caller in the reporting line, direct or further down */
  below: ReadonlySet<string>;
  /** the teams the caller leads */
  ledTeams: ReadonlySet<string>;
};

/** A goal as the rules see it. */
export type GoalFacts = {
  level: GoalLevel;
  kind: GoalKind;
  status: GoalStatus;
  ownerId: string;
  teamId: string | null;
  ownerSigned: boolean;
  managerSigned: boolean;
};

/** Who co-signs a goal: the owner's (active) manager, or, when the owner has none, an ADMIN. */
export type CoSignerRule =
  | { kind: "manager"; managerId: string }
  /** `ownerIsSoleAdmin`: the owner is the only active ADMIN, so they co-sign themselves */
  | { kind: "admin"; ownerIsSoleAdmin: boolean };

export const OPEN_STATUSES = ["DRAFT", "PROPOSED", "ACTIVE"] as const satisfies readonly GoalStatus[];

export function isOpen(status: GoalStatus): boolean {
  return (OPEN_STATUSES as readonly GoalStatus[]).includes(status);
}

/** Someone in the owner's reporting chain, above them. */
export function managesOwner(viewer: GoalViewer, ownerId: string): boolean {
  return viewer.below.has(ownerId);
}

/**
 * Development goals are private to the person, their manager chain, HR and ADMIN; every other
 * goal is visible to the whole organisation. A goal one may not see answers NOT_FOUND.
 */
export function canSee(viewer: GoalViewer, goal: Pick<GoalFacts, "kind" | "ownerId">): boolean {
  if (goal.kind !== "DEVELOPMENT") return true;
  return viewer.readAll || goal.ownerId === viewer.membershipId || managesOwner(viewer, goal.ownerId);
}

/** ADMIN, the owner, anyone above the owner in the reporting line, and for team goals the team's leads. */
export function canManage(viewer: GoalViewer, goal: Pick<GoalFacts, "level" | "ownerId" | "teamId">): boolean {
  if (viewer.manageAll || goal.ownerId === viewer.membershipId || managesOwner(viewer, goal.ownerId)) return true;
  return goal.level === "TEAM" && goal.teamId !== null && viewer.ledTeams.has(goal.teamId);
}

/** The owner's priorities: the owner, their manager chain and ADMIN. */
export function canReorderFor(viewer: GoalViewer, ownerId: string): boolean {
  return viewer.manageAll || ownerId === viewer.membershipId || managesOwner(viewer, ownerId);
}

/** Closing confirms the outcome: a manager of the owner (co-signer or further up) or ADMIN. */
export function canCloseGoal(viewer: GoalViewer, goal: Pick<GoalFacts, "ownerId">): boolean {
  return viewer.manageAll || managesOwner(viewer, goal.ownerId);
}

/**
 * Confirming (or adjusting) a closed goal's outcome is the same right as closing it: the
 * owner's manager chain or ADMIN. A peer or the owner may see the outcome but not settle it.
 */
export function canConfirmOutcome(viewer: GoalViewer, goal: Pick<GoalFacts, "ownerId">): boolean {
  return canCloseGoal(viewer, goal);
}

/** Whether the caller is the one who co-signs for this owner. */
export function isCoSigner(viewer: GoalViewer, ownerId: string, rule: CoSignerRule): boolean {
  if (rule.kind === "manager") return rule.managerId === viewer.membershipId;
  if (!viewer.manageAll) return false;
  return ownerId !== viewer.membershipId || rule.ownerIsSoleAdmin;
}

/** The signatures the caller would give by signing now (none: not theirs to give, or already given). */
export function signaturesToGive(
  viewer: GoalViewer,
  goal: Pick<GoalFacts, "ownerId" | "ownerSigned" | "managerSigned">,
  rule: CoSignerRule,
): { owner: boolean; manager: boolean } {
  return {
    owner: goal.ownerId === viewer.membershipId && !goal.ownerSigned,
    manager: isCoSigner(viewer, goal.ownerId, rule) && !goal.managerSigned,
  };
}

/** May the caller sign at all (as owner or co-signer), whatever has been signed already. */
export function maySign(viewer: GoalViewer, ownerId: string, rule: CoSignerRule): boolean {
  return ownerId === viewer.membershipId || isCoSigner(viewer, ownerId, rule);
}

/** Allowed parent levels: organisation goals under organisation goals; team and individual goals under either. */
export function allowedParentLevels(level: GoalLevel): GoalLevel[] {
  return level === "ORGANIZATION" ? ["ORGANIZATION"] : ["ORGANIZATION", "TEAM"];
}

/** What the goal page offers the caller now. */
export function goalAbilities(viewer: GoalViewer, goal: GoalFacts, rule: CoSignerRule) {
  const manage = canManage(viewer, goal);
  const give = signaturesToGive(viewer, goal, rule);
  return {
    edit: manage && isOpen(goal.status),
    propose: manage && goal.status === "DRAFT",
    sign: goal.status === "PROPOSED" && (give.owner || give.manager),
    postpone: manage && (goal.status === "PROPOSED" || goal.status === "ACTIVE"),
    cancel: manage && isOpen(goal.status),
    close: goal.status === "ACTIVE" && canCloseGoal(viewer, goal),
    confirmOutcome: goal.status === "CLOSED" && canConfirmOutcome(viewer, goal),
  };
}

/** A period contains another when it starts no later and ends no earlier (ISO dates compare as text). */
export function periodContains(outer: { startDate: string; endDate: string }, inner: { startDate: string; endDate: string }): boolean {
  return outer.startDate <= inner.startDate && outer.endDate >= inner.endDate;
}
