-- CreateIndex
CREATE INDEX "client_connection_batch_id_idx" ON "client_connection"("batch_id");

-- CreateIndex
CREATE INDEX "connection_batch_created_at_idx" ON "connection_batch"("created_at");

-- CreateIndex
CREATE INDEX "session_expires_at_idx" ON "session"("expires_at");

-- CreateIndex
CREATE INDEX "verification_expires_at_idx" ON "verification"("expires_at");

-- CreateIndex
CREATE INDEX "connect_job_finished_at_idx" ON "connect_job"("finished_at");

-- CreateIndex
CREATE INDEX "data_rollup_minute_idx" ON "data_rollup"("minute");

