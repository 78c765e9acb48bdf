-- LindungiKUR data model v1 (issue: foundation). Generated with prisma migrate diff (docs/decisions/0002).

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('BANK_OFFICER', 'BRANCH_REVIEWER', 'REGIONAL_MANAGER', 'HEAD_OFFICE', 'ADMIN');

-- CreateEnum
CREATE TYPE "PenyalurType" AS ENUM ('BANK', 'PEGADAIAN', 'BPR', 'KOPERASI');

-- CreateEnum
CREATE TYPE "OfficeLevel" AS ENUM ('HEAD_OFFICE', 'BRANCH', 'UNIT');

-- CreateEnum
CREATE TYPE "DisbursementGate" AS ENUM ('BLOCK', 'WARN');

-- CreateEnum
CREATE TYPE "KurScheme" AS ENUM ('SUPER_MIKRO', 'MIKRO', 'KECIL', 'KHUSUS', 'PMI');

-- CreateEnum
CREATE TYPE "MandateStatus" AS ENUM ('MANDATORY', 'PHASED_REQUIRED', 'VOLUNTARY', 'OUT_OF_SCOPE');

-- CreateEnum
CREATE TYPE "EnrolmentStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('L', 'P');

-- CreateEnum
CREATE TYPE "BpuSector" AS ENUM ('TRANSPORT', 'OTHER');

-- CreateEnum
CREATE TYPE "ContributionStatus" AS ENUM ('DUE', 'PAID');

