-- CreateEnum
CREATE TYPE "UpgradeRolloutStatus" AS ENUM ('running', 'paused', 'done', 'cancelled');

-- CreateTable
CREATE TABLE "upgrade_rollout" (
    "id" UUID NOT NULL,
    "cluster_id" UUID NOT NULL,
    "target_version" VARCHAR(32) NOT NULL,
    "batch_size" INTEGER NOT NULL DEFAULT 1,
    "status" "UpgradeRolloutStatus" NOT NULL DEFAULT 'running',
    "steps" JSONB NOT NULL DEFAULT '[]',
    "hold_reason" JSONB,
    "next_run_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_type" VARCHAR(16) NOT NULL,
    "actor_id" VARCHAR(64),
    "actor_name" VARCHAR(255) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "upgrade_rollout_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "upgrade_rollout_status_next_run_at_idx" ON "upgrade_rollout"("status", "next_run_at");

-- CreateIndex
CREATE INDEX "upgrade_rollout_cluster_id_created_at_idx" ON "upgrade_rollout"("cluster_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "upgrade_rollout_finished_at_idx" ON "upgrade_rollout"("finished_at");

-- AddForeignKey
ALTER TABLE "upgrade_rollout" ADD CONSTRAINT "upgrade_rollout_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "proxy_cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- One rollout at a time per cluster: a second "Upgrade all" while one runs or is paused is refused.
CREATE UNIQUE INDEX "upgrade_rollout_one_active_per_cluster" ON "upgrade_rollout"("cluster_id") WHERE "status" IN ('running', 'paused');
