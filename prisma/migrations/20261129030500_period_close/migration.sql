-- AlterTable
ALTER TABLE "GoalPeriod" ADD COLUMN     "closedAt" TIMESTAMPTZ(3),
ADD COLUMN     "closedById" UUID;

-- AlterTable
ALTER TABLE "Goal" ADD COLUMN     "outcomeConfirmedById" UUID;