-- CreateTable
CREATE TABLE "Kanwil" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Kanwil_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Province" (
    "code" CHAR(2) NOT NULL,
    "name" TEXT NOT NULL,
    "kanwilId" UUID NOT NULL,
    "timeZone" TEXT NOT NULL,

    CONSTRAINT "Province_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "KantorCabang" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kanwilId" UUID NOT NULL,
    "provinceCode" CHAR(2) NOT NULL,
    "timeZone" TEXT NOT NULL,

    CONSTRAINT "KantorCabang_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Penyalur" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "PenyalurType" NOT NULL,
    "disbursementGate" "DisbursementGate" NOT NULL DEFAULT 'BLOCK',

    CONSTRAINT "Penyalur_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PenyalurOffice" (
    "id" UUID NOT NULL,
    "penyalurId" UUID NOT NULL,
    "parentId" UUID,
    "level" "OfficeLevel" NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "provinceCode" CHAR(2) NOT NULL,
    "timeZone" TEXT NOT NULL,
    "defaultKantorCabangId" UUID,

    CONSTRAINT "PenyalurOffice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "penyalurOfficeId" UUID,
    "kantorCabangId" UUID,
    "kanwilId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PhaseRule" (
    "id" UUID NOT NULL,
    "penyalurId" UUID,
    "kanwilId" UUID,
    "startDate" DATE NOT NULL,
    "note" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PhaseRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Participant" (
    "id" UUID NOT NULL,
    "nik" CHAR(16) NOT NULL,
    "fullName" TEXT NOT NULL,
    "birthDate" DATE NOT NULL,
    "sex" "Sex" NOT NULL,
    "phone" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Participant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enrolment" (
    "id" UUID NOT NULL,
    "submissionKey" UUID NOT NULL,
    "participantId" UUID NOT NULL,
    "penyalurOfficeId" UUID NOT NULL,
    "officerId" UUID NOT NULL,
    "kantorCabangId" UUID NOT NULL,
    "status" "EnrolmentStatus" NOT NULL,
    "scheme" "KurScheme" NOT NULL,
    "plafon" INTEGER NOT NULL,
    "declaredIncome" INTEGER NOT NULL,
    "sector" "BpuSector" NOT NULL DEFAULT 'OTHER',
    "fundedByBudget" BOOLEAN NOT NULL DEFAULT false,
    "tierTableVersion" TEXT NOT NULL,
    "tierIndex" INTEGER NOT NULL,
    "tierBasis" INTEGER NOT NULL,
    "jht" BOOLEAN NOT NULL,
    "mandateStatus" "MandateStatus" NOT NULL,
    "mandateRuleId" TEXT NOT NULL,
    "mandateRuleVersion" TEXT NOT NULL,
    "mandateLegalBasis" TEXT NOT NULL,
    "mandateExplanation" TEXT NOT NULL,
    "mandateInputs" JSONB NOT NULL,
    "mandateRequiredFrom" DATE,
    "kpj" CHAR(11),
    "version" INTEGER NOT NULL DEFAULT 1,
    "submittedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Enrolment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContributionLine" (
    "id" UUID NOT NULL,
    "enrolmentId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "tierTableVersion" TEXT NOT NULL,
    "tierBasis" INTEGER NOT NULL,
    "jkkGross" INTEGER NOT NULL,
    "jkmGross" INTEGER NOT NULL,
    "jhtGross" INTEGER NOT NULL,
    "jkk" INTEGER NOT NULL,
    "jkm" INTEGER NOT NULL,
    "jht" INTEGER NOT NULL,
    "discount" INTEGER NOT NULL,
    "reliefRuleId" TEXT,
    "total" INTEGER NOT NULL,
    "dueDate" DATE NOT NULL,
    "status" "ContributionStatus" NOT NULL DEFAULT 'DUE',
    "paidAt" TIMESTAMPTZ(3),

    CONSTRAINT "ContributionLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Kanwil_code_key" ON "Kanwil"("code");

-- CreateIndex
CREATE UNIQUE INDEX "KantorCabang_code_key" ON "KantorCabang"("code");

-- CreateIndex
CREATE INDEX "KantorCabang_kanwilId_idx" ON "KantorCabang"("kanwilId");

-- CreateIndex
CREATE UNIQUE INDEX "Penyalur_code_key" ON "Penyalur"("code");

-- CreateIndex
CREATE INDEX "PenyalurOffice_parentId_idx" ON "PenyalurOffice"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "PenyalurOffice_penyalurId_code_key" ON "PenyalurOffice"("penyalurId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Participant_nik_key" ON "Participant"("nik");

-- CreateIndex
CREATE UNIQUE INDEX "Enrolment_submissionKey_key" ON "Enrolment"("submissionKey");

-- CreateIndex
CREATE UNIQUE INDEX "Enrolment_kpj_key" ON "Enrolment"("kpj");

-- CreateIndex
CREATE INDEX "Enrolment_penyalurOfficeId_createdAt_idx" ON "Enrolment"("penyalurOfficeId", "createdAt");

-- CreateIndex
CREATE INDEX "Enrolment_kantorCabangId_status_idx" ON "Enrolment"("kantorCabangId", "status");

-- CreateIndex
CREATE INDEX "Enrolment_participantId_idx" ON "Enrolment"("participantId");

-- CreateIndex
CREATE INDEX "ContributionLine_month_status_idx" ON "ContributionLine"("month", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ContributionLine_enrolmentId_month_key" ON "ContributionLine"("enrolmentId", "month");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- AddForeignKey
ALTER TABLE "Province" ADD CONSTRAINT "Province_kanwilId_fkey" FOREIGN KEY ("kanwilId") REFERENCES "Kanwil"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KantorCabang" ADD CONSTRAINT "KantorCabang_kanwilId_fkey" FOREIGN KEY ("kanwilId") REFERENCES "Kanwil"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KantorCabang" ADD CONSTRAINT "KantorCabang_provinceCode_fkey" FOREIGN KEY ("provinceCode") REFERENCES "Province"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PenyalurOffice" ADD CONSTRAINT "PenyalurOffice_penyalurId_fkey" FOREIGN KEY ("penyalurId") REFERENCES "Penyalur"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PenyalurOffice" ADD CONSTRAINT "PenyalurOffice_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "PenyalurOffice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PenyalurOffice" ADD CONSTRAINT "PenyalurOffice_provinceCode_fkey" FOREIGN KEY ("provinceCode") REFERENCES "Province"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PenyalurOffice" ADD CONSTRAINT "PenyalurOffice_defaultKantorCabangId_fkey" FOREIGN KEY ("defaultKantorCabangId") REFERENCES "KantorCabang"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_penyalurOfficeId_fkey" FOREIGN KEY ("penyalurOfficeId") REFERENCES "PenyalurOffice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_kantorCabangId_fkey" FOREIGN KEY ("kantorCabangId") REFERENCES "KantorCabang"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_kanwilId_fkey" FOREIGN KEY ("kanwilId") REFERENCES "Kanwil"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhaseRule" ADD CONSTRAINT "PhaseRule_penyalurId_fkey" FOREIGN KEY ("penyalurId") REFERENCES "Penyalur"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhaseRule" ADD CONSTRAINT "PhaseRule_kanwilId_fkey" FOREIGN KEY ("kanwilId") REFERENCES "Kanwil"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_penyalurOfficeId_fkey" FOREIGN KEY ("penyalurOfficeId") REFERENCES "PenyalurOffice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_kantorCabangId_fkey" FOREIGN KEY ("kantorCabangId") REFERENCES "KantorCabang"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContributionLine" ADD CONSTRAINT "ContributionLine_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

