-- CreateIndex
CREATE INDEX "Goal_organizationId_periodId_teamIdAtActivation_idx" ON "Goal"("organizationId", "periodId", "teamIdAtActivation");

