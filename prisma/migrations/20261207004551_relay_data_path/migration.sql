-- AlterTable
ALTER TABLE "asset" ADD COLUMN     "relay_pending" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "via_credential_hash" VARCHAR(64),
ADD COLUMN     "via_proxy_id" UUID;

-- AlterTable
ALTER TABLE "proxy_server" ADD COLUMN     "dropped_bytes" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "dropped_records" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "listen" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "queued_bytes" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "stopped_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "data_rollup" (
    "proxy_id" UUID NOT NULL,
    "minute" TIMESTAMPTZ(0) NOT NULL,
    "data_type" VARCHAR(32) NOT NULL,
    "cluster_id" UUID,
    "records" BIGINT NOT NULL DEFAULT 0,
    "bytes" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "data_rollup_pkey" PRIMARY KEY ("proxy_id","minute","data_type")
);

-- CreateTable
CREATE TABLE "asset_data_sample" (
    "asset_id" UUID NOT NULL,
    "data_type" VARCHAR(32) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "payload" JSONB NOT NULL,

    CONSTRAINT "asset_data_sample_pkey" PRIMARY KEY ("asset_id","data_type")
);

-- CreateIndex
CREATE INDEX "data_rollup_cluster_id_minute_idx" ON "data_rollup"("cluster_id", "minute");

-- CreateIndex
CREATE INDEX "asset_via_proxy_id_idx" ON "asset"("via_proxy_id");

-- AddForeignKey
ALTER TABLE "asset" ADD CONSTRAINT "asset_via_proxy_id_fkey" FOREIGN KEY ("via_proxy_id") REFERENCES "proxy_server"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "asset_data_sample" ADD CONSTRAINT "asset_data_sample_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The relay's change channel (SPEC §8): a proxy learns what changed for the agents it vouches for
-- (a route, a task, a revoked credential) from the few rows of this partial index, so its
-- heartbeat costs the same whatever the fleet size. Credentials and routes change through many
-- writers (registration, connect, move, disconnect, deploy), so triggers mark the rows, and none
-- of those writers can forget.
CREATE INDEX "asset_relay_pending_idx" ON "asset"("via_proxy_id")
  WHERE "via_proxy_id" IS NOT NULL AND ("relay_pending" OR "agent_credential_hash" IS DISTINCT FROM "via_credential_hash");

CREATE FUNCTION "asset_mark_relay_pending"() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN UPDATE "asset" SET "relay_pending" = true WHERE "id" = COALESCE(NEW."asset_id", OLD."asset_id") AND "via_proxy_id" IS NOT NULL AND NOT "relay_pending"\073 RETURN NULL\073 END';

CREATE TRIGGER "client_connection_relay_pending"
  AFTER INSERT OR DELETE OR UPDATE OF "cluster_id" ON "client_connection"
  FOR EACH ROW EXECUTE FUNCTION "asset_mark_relay_pending"();

CREATE TRIGGER "agent_task_relay_pending"
  AFTER INSERT ON "agent_task"
  FOR EACH ROW EXECUTE FUNCTION "asset_mark_relay_pending"();
