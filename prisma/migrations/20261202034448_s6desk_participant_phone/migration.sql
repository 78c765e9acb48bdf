-- CreateIndex
CREATE INDEX "Participant_phone_idx" ON "Participant"("phone");
