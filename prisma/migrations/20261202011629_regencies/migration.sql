-- CreateTable
CREATE TABLE "Regency" (
    "code" CHAR(4) NOT NULL,
    "provinceCode" CHAR(2) NOT NULL,
    "name" TEXT NOT NULL,
    "retiredAt" TIMESTAMPTZ(3),

    CONSTRAINT "Regency_pkey" PRIMARY KEY ("code")
);

-- CreateIndex
CREATE INDEX "Regency_provinceCode_name_idx" ON "Regency"("provinceCode", "name");

-- AddForeignKey
ALTER TABLE "Regency" ADD CONSTRAINT "Regency_provinceCode_fkey" FOREIGN KEY ("provinceCode") REFERENCES "Province"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

