-- CreateIndex
CREATE INDEX "Application_status_submittedAt_id_idx" ON "Application"("status", "submittedAt", "id");
