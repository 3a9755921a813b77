-- CreateEnum
CREATE TYPE "ConnectJobStatus" AS ENUM ('running', 'done', 'failed', 'cancelled');

-- CreateTable
CREATE TABLE "connect_job" (
    "id" UUID NOT NULL,
    "cluster_id" UUID NOT NULL,
    "asset_ids" UUID[],
    "position" INTEGER NOT NULL DEFAULT 0,
    "connected" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "waves" INTEGER NOT NULL DEFAULT 0,
    "status" "ConnectJobStatus" NOT NULL DEFAULT 'running',
    "next_run_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lease_until" TIMESTAMPTZ(3),
    "last_error" JSONB,
    "actor_type" VARCHAR(16) NOT NULL,
    "actor_id" VARCHAR(64),
    "actor_name" VARCHAR(255) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "connect_job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "connect_job_status_next_run_at_idx" ON "connect_job"("status", "next_run_at");

-- CreateIndex
CREATE INDEX "connect_job_cluster_id_created_at_idx" ON "connect_job"("cluster_id", "created_at" DESC);

-- AddForeignKey
ALTER TABLE "connect_job" ADD CONSTRAINT "connect_job_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "proxy_cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

