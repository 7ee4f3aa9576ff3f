-- CreateEnum
CREATE TYPE "GoalLevel" AS ENUM ('ORGANIZATION', 'TEAM', 'INDIVIDUAL');

-- CreateEnum
CREATE TYPE "GoalKind" AS ENUM ('PERFORMANCE', 'DEVELOPMENT');

-- CreateEnum
CREATE TYPE "GoalStatus" AS ENUM ('DRAFT', 'PROPOSED', 'ACTIVE', 'CLOSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "MeasureType" AS ENUM ('NUMBER', 'PERCENT', 'MILESTONES', 'BINARY');

-- CreateEnum
CREATE TYPE "DataSource" AS ENUM ('STATISTICS_REPORTS', 'SURVEY', 'INTERVIEWS', 'OBSERVATION', 'PROTOTYPE', 'OTHER');

-- CreateEnum
CREATE TYPE "Cadence" AS ENUM ('WEEKLY', 'BIWEEKLY', 'MONTHLY');

-- CreateEnum
CREATE TYPE "OutcomeLevel" AS ENUM ('BELOW_MINIMUM', 'MINIMUM', 'TARGET', 'STRETCH');

-- CreateTable
CREATE TABLE "Goal" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "level" "GoalLevel" NOT NULL,
    "kind" "GoalKind" NOT NULL DEFAULT 'PERFORMANCE',
    "status" "GoalStatus" NOT NULL DEFAULT 'DRAFT',
    "periodId" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "teamId" UUID,
    "teamIdAtActivation" UUID,
    "priority" INTEGER NOT NULL DEFAULT 1,
    "title" TEXT NOT NULL,
    "parentGoalId" UUID,
    "contribution" TEXT NOT NULL DEFAULT '',
    "linkWeight" DECIMAL(6,2) NOT NULL DEFAULT 1,
    "statement" TEXT NOT NULL DEFAULT '',
    "action" TEXT NOT NULL DEFAULT '',
    "expectedEffect" TEXT NOT NULL DEFAULT '',
    "learning" TEXT NOT NULL DEFAULT '',
    "measureType" "MeasureType",
    "unit" TEXT NOT NULL DEFAULT '',
    "decimals" INTEGER NOT NULL DEFAULT 0,
    "baseline" DECIMAL(18,4),
    "minimum" DECIMAL(18,4),
    "target" DECIMAL(18,4),
    "stretch" DECIMAL(18,4),
    "dataSource" "DataSource",
    "dataSourceNote" TEXT NOT NULL DEFAULT '',
    "followUp" TEXT NOT NULL DEFAULT '',
    "motivation" INTEGER,
    "motivationWhy" TEXT NOT NULL DEFAULT '',
    "importance" INTEGER,
    "ifFail" TEXT NOT NULL DEFAULT '',
    "ifSucceed" TEXT NOT NULL DEFAULT '',
    "likelihood" INTEGER,
    "likelihoodWhy" TEXT NOT NULL DEFAULT '',
    "risks" TEXT NOT NULL DEFAULT '',
    "support" TEXT NOT NULL DEFAULT '',
    "adjustments" TEXT NOT NULL DEFAULT '',
    "simplifications" TEXT NOT NULL DEFAULT '',
    "deprioritised" TEXT NOT NULL DEFAULT '',
    "helpers" TEXT NOT NULL DEFAULT '',
    "startDate" DATE,
    "dueDate" DATE,
    "cadence" "Cadence",
    "ownerSignedAt" TIMESTAMPTZ(3),
    "ownerSignedById" UUID,
    "managerSignedAt" TIMESTAMPTZ(3),
    "managerSignedById" UUID,
    "activatedAt" TIMESTAMPTZ(3),
    "statusReason" TEXT NOT NULL DEFAULT '',
    "outcome" "OutcomeLevel",
    "outcomeConfirmedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID NOT NULL,
    "updatedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Goal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GoalStep" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "goalId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "dueDate" DATE,
    "doneAt" TIMESTAMPTZ(3),

    CONSTRAINT "GoalStep_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Goal_organizationId_periodId_level_status_idx" ON "Goal"("organizationId", "periodId", "level", "status");

-- CreateIndex
CREATE INDEX "Goal_organizationId_ownerId_status_idx" ON "Goal"("organizationId", "ownerId", "status");

-- CreateIndex
CREATE INDEX "Goal_organizationId_teamId_idx" ON "Goal"("organizationId", "teamId");

-- CreateIndex
CREATE INDEX "Goal_organizationId_parentGoalId_idx" ON "Goal"("organizationId", "parentGoalId");

-- CreateIndex
CREATE UNIQUE INDEX "Goal_organizationId_id_key" ON "Goal"("organizationId", "id");

-- CreateIndex
CREATE INDEX "GoalStep_organizationId_goalId_position_idx" ON "GoalStep"("organizationId", "goalId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "GoalStep_organizationId_id_key" ON "GoalStep"("organizationId", "id");

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_organizationId_periodId_fkey" FOREIGN KEY ("organizationId", "periodId") REFERENCES "GoalPeriod"("organizationId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_organizationId_ownerId_fkey" FOREIGN KEY ("organizationId", "ownerId") REFERENCES "Membership"("organizationId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_organizationId_teamId_fkey" FOREIGN KEY ("organizationId", "teamId") REFERENCES "Team"("organizationId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_organizationId_parentGoalId_fkey" FOREIGN KEY ("organizationId", "parentGoalId") REFERENCES "Goal"("organizationId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "GoalStep" ADD CONSTRAINT "GoalStep_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoalStep" ADD CONSTRAINT "GoalStep_organizationId_goalId_fkey" FOREIGN KEY ("organizationId", "goalId") REFERENCES "Goal"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Written by hand (Prisma has no syntax for them): the database's own guard on the ranges.
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_priority_check" CHECK ("priority" >= 1);
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_scales_check" CHECK (
  ("motivation" IS NULL OR "motivation" BETWEEN 1 AND 10)
  AND ("importance" IS NULL OR "importance" BETWEEN 1 AND 10)
  AND ("likelihood" IS NULL OR "likelihood" BETWEEN 1 AND 10)
);
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_not_own_parent_check" CHECK ("parentGoalId" IS NULL OR "parentGoalId" <> "id");
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_team_level_check" CHECK (("level" = 'TEAM') = ("teamId" IS NOT NULL));
