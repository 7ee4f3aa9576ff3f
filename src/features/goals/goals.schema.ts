import { z } from "zod";
import { isIsoDate } from "@/features/periods/periods.schema";

/**
 * The goal API's contract: inputs (shared by the editor in the browser and the procedures)
 * and outputs. Messages are keys of the catalogues ("goals.errors.*" or bare "errors" keys).
 */

export const GOAL_LEVELS = ["ORGANIZATION", "TEAM", "INDIVIDUAL"] as const;
export const GOAL_KINDS = ["PERFORMANCE", "DEVELOPMENT"] as const;
export const GOAL_STATUSES = ["DRAFT", "PROPOSED", "ACTIVE", "CLOSED", "CANCELLED"] as const;
export const MEASURE_TYPES = ["NUMBER", "PERCENT", "MILESTONES", "BINARY"] as const;
export const DATA_SOURCES = ["STATISTICS_REPORTS", "SURVEY", "INTERVIEWS", "OBSERVATION", "PROTOTYPE", "OTHER"] as const;
export const CADENCES = ["WEEKLY", "BIWEEKLY", "MONTHLY"] as const;
export const OUTCOME_LEVELS = ["BELOW_MINIMUM", "MINIMUM", "TARGET", "STRETCH"] as const;

export const ZGoalLevel = z.enum(GOAL_LEVELS);
export const ZGoalKind = z.enum(GOAL_KINDS);
export const ZGoalStatus = z.enum(GOAL_STATUSES);
export const ZMeasureType = z.enum(MEASURE_TYPES);
export const ZDataSource = z.enum(DATA_SOURCES);
export const ZCadence = z.enum(CADENCES);
export const ZOutcomeLevel = z.enum(OUTCOME_LEVELS);
export type GoalLevel = z.infer<typeof ZGoalLevel>;
export type GoalKind = z.infer<typeof ZGoalKind>;
export type GoalStatus = z.infer<typeof ZGoalStatus>;
export type MeasureType = z.infer<typeof ZMeasureType>;
export type DataSource = z.infer<typeof ZDataSource>;
export type Cadence = z.infer<typeof ZCadence>;
export type OutcomeLevel = z.infer<typeof ZOutcomeLevel>;

export const GOAL_TITLE_MAX = 120;
export const GOAL_TEXT_MAX = 2000;
export const GOAL_STATEMENT_MAX = 500;
export const GOAL_STEPS_MAX = 30;
/** Measures are stored as DECIMAL(18,4). */
export const MEASURE_LIMIT = 1e13;
/** A link's weight in the parent's roll-up; stored as DECIMAL(6,2). */
export const LINK_WEIGHT_MIN = 0.1;
export const LINK_WEIGHT_MAX = 100;

const text = (max = GOAL_TEXT_MAX) => z.string().trim().max(max, { error: "goals.errors.tooLong" });

const ZScale = z
  .number({ error: "goals.errors.scale" })
  .int({ error: "goals.errors.scale" })
  .min(1, { error: "goals.errors.scale" })
  .max(10, { error: "goals.errors.scale" })
  .nullable();

const ZMeasureValue = z
  .number({ error: "goals.errors.number" })
  .finite({ error: "goals.errors.number" })
  .gt(-MEASURE_LIMIT, { error: "goals.errors.numberRange" })
  .lt(MEASURE_LIMIT, { error: "goals.errors.numberRange" })
  .nullable();

export const ZGoalIsoDate = z
  .string()
  .trim()
  .refine((value) => isIsoDate(value), { error: "goals.errors.invalidDate" })
  .nullable();

export const ZGoalStepInput = z.strictObject({
  /** an existing step keeps its id (and its done state); a new one has none */
  id: z.uuid().optional(),
  title: z
    .string()
    .trim()
    .min(1, { error: "goals.errors.stepTitleRequired" })
    .max(GOAL_TITLE_MAX * 2, { error: "goals.errors.tooLong" }),
  dueDate: ZGoalIsoDate,
});
export type GoalStepInput = z.infer<typeof ZGoalStepInput>;

/**
 * Every editable SMARTA field. A draft may leave most of them empty; the coach's blockers
 * (src/features/goals/coach.ts) say what is still missing before the goal can be proposed.
 */
