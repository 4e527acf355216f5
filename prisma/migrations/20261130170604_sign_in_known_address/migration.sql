-- CreateIndex
CREATE INDEX "sign_in_attempt_email_ip_succeeded_createdAt_idx" ON "sign_in_attempt"("email", "ip", "succeeded", "createdAt");

