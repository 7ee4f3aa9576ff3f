-- CreateTable
CREATE TABLE "CheckIn" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "goalId" UUID NOT NULL,
    "value" DECIMAL(18,4) NOT NULL,
    "doneStepIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "confidence" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "effectiveDate" DATE NOT NULL,
    "replacesId" UUID,
    "authorId" UUID NOT NULL,
    "clientKey" TEXT NOT NULL,
    "bodyDigest" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CheckIn_organizationId_goalId_effectiveDate_idx" ON "CheckIn"("organizationId", "goalId", "effectiveDate");

-- CreateIndex
CREATE INDEX "CheckIn_organizationId_authorId_idx" ON "CheckIn"("organizationId", "authorId");

-- CreateIndex
CREATE UNIQUE INDEX "CheckIn_organizationId_id_key" ON "CheckIn"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "CheckIn_organizationId_clientKey_key" ON "CheckIn"("organizationId", "clientKey");

-- CreateIndex
CREATE UNIQUE INDEX "CheckIn_organizationId_replacesId_key" ON "CheckIn"("organizationId", "replacesId");

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_organizationId_goalId_fkey" FOREIGN KEY ("organizationId", "goalId") REFERENCES "Goal"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_organizationId_authorId_fkey" FOREIGN KEY ("organizationId", "authorId") REFERENCES "Membership"("organizationId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_organizationId_replacesId_fkey" FOREIGN KEY ("organizationId", "replacesId") REFERENCES "CheckIn"("organizationId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;


-- Hand-written: what Prisma's schema language cannot say.
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_confidence_check" CHECK ("confidence" BETWEEN 1 AND 10);
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_not_own_correction_check" CHECK ("replacesId" IS NULL OR "replacesId" <> "id");
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_link_weight_check" CHECK ("linkWeight" > 0);