export const goalFieldsShape = {
  title: z
    .string()
    .trim()
    .min(1, { error: "goals.errors.titleRequired" })
    .max(GOAL_TITLE_MAX, { error: "goals.errors.tooLong" }),
  kind: ZGoalKind,
  periodId: z.uuid({ error: "goals.errors.periodRequired" }),
  parentGoalId: z.uuid().nullable(),
  contribution: text(300),
  /** how much this goal counts in its parent's roll-up (1 = as much as any other) */
  linkWeight: z
    .number({ error: "goals.errors.linkWeight" })
    .min(LINK_WEIGHT_MIN, { error: "goals.errors.linkWeight" })
    .max(LINK_WEIGHT_MAX, { error: "goals.errors.linkWeight" }),
  // S
  statement: text(GOAL_STATEMENT_MAX),
  action: text(),
  expectedEffect: text(),
  learning: text(),
  // M
  measureType: ZMeasureType.nullable(),
  unit: text(30),
  decimals: z.number().int().min(0, { error: "goals.errors.decimals" }).max(4, { error: "goals.errors.decimals" }),
  baseline: ZMeasureValue,
  minimum: ZMeasureValue,
  target: ZMeasureValue,
  stretch: ZMeasureValue,
  dataSource: ZDataSource.nullable(),
  dataSourceNote: text(),
  followUp: text(),
  // A
  motivation: ZScale,
  motivationWhy: text(),
  importance: ZScale,
  ifFail: text(),
  ifSucceed: text(),
  // R
  likelihood: ZScale,
  likelihoodWhy: text(),
  risks: text(),
  support: text(),
  adjustments: text(),
  simplifications: text(),
  deprioritised: text(),
  helpers: text(),
  // T
  startDate: ZGoalIsoDate,
  dueDate: ZGoalIsoDate,
  cadence: ZCadence.nullable(),
  steps: z.array(ZGoalStepInput).max(GOAL_STEPS_MAX, { error: "goals.errors.tooManySteps" }),
};

/** Checks of single inputs that need two fields; the order of the levels is the coach's job. */
export function checkGoalFields(
  value: { startDate: string | null; dueDate: string | null; measureType: MeasureType | null } & Record<
    "baseline" | "minimum" | "target" | "stretch",
    number | null
  >,
  ctx: z.RefinementCtx,
): void {
  if (value.startDate && value.dueDate && isIsoDate(value.startDate) && isIsoDate(value.dueDate) && value.dueDate < value.startDate) {
    ctx.addIssue({ code: "custom", path: ["dueDate"], message: "goals.errors.dueBeforeStart" });
  }
  if (value.measureType === "PERCENT") {
    for (const field of ["baseline", "minimum", "target", "stretch"] as const) {
      const level = value[field];
      if (level !== null && (level < 0 || level > 100)) {
        ctx.addIssue({ code: "custom", path: [field], message: "goals.errors.percentRange" });
      }
    }
  }
}

export const ZGoalFields = z.strictObject(goalFieldsShape).superRefine(checkGoalFields);
export type GoalFields = z.infer<typeof ZGoalFields>;

/** Who the goal is for: organisation goals any member, team goals a team, individual goals a person. */
export const goalCreateShape = {
  level: ZGoalLevel,
  /** the owner membership; defaults to the caller (team goals: the caller if a lead, else the team's first lead) */
  ownerId: z.uuid().nullable(),
  /** team goals only */
  teamId: z.uuid().nullable(),
};

// ---------- outputs ----------

export const ZPersonRef = z.object({ membershipId: z.string(), name: z.string() });
export type PersonRef = z.infer<typeof ZPersonRef>;

export const ZGoalSummary = z.object({
  id: z.string(),
  level: ZGoalLevel,
  kind: ZGoalKind,
  status: ZGoalStatus,
  title: z.string(),
  statement: z.string(),
  priority: z.number(),
  period: z.object({ id: z.string(), name: z.string() }),
  owner: ZPersonRef,
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  parent: z.object({ id: z.string(), title: z.string(), level: ZGoalLevel }).nullable(),
  dueDate: z.string().nullable(),
  ownerSigned: z.boolean(),
  managerSigned: z.boolean(),
  /** the caller may reorder this goal among its owner's goals */
  canReorder: z.boolean(),
});
export type GoalSummary = z.infer<typeof ZGoalSummary>;

export const ZGoalStep = z.object({ id: z.string(), title: z.string(), dueDate: z.string().nullable(), done: z.boolean() });

export const ZSignatureState = z.object({
  owner: ZPersonRef,
  ownerSignedAt: z.date().nullable(),
  /** who must co-sign: the owner's manager, or null when any ADMIN may (the owner has no manager) */
  coSigner: ZPersonRef.nullable(),
  managerSignedAt: z.date().nullable(),
  managerSignedBy: ZPersonRef.nullable(),
});

export const ZAlignmentNode = z.object({
  id: z.string(),
  title: z.string(),
  level: ZGoalLevel,
  kind: ZGoalKind,
  status: ZGoalStatus,
  owner: ZPersonRef,
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  contribution: z.string(),
});
export type AlignmentNode = z.infer<typeof ZAlignmentNode>;

