-- CreateEnum
CREATE TYPE "ReconciliationStatus" AS ENUM ('QUEUED', 'IMPORTING', 'IMPORTED', 'FAILED');

-- CreateEnum
CREATE TYPE "ReconciliationMatch" AS ENUM ('LOAN_NUMBER', 'NIK');

-- AlterTable
ALTER TABLE "ReconciliationList" ADD COLUMN     "content" BYTEA,
ADD COLUMN     "importRunId" UUID,
ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'id',
ADD COLUMN     "matchedByNikCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "matchedCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "status" "ReconciliationStatus" NOT NULL DEFAULT 'IMPORTED';

-- AlterTable
ALTER TABLE "ReconciliationLoan" ADD COLUMN     "enrolmentId" UUID,
ADD COLUMN     "matchedBy" "ReconciliationMatch";

-- CreateIndex
CREATE INDEX "ReconciliationLoan_listId_enrolmentId_idx" ON "ReconciliationLoan"("listId", "enrolmentId");

-- AddForeignKey
ALTER TABLE "ReconciliationLoan" ADD CONSTRAINT "ReconciliationLoan_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

