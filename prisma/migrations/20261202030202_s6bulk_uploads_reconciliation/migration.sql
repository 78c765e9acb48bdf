-- CreateEnum
CREATE TYPE "BulkFileFormat" AS ENUM ('CSV', 'XLSX');

-- CreateEnum
CREATE TYPE "BulkUploadStatus" AS ENUM ('VALIDATING', 'VALIDATED', 'COMMITTING', 'COMMITTED', 'FAILED');

-- CreateTable
CREATE TABLE "BulkUpload" (
    "id" UUID NOT NULL,
    "penyalurOfficeId" UUID NOT NULL,
    "uploadedById" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "format" "BulkFileFormat" NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "content" BYTEA NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'id',
    "status" "BulkUploadStatus" NOT NULL DEFAULT 'VALIDATING',
    "rowCount" INTEGER,
    "validCount" INTEGER,
    "existingCount" INTEGER,
    "errorCount" INTEGER,
    "createdCount" INTEGER,
    "validateRunId" UUID,
    "commitRunId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "validatedAt" TIMESTAMPTZ(3),
    "committedAt" TIMESTAMPTZ(3),

    CONSTRAINT "BulkUpload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BulkUploadRowError" (
    "uploadId" UUID NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "errors" JSONB NOT NULL,

    CONSTRAINT "BulkUploadRowError_pkey" PRIMARY KEY ("uploadId","rowNumber")
);

-- CreateTable
CREATE TABLE "ReconciliationList" (
    "id" UUID NOT NULL,
    "uploadedById" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "periodFrom" DATE NOT NULL,
    "periodTo" DATE NOT NULL,
    "rowCount" INTEGER NOT NULL DEFAULT 0,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "rowErrors" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReconciliationList_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReconciliationLoan" (
    "id" UUID NOT NULL,
    "listId" UUID NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "penyalurId" UUID NOT NULL,
    "penyalurOfficeId" UUID,
    "nik" CHAR(16) NOT NULL,
    "loanNumber" TEXT NOT NULL,
    "scheme" "KurScheme" NOT NULL,
    "plafon" INTEGER NOT NULL,
    "disbursedOn" DATE NOT NULL,

    CONSTRAINT "ReconciliationLoan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BulkUpload_penyalurOfficeId_createdAt_idx" ON "BulkUpload"("penyalurOfficeId", "createdAt");

-- CreateIndex
CREATE INDEX "ReconciliationList_createdAt_idx" ON "ReconciliationList"("createdAt");

-- CreateIndex
CREATE INDEX "ReconciliationLoan_listId_penyalurId_loanNumber_idx" ON "ReconciliationLoan"("listId", "penyalurId", "loanNumber");

-- AddForeignKey
ALTER TABLE "BulkUpload" ADD CONSTRAINT "BulkUpload_penyalurOfficeId_fkey" FOREIGN KEY ("penyalurOfficeId") REFERENCES "PenyalurOffice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulkUpload" ADD CONSTRAINT "BulkUpload_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulkUploadRowError" ADD CONSTRAINT "BulkUploadRowError_uploadId_fkey" FOREIGN KEY ("uploadId") REFERENCES "BulkUpload"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReconciliationList" ADD CONSTRAINT "ReconciliationList_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReconciliationLoan" ADD CONSTRAINT "ReconciliationLoan_listId_fkey" FOREIGN KEY ("listId") REFERENCES "ReconciliationList"("id") ON DELETE CASCADE ON UPDATE CASCADE;