export const ZGoalDetail = z.object({
  id: z.string(),
  level: ZGoalLevel,
  status: ZGoalStatus,
  statusReason: z.string(),
  version: z.number(),
  priority: z.number(),
  /** the editable fields as stored (steps with their done state are below) */
  fields: z.object(goalFieldsShape).omit({ steps: true }),
  steps: z.array(ZGoalStep),
  period: z.object({ id: z.string(), name: z.string(), startDate: z.string(), endDate: z.string() }),
  owner: ZPersonRef,
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  signatures: ZSignatureState,
  outcome: ZOutcomeLevel.nullable(),
  /** null on a CLOSED goal: the outcome was computed when the period closed and awaits confirmation */
  outcomeConfirmedAt: z.date().nullable(),
  outcomeConfirmedBy: ZPersonRef.nullable(),
  activatedAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  /** from the organisation goal at the top down to the direct parent */
  alignmentPath: z.array(ZAlignmentNode),
  /** goals linked directly under this one that the caller may see */
  children: z.array(ZAlignmentNode),
  /** what the coach needs besides the fields */
  coachContext: z.object({ aligned: z.boolean(), otherActiveGoals: z.number(), goalCap: z.number() }),
  createdBy: ZPersonRef,
  createdAt: z.date(),
  updatedBy: ZPersonRef,
  updatedAt: z.date(),
  /** what the caller may do now */
  can: z.object({
    edit: z.boolean(),
    propose: z.boolean(),
    sign: z.boolean(),
    postpone: z.boolean(),
    cancel: z.boolean(),
    close: z.boolean(),
    /** confirm or adjust a closed goal's outcome */
    confirmOutcome: z.boolean(),
  }),
});
export type GoalDetail = z.infer<typeof ZGoalDetail>;

export const ZGoalHistoryEntry = z.object({
  id: z.string(),
  action: z.string(),
  actorName: z.string(),
  createdAt: z.date(),
  changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
});
export type GoalHistoryEntry = z.infer<typeof ZGoalHistoryEntry>;

/** Answer of every state-changing goal procedure. */
export const ZGoalMutationResult = z.object({
  id: z.string(),
  version: z.number(),
  status: ZGoalStatus,
  /** an edit of S, M or T cleared the signatures */
  signaturesCleared: z.boolean(),
});
export type GoalMutationResult = z.infer<typeof ZGoalMutationResult>;

export const ZGoalListScope = z.enum(["mine", "team", "organization"]);
export type GoalListScope = z.infer<typeof ZGoalListScope>;

// ---------- outputs added with the goal procedures ----------

/** A goal that may become the parent of the goal being edited (goal.linkTargets). */
export const ZLinkTarget = ZAlignmentNode.extend({
  period: z.object({ id: z.string(), name: z.string() }),
});
export type LinkTarget = z.infer<typeof ZLinkTarget>;

/** One node of the alignment tree (goal.alignmentTree). */
export const ZAlignmentTreeNode = ZAlignmentNode.extend({
  parentGoalId: z.string().nullable(),
  period: z.object({ id: z.string(), name: z.string() }),
  /** an ORGANIZATION goal that nothing visible links to */
  unlinked: z.boolean(),
});
export type AlignmentTreeNode = z.infer<typeof ZAlignmentTreeNode>;

export const ZAlignmentTree = z.object({
  period: z.object({ id: z.string(), name: z.string(), startDate: z.string(), endDate: z.string() }),
  nodes: z.array(ZAlignmentTreeNode),
});
export type AlignmentTree = z.infer<typeof ZAlignmentTree>;

/** Who the caller may create a goal for (goal.ownerOptions): people, and for team goals the teams. */
export const ZOwnerOptions = z.object({
  people: z.array(ZPersonRef),
  teams: z.array(z.object({ id: z.string(), name: z.string(), leads: z.array(ZPersonRef) })),
});
export type OwnerOptions = z.infer<typeof ZOwnerOptions>;

/** Postponing or cancelling a goal says why. */
export const GOAL_REASON_MAX = 300;

/**
 * goal.confirmOutcome: the manager confirms the stored outcome (same level, reason optional)
 * or adjusts it to another level (reason required, checked by the service against the
 * stored outcome, which the browser may not know is stale).
 */
export const confirmOutcomeShape = {
  goalId: z.uuid(),
  version: z.number().int().min(1),
  outcome: ZOutcomeLevel,
  reason: z.string().trim().max(GOAL_REASON_MAX, { error: "goals.errors.tooLong" }).default(""),
};
