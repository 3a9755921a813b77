-- Searching the inventory (hostname part or exact IP) must not read every asset of a region:
-- a trigram index serves ILIKE '%part%' on the hostname, a GIN index serves ips @> ARRAY[ip].
-- pg_trgm ships with PostgreSQL (contrib), and the embedded server has it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "asset_hostname_trgm_idx" ON "asset" USING GIN ("hostname" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "asset_ips_idx" ON "asset" USING GIN ("ips");
