-- DropIndex
DROP INDEX "Enrolment_kantorCabangId_status_idx";

-- CreateIndex
CREATE INDEX "Enrolment_kantorCabangId_status_submittedAt_idx" ON "Enrolment"("kantorCabangId", "status", "submittedAt");

