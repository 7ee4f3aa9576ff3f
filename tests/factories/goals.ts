import { randomBytes } from "node:crypto";
import type { GoalFields, GoalLevel, GoalKind, GoalStatus } from "@/features/goals/goals.schema";
import type { Db } from "@/server/db/client";
import { createPeriodRow } from "./admin";
import { createOrganization } from "./index";
import { addPerson } from "./people";

const unique = () => randomBytes(3).toString("hex");

/**
 * Every SMARTA field of a goal the coach has nothing to block: an action-first statement with
 * a number and a date, NUMBER levels in order, dates inside the default test period (2027),
 * a plan of steps. An individual performance goal still needs a link to an organisation goal.
 */
export function validGoalFields(periodId: string, overrides: Partial<GoalFields> = {}): GoalFields {
  return {
    title: `Fler bokade kundmöten ${unique()}`,
    kind: "PERFORMANCE",
    periodId,
    parentGoalId: null,
    contribution: "Fler möten ger fler affärer för hela bolaget.",
    linkWeight: 1,
    statement: "Ringa tio nya kunder i veckan för att uppnå 40 bokade möten innan 30 juni 2027",
    action: "Ringa tio nya kunder varje vecka",
    expectedEffect: "Fler kunder som vill träffa oss",
    learning: "",
    measureType: "NUMBER",
    unit: "möten",
    decimals: 0,
    baseline: 10,
    minimum: 30,
    target: 40,
    stretch: 50,
    dataSource: "STATISTICS_REPORTS",
    dataSourceNote: "Bokningar i CRM-systemet",
    followUp: "Veckovis genomgång av bokningarna",
    motivation: 8,
    motivationWhy: "Jag tycker om att prata med kunder.",
    importance: 8,
    ifFail: "Säljet står still under hösten.",
    ifSucceed: "Vi når årets säljmål tidigare.",
    likelihood: 7,
    likelihoodWhy: "Det har gått bra tidigare år.",
    risks: "Semestrar under sommaren",
    support: "Uppdaterade kundlistor",
    adjustments: "Fler samtal i maj",
    simplifications: "Färdiga mallar för uppföljning",
    deprioritised: "Interna möten på fredagar",
    helpers: "Säljchefen",
    startDate: "2027-01-15",
    dueDate: "2027-06-30",
    cadence: "BIWEEKLY",
    steps: [
      { title: "Ta fram en ringlista", dueDate: "2027-01-31" },
      { title: "Följ upp alla samtal", dueDate: "2027-06-15" },
    ],
    ...overrides,
  };
}

export type GoalRowOptions = {
  level?: GoalLevel;
  kind?: GoalKind;
  status?: GoalStatus;
  ownerId: string;
  periodId: string;
  teamId?: string | null;
  parentGoalId?: string | null;
  priority?: number;
  title?: string;
  /** who signed (membership ids); ACTIVE goals default to the owner and `managerSignedById` */
  ownerSigned?: boolean;
  managerSignedById?: string | null;
  fields?: Partial<GoalFields>;
};

/**
 * A goal written straight to the database (no audit, no rules checked), valid for the coach:
 * for tests and e2e setups that need goals in a given state. Use the API (goal.create…)
 * when the rules themselves are under test.
 */
