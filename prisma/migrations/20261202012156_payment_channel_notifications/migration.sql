-- DropForeignKey
ALTER TABLE "Payment" DROP CONSTRAINT "Payment_recordedById_fkey";

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "channelKeyId" UUID,
ALTER COLUMN "recordedById" DROP NOT NULL;

-- CreateTable
CREATE TABLE "PaymentChannelKey" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "PaymentChannel" NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" CHAR(64) NOT NULL,
    "signingSecret" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PaymentChannelKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentNotification" (
    "id" UUID NOT NULL,
    "channelKeyId" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "bodyHash" CHAR(64) NOT NULL,
    "status" INTEGER NOT NULL,
    "response" JSONB NOT NULL,
    "paymentId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentNotification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PaymentChannelKey_code_key" ON "PaymentChannelKey"("code");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentChannelKey_prefix_key" ON "PaymentChannelKey"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentChannelKey_keyHash_key" ON "PaymentChannelKey"("keyHash");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentNotification_paymentId_key" ON "PaymentNotification"("paymentId");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentNotification_channelKeyId_reference_key" ON "PaymentNotification"("channelKeyId", "reference");

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_channelKeyId_fkey" FOREIGN KEY ("channelKeyId") REFERENCES "PaymentChannelKey"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentNotification" ADD CONSTRAINT "PaymentNotification_channelKeyId_fkey" FOREIGN KEY ("channelKeyId") REFERENCES "PaymentChannelKey"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentNotification" ADD CONSTRAINT "PaymentNotification_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Every payment was recorded by exactly one of: a reviewer, a channel's key (docs/decisions/0016 §2).
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_recorder_check" CHECK (("recordedById" IS NULL) <> ("channelKeyId" IS NULL));
