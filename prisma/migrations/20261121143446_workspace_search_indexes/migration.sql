-- Hand-written: schema.prisma cannot declare extensions without a preview feature. pg_trgm is a
-- trusted extension (PostgreSQL 13+), so the database owner may create it; the trigram indexes
-- below need it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Participant_fullName_trgm_idx" ON "Participant" USING GIN ("fullName" gin_trgm_ops);

-- Hand-written: an expression index Prisma cannot declare. The workspace search by a NIK's last
-- four digits asks `right(nik, 4) = $1` (lib/enrolment/data.ts); tests/integration/schema-drift.test.ts
-- lists this index as hand-written.
CREATE INDEX "Participant_nik_last4_idx" ON "Participant" (right(nik, 4));

-- CreateIndex
CREATE INDEX "Enrolment_loanNumber_idx" ON "Enrolment"("loanNumber");

