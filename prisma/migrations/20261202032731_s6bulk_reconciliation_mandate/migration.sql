-- AlterTable
ALTER TABLE "ReconciliationLoan" ADD COLUMN     "kanwilId" UUID,
ADD COLUMN     "mandatory" BOOLEAN NOT NULL;

