-- AlterTable
ALTER TABLE "SettlementImport" ADD COLUMN     "contentPurgedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "BulkUpload" ADD COLUMN     "contentPurgedAt" TIMESTAMPTZ(3);

