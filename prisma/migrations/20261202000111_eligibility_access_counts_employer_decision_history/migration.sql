-- CreateEnum
CREATE TYPE "MandateOccasion" AS ENUM ('SUBMISSION', 'RESUBMISSION', 'CLEARANCE');

-- AlterTable
ALTER TABLE "Enrolment" ADD COLUMN     "employsWorkers" BOOLEAN,
ADD COLUMN     "outstandingMikro" INTEGER,
ADD COLUMN     "priorKecilCount" INTEGER,
ADD COLUMN     "priorMikroCount" INTEGER,
ADD COLUMN     "workerCount" INTEGER;

-- CreateTable
CREATE TABLE "MandateDecisionRecord" (
    "id" UUID NOT NULL,
    "enrolmentId" UUID NOT NULL,
    "occasion" "MandateOccasion" NOT NULL,
    "decidedOn" DATE NOT NULL,
    "status" "MandateStatus" NOT NULL,
    "ruleId" TEXT NOT NULL,
    "ruleVersion" TEXT NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,
    "inputs" JSONB NOT NULL,
    "requiredFrom" DATE,
    "actorId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MandateDecisionRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MandateDecisionRecord_enrolmentId_createdAt_idx" ON "MandateDecisionRecord"("enrolmentId", "createdAt");

-- AddForeignKey
ALTER TABLE "MandateDecisionRecord" ADD CONSTRAINT "MandateDecisionRecord_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

