-- CreateTable
CREATE TABLE "EnrolmentReturn" (
    "id" UUID NOT NULL,
    "enrolmentId" UUID NOT NULL,
    "reviewerId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "fields" JSONB NOT NULL,
    "returnedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EnrolmentReturn_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EnrolmentReturn_enrolmentId_returnedAt_idx" ON "EnrolmentReturn"("enrolmentId", "returnedAt");

-- AddForeignKey
ALTER TABLE "EnrolmentReturn" ADD CONSTRAINT "EnrolmentReturn_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnrolmentReturn" ADD CONSTRAINT "EnrolmentReturn_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

