-- DropIndex
DROP INDEX "Application_callId_status_idx";

-- DropIndex
DROP INDEX "Decision_applicationId_idx";

-- CreateIndex
CREATE INDEX "Application_callId_status_institutionId_disciplineCode_ageO_idx" ON "Application"("callId", "status", "institutionId", "disciplineCode", "ageOnDeadline", "id");

-- CreateIndex
CREATE INDEX "Decision_applicationId_outcome_status_awardedFiscalFen_idx" ON "Decision"("applicationId", "outcome", "status", "awardedFiscalFen");
