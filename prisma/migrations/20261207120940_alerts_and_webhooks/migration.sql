-- CreateTable
CREATE TABLE "alert_rule" (
    "kind" VARCHAR(40) NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "threshold" DECIMAL(12,2),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by" VARCHAR(255),

    CONSTRAINT "alert_rule_pkey" PRIMARY KEY ("kind")
);

-- CreateTable
CREATE TABLE "alert" (
    "id" UUID NOT NULL,
    "kind" VARCHAR(40) NOT NULL,
    "region" "Region" NOT NULL,
    "subject_type" VARCHAR(32) NOT NULL,
    "subject_id" UUID NOT NULL,
    "subject_name" VARCHAR(255) NOT NULL,
    "cluster_id" UUID,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),
    "values" JSONB NOT NULL DEFAULT '{}',
    "link" VARCHAR(512) NOT NULL,

    CONSTRAINT "alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_destination" (
    "id" UUID NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "url" VARCHAR(2048) NOT NULL,
    "secret_sealed" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_destination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_delivery" (
    "id" UUID NOT NULL,
    "alert_id" UUID,
    "event" VARCHAR(16) NOT NULL,
    "destination_id" UUID NOT NULL,
    "status" VARCHAR(16) NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lease_until" TIMESTAMPTZ(3),
    "last_status_code" INTEGER,
    "last_error" VARCHAR(1024),
    "delivered_at" TIMESTAMPTZ(3),
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_attempt" (
    "id" BIGSERIAL NOT NULL,
    "delivery_id" UUID NOT NULL,
    "attempt" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status_code" INTEGER,
    "error" VARCHAR(1024),
    "duration_ms" INTEGER NOT NULL,

    CONSTRAINT "webhook_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "worker_lease" (
    "name" VARCHAR(64) NOT NULL,
    "holder" VARCHAR(128) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "worker_lease_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "alert_drop_mark" (
    "proxy_id" UUID NOT NULL,
    "dropped_records" BIGINT NOT NULL,
    "dropped_bytes" BIGINT NOT NULL,
    "grew_at" TIMESTAMPTZ(3),

    CONSTRAINT "alert_drop_mark_pkey" PRIMARY KEY ("proxy_id")
);

-- CreateIndex
CREATE INDEX "alert_region_opened_at_idx" ON "alert"("region", "opened_at");

-- CreateIndex
CREATE INDEX "alert_resolved_at_idx" ON "alert"("resolved_at");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_destination_name_key" ON "webhook_destination"("name");

-- CreateIndex
CREATE INDEX "webhook_delivery_status_next_attempt_at_idx" ON "webhook_delivery"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "webhook_delivery_destination_id_created_at_idx" ON "webhook_delivery"("destination_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_delivery_alert_id_event_destination_id_key" ON "webhook_delivery"("alert_id", "event", "destination_id");

-- CreateIndex
CREATE INDEX "webhook_attempt_delivery_id_attempt_idx" ON "webhook_attempt"("delivery_id", "attempt");

-- AddForeignKey
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_destination_id_fkey" FOREIGN KEY ("destination_id") REFERENCES "webhook_destination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_attempt" ADD CONSTRAINT "webhook_attempt_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "webhook_delivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- An alert opens once: at most one open alert per kind and subject, even when two evaluators race.
CREATE UNIQUE INDEX "alert_open_once" ON "alert"("kind", "subject_id") WHERE "resolved_at" IS NULL;

-- The rules with their default thresholds (editable in Settings).
INSERT INTO "alert_rule" ("kind", "enabled", "threshold") VALUES
  ('proxy_offline', true, NULL),
  ('cluster_status', true, NULL),
  ('capacity_use', true, 80),
  ('bandwidth_use', true, 60),
  ('cache_use', true, 90),
  ('queue_dropping', true, 15),
  ('install_command_expiring', true, 24);
