-- AlterTable
ALTER TABLE "PaymentChannelKey" ADD COLUMN     "penyalurId" UUID;

-- CreateIndex
CREATE INDEX "PaymentChannelKey_penyalurId_idx" ON "PaymentChannelKey"("penyalurId");

-- AddForeignKey
ALTER TABLE "PaymentChannelKey" ADD CONSTRAINT "PaymentChannelKey_penyalurId_fkey" FOREIGN KEY ("penyalurId") REFERENCES "Penyalur"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A channel bound to a penyalur is that lending bank's auto-debit (docs/decisions/0025): any other
-- kind of channel settles for every penyalur and is never bound to one.
ALTER TABLE "PaymentChannelKey" ADD CONSTRAINT "PaymentChannelKey_penyalur_autodebit_check" CHECK ("penyalurId" IS NULL OR "kind" = 'AUTODEBIT');
