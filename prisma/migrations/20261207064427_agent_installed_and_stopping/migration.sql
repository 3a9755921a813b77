-- AlterTable
ALTER TABLE "asset" ADD COLUMN     "agent_installed" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "service_manager" VARCHAR(16),
ADD COLUMN     "service_ref" VARCHAR(1024);

-- AlterTable
ALTER TABLE "proxy_server" ADD COLUMN     "service_manager" VARCHAR(16),
ADD COLUMN     "service_ref" VARCHAR(1024),
ADD COLUMN     "stop_requested_at" TIMESTAMPTZ(3);


-- A server that only a manual proxy deploy registered has no agent: its asset was made by the
-- proxy's registration and no agent credential was ever issued for it.
UPDATE "asset" a SET "agent_installed" = false
 WHERE a."agent_credential_hash" IS NULL
   AND EXISTS (SELECT 1 FROM "proxy_server" p WHERE p."asset_id" = a."id" AND p."mode" = 'manual');

ALTER TABLE "asset" ADD CONSTRAINT "asset_service_manager_check" CHECK ("service_manager" IN ('systemd', 'pidfile'));
ALTER TABLE "proxy_server" ADD CONSTRAINT "proxy_server_service_manager_check" CHECK ("service_manager" IN ('systemd', 'pidfile'));
