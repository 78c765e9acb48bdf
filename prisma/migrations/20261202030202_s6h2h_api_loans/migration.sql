-- CreateEnum
CREATE TYPE "LoanEventKind" AS ENUM ('DISBURSED', 'EARLY_REPAYMENT', 'WRITE_OFF', 'RESTRUCTURED');

-- AlterTable
ALTER TABLE "Enrolment" ADD COLUMN     "coverageGap" BOOLEAN,
ADD COLUMN     "disbursedAmount" INTEGER,
ADD COLUMN     "disbursedOn" DATE,
ADD COLUMN     "expectedCoverEndMonth" DATE,
ADD COLUMN     "loanTenorMonths" INTEGER,
ADD COLUMN     "obligationEndReason" "LoanEventKind",
ADD COLUMN     "obligationEndedOn" DATE;

-- CreateTable
CREATE TABLE "LoanEvent" (
    "id" UUID NOT NULL,
    "enrolmentId" UUID NOT NULL,
    "penyalurId" UUID NOT NULL,
    "kind" "LoanEventKind" NOT NULL,
    "reference" TEXT NOT NULL,
    "occurredOn" DATE NOT NULL,
    "amount" INTEGER,
    "tenorMonths" INTEGER,
    "requestHash" CHAR(64) NOT NULL,
    "apiKeyId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoanEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiIdempotencyKey" (
    "penyalurId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" CHAR(64) NOT NULL,
    "submissionKey" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiIdempotencyKey_pkey" PRIMARY KEY ("penyalurId","key")
);

-- CreateIndex
CREATE INDEX "LoanEvent_enrolmentId_occurredOn_idx" ON "LoanEvent"("enrolmentId", "occurredOn");

-- CreateIndex
CREATE UNIQUE INDEX "LoanEvent_penyalurId_reference_key" ON "LoanEvent"("penyalurId", "reference");

-- CreateIndex
CREATE INDEX "Enrolment_coverageGap_kantorCabangId_idx" ON "Enrolment"("coverageGap", "kantorCabangId");

-- AddForeignKey
ALTER TABLE "LoanEvent" ADD CONSTRAINT "LoanEvent_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

