-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('KTP', 'NPWP', 'CONSENT', 'OTHER');

-- CreateTable
CREATE TABLE "EnrolmentDocument" (
    "id" UUID NOT NULL,
    "submissionKey" UUID NOT NULL,
    "penyalurOfficeId" UUID NOT NULL,
    "uploadedById" UUID NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "label" TEXT,
    "mimeType" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "sha256" CHAR(64) NOT NULL,
    "content" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EnrolmentDocument_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EnrolmentDocument_submissionKey_sha256_key" ON "EnrolmentDocument"("submissionKey", "sha256");

-- AddForeignKey
ALTER TABLE "EnrolmentDocument" ADD CONSTRAINT "EnrolmentDocument_penyalurOfficeId_fkey" FOREIGN KEY ("penyalurOfficeId") REFERENCES "PenyalurOffice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnrolmentDocument" ADD CONSTRAINT "EnrolmentDocument_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

