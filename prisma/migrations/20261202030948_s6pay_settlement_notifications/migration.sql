-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('EMAIL', 'SMS', 'WHATSAPP');

-- CreateEnum
CREATE TYPE "DebtorMessageKind" AS ENUM ('APPROVAL', 'DUE_SOON', 'LAPSED', 'ARREARS_REMINDER', 'BILLING');

-- CreateEnum
CREATE TYPE "DebtorMessageStatus" AS ENUM ('PENDING', 'SENT', 'FAILED', 'OPTED_OUT');

-- AlterTable
ALTER TABLE "Enrolment" ADD COLUMN     "autoDebitConsent" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "SettlementImport" (
    "id" UUID NOT NULL,
    "channelKeyId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSha256" CHAR(64) NOT NULL,
    "content" TEXT NOT NULL,
    "uploadedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "result" JSONB,

    CONSTRAINT "SettlementImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DebtorMessage" (
    "id" UUID NOT NULL,
    "enrolmentId" UUID NOT NULL,
    "kind" "DebtorMessageKind" NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "recipient" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "status" "DebtorMessageStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "requestedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DebtorMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationOptOut" (
    "id" UUID NOT NULL,
    "participantId" UUID NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedById" UUID,

    CONSTRAINT "NotificationOptOut_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SettlementImport_createdAt_idx" ON "SettlementImport"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SettlementImport_channelKeyId_fileSha256_key" ON "SettlementImport"("channelKeyId", "fileSha256");

-- CreateIndex
CREATE UNIQUE INDEX "DebtorMessage_dedupeKey_key" ON "DebtorMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "DebtorMessage_enrolmentId_createdAt_idx" ON "DebtorMessage"("enrolmentId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationOptOut_participantId_channel_key" ON "NotificationOptOut"("participantId", "channel");

-- AddForeignKey
ALTER TABLE "SettlementImport" ADD CONSTRAINT "SettlementImport_channelKeyId_fkey" FOREIGN KEY ("channelKeyId") REFERENCES "PaymentChannelKey"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SettlementImport" ADD CONSTRAINT "SettlementImport_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DebtorMessage" ADD CONSTRAINT "DebtorMessage_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationOptOut" ADD CONSTRAINT "NotificationOptOut_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

