-- DropIndex
DROP INDEX "Application_callId_status_institutionId_disciplineCode_ageO_idx";

-- CreateIndex
CREATE INDEX "Application_callId_status_institutionId_disciplineCode_ageO_idx" ON "Application"("callId", "status", "institutionId", "disciplineCode", "ageOnDeadline", "code", "id");
