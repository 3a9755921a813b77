-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Region" AS ENUM ('cn', 'intl');

-- CreateEnum
CREATE TYPE "AssetType" AS ENUM ('host', 'container');

-- CreateEnum
CREATE TYPE "OsFamily" AS ENUM ('linux', 'windows');

-- CreateEnum
CREATE TYPE "Provider" AS ENUM ('alibaba', 'aws', 'azure', 'gcp', 'tencent', 'huawei', 'idc', 'other');

-- CreateEnum
CREATE TYPE "AddressKind" AS ENUM ('ipv4', 'ipv6', 'domain');

-- CreateEnum
CREATE TYPE "DeployMode" AS ENUM ('quick', 'manual');

-- CreateEnum
CREATE TYPE "BatchSource" AS ENUM ('panel', 'install_command');

-- CreateEnum
CREATE TYPE "PolicyMode" AS ENUM ('backflow', 'cache');

-- CreateEnum
CREATE TYPE "AgentTaskType" AS ENUM ('deploy_proxy', 'upgrade_proxy', 'stop_proxy');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('success', 'failure');

-- CreateTable
CREATE TABLE "asset_group" (
    "id" UUID NOT NULL,
    "region" "Region" NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "asset_group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tag" (
    "id" UUID NOT NULL,
    "region" "Region" NOT NULL,
    "name" VARCHAR(64) NOT NULL,

    CONSTRAINT "tag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "asset_tag" (
    "asset_id" UUID NOT NULL,
    "tag_id" UUID NOT NULL,

    CONSTRAINT "asset_tag_pkey" PRIMARY KEY ("asset_id","tag_id")
);

-- CreateTable
CREATE TABLE "asset" (
    "id" UUID NOT NULL,
    "region" "Region" NOT NULL,
    "type" "AssetType" NOT NULL,
    "hostname" VARCHAR(255) NOT NULL,
    "os" "OsFamily" NOT NULL,
    "os_version" VARCHAR(128) NOT NULL,
    "provider" "Provider" NOT NULL,
    "group_id" UUID,
    "ips" TEXT[],
    "cpu_cores" INTEGER,
    "memory_mb" INTEGER,
    "machine_id" VARCHAR(128),
    "agent_version" VARCHAR(32),
    "agent_last_seen_at" TIMESTAMPTZ(3),
    "agent_credential_hash" VARCHAR(64),
    "install_command_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "asset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "proxy_cluster" (
    "id" UUID NOT NULL,
    "region" "Region" NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "address" VARCHAR(253) NOT NULL,
    "address_kind" "AddressKind" NOT NULL,
    "description" VARCHAR(512) NOT NULL DEFAULT '',
    "client_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "proxy_cluster_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "proxy_server" (
    "id" UUID NOT NULL,
    "cluster_id" UUID NOT NULL,
    "asset_id" UUID NOT NULL,
    "mode" "DeployMode" NOT NULL,
    "version" VARCHAR(32),
    "target_version" VARCHAR(32),
    "last_heartbeat_at" TIMESTAMPTZ(3),
    "connected_clients" INTEGER NOT NULL DEFAULT 0,
    "bytes_relayed" BIGINT NOT NULL DEFAULT 0,
    "cache_bytes" BIGINT NOT NULL DEFAULT 0,
    "policy_version" INTEGER,
    "credential_hash" VARCHAR(64),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "proxy_server_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "client_connection" (
    "asset_id" UUID NOT NULL,
    "cluster_id" UUID NOT NULL,
    "batch_id" UUID,
    "connected_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "client_connection_pkey" PRIMARY KEY ("asset_id")
);

-- CreateTable
CREATE TABLE "connection_batch" (
    "id" UUID NOT NULL,
    "cluster_id" UUID NOT NULL,
    "source" "BatchSource" NOT NULL,
    "size" INTEGER NOT NULL DEFAULT 0,
    "install_command_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "connection_batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "install_command" (
    "id" UUID NOT NULL,
    "region" "Region" NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL,
    "token_hint" VARCHAR(8) NOT NULL,
    "cluster_id" UUID,
    "os" "OsFamily" NOT NULL,
    "provider" "Provider" NOT NULL,
    "group_id" UUID,
    "create_image" BOOLEAN NOT NULL DEFAULT false,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "registrations" INTEGER NOT NULL DEFAULT 0,
    "created_by" VARCHAR(255) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "install_command_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deploy_token" (
    "id" UUID NOT NULL,
    "cluster_id" UUID NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_by" VARCHAR(255) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deploy_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "proxy_policy" (
    "cluster_id" UUID NOT NULL,
    "mode" "PolicyMode" NOT NULL DEFAULT 'backflow',
    "bandwidth_kbps" INTEGER,
    "frequency_per_min" INTEGER,
    "cache_dir" VARCHAR(1024) NOT NULL DEFAULT '/usr/local/aegis/proxy/log',
    "cache_max_bytes" BIGINT NOT NULL DEFAULT 10737418240,
    "data_types" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "proxy_policy_pkey" PRIMARY KEY ("cluster_id")
);

-- CreateTable
CREATE TABLE "proxy_release" (
    "version" VARCHAR(32) NOT NULL,
    "released_at" TIMESTAMPTZ(3) NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "proxy_release_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "agent_task" (
    "id" UUID NOT NULL,
    "asset_id" UUID NOT NULL,
    "type" "AgentTaskType" NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "agent_task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_type" VARCHAR(16) NOT NULL,
    "actor_id" VARCHAR(64),
    "actor_name" VARCHAR(255) NOT NULL,
    "action" VARCHAR(64) NOT NULL,
    "target_type" VARCHAR(32) NOT NULL,
    "target_id" VARCHAR(64),
    "target_name" VARCHAR(255),
    "region" "Region",
    "outcome" "AuditOutcome" NOT NULL,
    "error_code" VARCHAR(64),
    "details" JSONB NOT NULL DEFAULT '{}',
    "ip" VARCHAR(64),
    "request_id" VARCHAR(64),

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_setting" (
    "key" VARCHAR(64) NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "asset_group_region_name_key" ON "asset_group"("region", "name");

-- CreateIndex
CREATE UNIQUE INDEX "tag_region_name_key" ON "tag"("region", "name");

-- CreateIndex
CREATE INDEX "asset_tag_tag_id_asset_id_idx" ON "asset_tag"("tag_id", "asset_id");

-- CreateIndex
CREATE UNIQUE INDEX "asset_agent_credential_hash_key" ON "asset"("agent_credential_hash");

-- CreateIndex
CREATE INDEX "asset_region_type_id_idx" ON "asset"("region", "type", "id");

-- CreateIndex
CREATE INDEX "asset_region_os_id_idx" ON "asset"("region", "os", "id");

-- CreateIndex
CREATE INDEX "asset_group_id_id_idx" ON "asset"("group_id", "id");

-- CreateIndex
CREATE INDEX "asset_region_agent_last_seen_at_idx" ON "asset"("region", "agent_last_seen_at");

-- CreateIndex
CREATE INDEX "asset_region_hostname_idx" ON "asset"("region", "hostname");

-- CreateIndex
CREATE INDEX "proxy_cluster_region_created_at_idx" ON "proxy_cluster"("region", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "proxy_cluster_region_name_key" ON "proxy_cluster"("region", "name");

-- CreateIndex
CREATE UNIQUE INDEX "proxy_server_asset_id_key" ON "proxy_server"("asset_id");

-- CreateIndex
CREATE UNIQUE INDEX "proxy_server_credential_hash_key" ON "proxy_server"("credential_hash");

-- CreateIndex
CREATE INDEX "proxy_server_cluster_id_last_heartbeat_at_idx" ON "proxy_server"("cluster_id", "last_heartbeat_at");

-- CreateIndex
CREATE INDEX "client_connection_cluster_id_asset_id_idx" ON "client_connection"("cluster_id", "asset_id");

-- CreateIndex
CREATE INDEX "client_connection_cluster_id_connected_at_asset_id_idx" ON "client_connection"("cluster_id", "connected_at", "asset_id");

-- CreateIndex
CREATE INDEX "connection_batch_cluster_id_created_at_idx" ON "connection_batch"("cluster_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "install_command_token_hash_key" ON "install_command"("token_hash");

-- CreateIndex
CREATE INDEX "install_command_region_created_at_idx" ON "install_command"("region", "created_at");

-- CreateIndex
CREATE INDEX "install_command_cluster_id_idx" ON "install_command"("cluster_id");

-- CreateIndex
CREATE UNIQUE INDEX "deploy_token_token_hash_key" ON "deploy_token"("token_hash");

-- CreateIndex
CREATE INDEX "deploy_token_cluster_id_idx" ON "deploy_token"("cluster_id");

-- CreateIndex
CREATE INDEX "proxy_release_released_at_idx" ON "proxy_release"("released_at");

-- CreateIndex
CREATE INDEX "agent_task_asset_id_completed_at_idx" ON "agent_task"("asset_id", "completed_at");

-- CreateIndex
CREATE INDEX "audit_event_at_id_idx" ON "audit_event"("at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "audit_event_target_type_target_id_at_idx" ON "audit_event"("target_type", "target_id", "at" DESC);

-- CreateIndex
CREATE INDEX "audit_event_action_at_idx" ON "audit_event"("action", "at" DESC);

-- CreateIndex
CREATE INDEX "audit_event_region_at_idx" ON "audit_event"("region", "at" DESC);

-- AddForeignKey
ALTER TABLE "asset_tag" ADD CONSTRAINT "asset_tag_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "asset_tag" ADD CONSTRAINT "asset_tag_tag_id_fkey" FOREIGN KEY ("tag_id") REFERENCES "tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "asset" ADD CONSTRAINT "asset_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "asset_group"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "asset" ADD CONSTRAINT "asset_install_command_id_fkey" FOREIGN KEY ("install_command_id") REFERENCES "install_command"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proxy_server" ADD CONSTRAINT "proxy_server_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "proxy_cluster"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proxy_server" ADD CONSTRAINT "proxy_server_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "asset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "client_connection" ADD CONSTRAINT "client_connection_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "client_connection" ADD CONSTRAINT "client_connection_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "proxy_cluster"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "client_connection" ADD CONSTRAINT "client_connection_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "connection_batch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "connection_batch" ADD CONSTRAINT "connection_batch_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "proxy_cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "install_command" ADD CONSTRAINT "install_command_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "proxy_cluster"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "install_command" ADD CONSTRAINT "install_command_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "asset_group"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deploy_token" ADD CONSTRAINT "deploy_token_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "proxy_cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proxy_policy" ADD CONSTRAINT "proxy_policy_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "proxy_cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agent_task" ADD CONSTRAINT "agent_task_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

