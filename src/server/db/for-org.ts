import type { Db } from "./client";

/**
 * The tenant-scoped data access every organisation procedure receives. Each query on a
 * tenant-owned model is narrowed to the organisation and each create is stamped with it,
 * so feature code cannot read or write another tenant's rows by forgetting a filter.
 * Raw SQL is not covered: repositories bind the organisation id themselves.
 */
const TENANT_MODELS = new Set(["Membership", "Team", "TeamLead", "GoalPeriod", "Invitation", "AuditEvent", "Goal", "GoalStep", "CheckIn"]);

const FILTERED_OPERATIONS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "delete",
  "deleteMany",
  "upsert",
]);

type Args = { where?: Record<string, unknown>; data?: unknown; create?: Record<string, unknown> };

function scopeArgs(operation: string, rawArgs: unknown, organizationId: string): unknown {
  const args = { ...((rawArgs ?? {}) as Args) };
  if (FILTERED_OPERATIONS.has(operation)) {
    args.where = { ...(args.where ?? {}), organizationId };
  }
  if (operation === "create") {
    args.data = { ...(args.data as Record<string, unknown>), organizationId };
  }
  if (operation === "upsert") {
    args.create = { ...(args.create ?? {}), organizationId };
  }
  if (operation === "createMany" || operation === "createManyAndReturn") {
    const rows = Array.isArray(args.data) ? args.data : [args.data];
    args.data = rows.map((row: Record<string, unknown>) => ({ ...row, organizationId }));
  }
  return args;
}

export function forOrg(db: Db, organizationId: string) {
  const scoped = db.$extends({
    name: "tenant-scope",
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          if (!TENANT_MODELS.has(model)) return query(args);
          return query(scopeArgs(operation, args, organizationId) as typeof args);
        },
      },
    },
  });
  return {
    organizationId,
    membership: scoped.membership,
    team: scoped.team,
    teamLead: scoped.teamLead,
    goalPeriod: scoped.goalPeriod,
    invitation: scoped.invitation,
    auditEvent: scoped.auditEvent,
    goal: scoped.goal,
    goalStep: scoped.goalStep,
    checkIn: scoped.checkIn,
    $transaction: scoped.$transaction.bind(scoped),
    $queryRaw: scoped.$queryRaw.bind(scoped),
    $executeRaw: scoped.$executeRaw.bind(scoped),
  };
}

export type OrgDb = ReturnType<typeof forOrg>;

/** The client inside `orgDb.$transaction(async (tx) => …)`: scoped the same way. */
export type OrgTx = Parameters<Parameters<OrgDb["$transaction"]>[0]>[0];

/**
 * Serialises edits of an organisation's trees (teams, reporting lines, goal links) so two
 * concurrent edits cannot make a cycle together. Held until the transaction ends.
 */
export async function lockOrganizationTrees(tx: OrgTx, organizationId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${"trees:" + organizationId}))`;
}
