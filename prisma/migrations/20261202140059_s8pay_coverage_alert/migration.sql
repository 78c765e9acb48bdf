-- CreateEnum
CREATE TYPE "CoverageAlertState" AS ENUM ('ARREARS', 'LAPSED');

-- CreateTable
CREATE TABLE "CoverageAlert" (
    "enrolmentId" UUID NOT NULL,
    "state" "CoverageAlertState" NOT NULL,
    "since" DATE NOT NULL,
    "eventId" UUID NOT NULL,

    CONSTRAINT "CoverageAlert_pkey" PRIMARY KEY ("enrolmentId")
);

-- AddForeignKey
ALTER TABLE "CoverageAlert" ADD CONSTRAINT "CoverageAlert_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

