-- CreateEnum
CREATE TYPE "KurSectorGroup" AS ENUM ('AGRICULTURE', 'FISHERIES', 'PROCESSING_INDUSTRY', 'TRADE', 'SERVICES');

-- CreateEnum
CREATE TYPE "LoanPurpose" AS ENUM ('WORKING_CAPITAL', 'INVESTMENT');

-- CreateEnum
CREATE TYPE "HeirRelationship" AS ENUM ('SPOUSE', 'CHILD', 'PARENT', 'SIBLING', 'OTHER');

-- CreateEnum
CREATE TYPE "RejectReason" AS ENUM ('NIK_INVALID', 'DUPLICATE_PARTICIPANT', 'NOT_ELIGIBLE', 'DATA_MISMATCH', 'OTHER');

-- CreateEnum
CREATE TYPE "PaymentChannel" AS ENUM ('VIRTUAL_ACCOUNT', 'BANK_TELLER', 'AUTODEBIT', 'RETAIL_OUTLET', 'BPJS_OFFICE');

-- AlterTable
ALTER TABLE "Participant" ADD COLUMN     "addressDistrict" TEXT,
ADD COLUMN     "addressProvinceCode" CHAR(2),
ADD COLUMN     "addressRegency" TEXT,
ADD COLUMN     "addressStreet" TEXT,
ADD COLUMN     "birthPlace" TEXT,
ADD COLUMN     "email" TEXT,
ADD COLUMN     "motherMaidenName" TEXT;

-- AlterTable
ALTER TABLE "Enrolment" ADD COLUMN     "approvedAt" TIMESTAMPTZ(3),
ADD COLUMN     "attestNikChecked" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "attestNoOtherKur" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "attestNpwpPresent" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "attestSlikChecked" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "businessName" TEXT,
ADD COLUMN     "businessProvinceCode" CHAR(2),
ADD COLUMN     "businessStartedOn" DATE,
ADD COLUMN     "consentAt" TIMESTAMPTZ(3),
ADD COLUMN     "consentTextVersion" TEXT,
ADD COLUMN     "coverStartMonth" DATE,
ADD COLUMN     "heirName" TEXT,
ADD COLUMN     "heirPhone" TEXT,
ADD COLUMN     "heirRelationship" "HeirRelationship",
ADD COLUMN     "kbli" CHAR(5),
ADD COLUMN     "loanNumber" TEXT,
ADD COLUMN     "monthsInAdvance" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "nib" CHAR(13),
ADD COLUMN     "npwp" CHAR(16),
ADD COLUMN     "penyalurId" UUID,
ADD COLUMN     "plannedDisbursementDate" DATE,
ADD COLUMN     "priorKurCount" INTEGER,
ADD COLUMN     "purpose" "LoanPurpose",
ADD COLUMN     "rejectNote" TEXT,
ADD COLUMN     "rejectReason" "RejectReason",
ADD COLUMN     "returnReason" TEXT,
ADD COLUMN     "reviewedAt" TIMESTAMPTZ(3),
ADD COLUMN     "reviewedById" UUID,
ADD COLUMN     "sectorGroup" "KurSectorGroup",
ADD COLUMN     "tenorMonths" INTEGER,
ADD COLUMN     "verificationCode" TEXT;

-- Backfill the penyalur of enrolments written before the column existed (hand-written).
UPDATE "Enrolment" e SET "penyalurId" = o."penyalurId" FROM "PenyalurOffice" o WHERE o."id" = e."penyalurOfficeId";
ALTER TABLE "Enrolment" ALTER COLUMN "penyalurId" SET NOT NULL;

-- AlterTable
ALTER TABLE "ContributionLine" ADD COLUMN     "paymentId" UUID;

-- CreateTable
CREATE TABLE "Payment" (
    "id" UUID NOT NULL,
    "enrolmentId" UUID NOT NULL,
    "amount" INTEGER NOT NULL,
    "paidOn" DATE NOT NULL,
    "channel" "PaymentChannel" NOT NULL,
    "reference" TEXT NOT NULL,
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnrolmentDraft" (
    "id" UUID NOT NULL,
    "submissionKey" UUID NOT NULL,
    "penyalurOfficeId" UUID NOT NULL,
    "officerId" UUID NOT NULL,
    "data" JSONB NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EnrolmentDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Payment_reference_key" ON "Payment"("reference");

-- CreateIndex
CREATE INDEX "Payment_enrolmentId_idx" ON "Payment"("enrolmentId");

-- CreateIndex
CREATE UNIQUE INDEX "EnrolmentDraft_submissionKey_key" ON "EnrolmentDraft"("submissionKey");

-- CreateIndex
CREATE INDEX "EnrolmentDraft_penyalurOfficeId_updatedAt_idx" ON "EnrolmentDraft"("penyalurOfficeId", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Enrolment_verificationCode_key" ON "Enrolment"("verificationCode");

-- CreateIndex
CREATE UNIQUE INDEX "Enrolment_penyalurId_loanNumber_key" ON "Enrolment"("penyalurId", "loanNumber");

-- CreateIndex
CREATE INDEX "ContributionLine_paymentId_idx" ON "ContributionLine"("paymentId");

-- AddForeignKey
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_addressProvinceCode_fkey" FOREIGN KEY ("addressProvinceCode") REFERENCES "Province"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_penyalurId_fkey" FOREIGN KEY ("penyalurId") REFERENCES "Penyalur"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_businessProvinceCode_fkey" FOREIGN KEY ("businessProvinceCode") REFERENCES "Province"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContributionLine" ADD CONSTRAINT "ContributionLine_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnrolmentDraft" ADD CONSTRAINT "EnrolmentDraft_penyalurOfficeId_fkey" FOREIGN KEY ("penyalurOfficeId") REFERENCES "PenyalurOffice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnrolmentDraft" ADD CONSTRAINT "EnrolmentDraft_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

