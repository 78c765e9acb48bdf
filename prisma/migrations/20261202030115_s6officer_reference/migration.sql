-- AlterTable
ALTER TABLE "Enrolment" ADD COLUMN     "referenceNo" SERIAL NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Enrolment_referenceNo_key" ON "Enrolment"("referenceNo");

