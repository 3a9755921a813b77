-- AlterTable
ALTER TABLE "asset" ADD COLUMN     "move_requested_at" TIMESTAMPTZ(3),
ADD COLUMN     "move_to_proxy_id" UUID;

-- AlterTable
ALTER TABLE "proxy_cluster" ADD COLUMN     "rebalanced_at" TIMESTAMPTZ(3);

-- Agents a rebalance asked to move (issue 16): few at any time, so a partial index.
CREATE INDEX "asset_move_to_proxy_id_idx" ON "asset"("move_to_proxy_id") WHERE "move_to_proxy_id" IS NOT NULL;