export async function createGoalRow(db: Db, organizationId: string, options: GoalRowOptions) {
  const fields = validGoalFields(options.periodId, { parentGoalId: options.parentGoalId ?? null, ...options.fields });
  const status = options.status ?? "DRAFT";
  const level = options.level ?? "INDIVIDUAL";
  const signedAt = new Date();
  const ownerSigned = options.ownerSigned ?? (status === "ACTIVE" || status === "CLOSED");
  const managerSignedById = options.managerSignedById ?? null;
  const owner = await db.membership.findUniqueOrThrow({ where: { id: options.ownerId }, select: { teamId: true } });
  const priority =
    options.priority ??
    ((await db.goal.aggregate({ where: { organizationId, ownerId: options.ownerId, status: { in: ["DRAFT", "PROPOSED", "ACTIVE"] } }, _max: { priority: true } }))._max
      .priority ?? 0) + 1;
  const { steps, startDate, dueDate, ...columns } = fields;
  const goal = await db.goal.create({
    data: {
      ...columns,
      organizationId,
      level,
      kind: options.kind ?? fields.kind,
      status,
      ownerId: options.ownerId,
      teamId: level === "TEAM" ? (options.teamId ?? null) : null,
      parentGoalId: options.parentGoalId ?? null,
      priority,
      title: options.title ?? fields.title,
      startDate: startDate ? new Date(`${startDate}T00:00:00Z`) : null,
      dueDate: dueDate ? new Date(`${dueDate}T00:00:00Z`) : null,
      ownerSignedAt: ownerSigned ? signedAt : null,
      ownerSignedById: ownerSigned ? options.ownerId : null,
      managerSignedAt: managerSignedById ? signedAt : null,
      managerSignedById,
      activatedAt: status === "ACTIVE" || status === "CLOSED" ? signedAt : null,
      teamIdAtActivation: status === "ACTIVE" || status === "CLOSED" ? owner.teamId : null,
      createdById: options.ownerId,
      updatedById: options.ownerId,
    },
  });
  await db.goalStep.createMany({
    data: steps.map((step, position) => ({
      organizationId,
      goalId: goal.id,
      position,
      title: step.title,
      dueDate: step.dueDate ? new Date(`${step.dueDate}T00:00:00Z`) : null,
    })),
  });
  return goal;
}

/** An organisation goal and an individual performance goal of `ownerId` linked under it, ready to propose. */
export async function createAlignedGoal(
  db: Db,
  organizationId: string,
  options: { ownerId: string; periodId: string; orgOwnerId: string; status?: GoalStatus; managerSignedById?: string | null; ownerSigned?: boolean },
) {
  const parent = await createGoalRow(db, organizationId, {
    level: "ORGANIZATION",
    status: "ACTIVE",
    ownerId: options.orgOwnerId,
    periodId: options.periodId,
    title: `Växa i Norden ${unique()}`,
  });
  const goal = await createGoalRow(db, organizationId, {
    ownerId: options.ownerId,
    periodId: options.periodId,
    parentGoalId: parent.id,
    status: options.status,
    managerSignedById: options.managerSignedById,
    ownerSigned: options.ownerSigned,
  });
  return { parent, goal };
}

/**
 * An organisation for the goal rules: the four role members (the MANAGER leads Team A, the
 * EMPLOYEE reports to the MANAGER), a director above the MANAGER, a peer of the EMPLOYEE
 * (same manager and team), an outsider in another team without a manager, and the periods
 * 2027 (current), 2027 H1 and 2028.
 */
export async function createGoalWorld(db: Db) {
  const org = await createOrganization(db);
  const organizationId = org.organization.id;
  const director = await addPerson(db, organizationId, { name: `Direktör ${unique()}`, role: "MANAGER" });
  await db.membership.update({ where: { id: org.members.MANAGER.membershipId }, data: { managerId: director.membershipId } });
  await db.teamLead.create({ data: { organizationId, teamId: org.team.id, membershipId: org.members.MANAGER.membershipId } });
  const peer = await addPerson(db, organizationId, { name: `Kollega ${unique()}`, teamId: org.team.id, managerId: org.members.MANAGER.membershipId });
  const otherTeam = await db.team.create({ data: { organizationId, name: `Team B ${unique()}` } });
  const outsider = await addPerson(db, organizationId, { name: `Utanför ${unique()}`, teamId: otherTeam.id });
  const firstHalf = await createPeriodRow(db, organizationId, { name: "2027 H1", startDate: "2027-01-01", endDate: "2027-06-30" });
  const nextYear = await createPeriodRow(db, organizationId, { name: "2028", startDate: "2028-01-01", endDate: "2028-12-31" });
  return { ...org, director, peer, outsider, otherTeam, periods: { year: org.period, firstHalf, nextYear } };
}

export type GoalWorld = Awaited<ReturnType<typeof createGoalWorld>>;
