-- AlterTable
ALTER TABLE "proxy_cluster" ADD COLUMN     "min_online_proxies" INTEGER NOT NULL DEFAULT 1;


-- The rule in the table as well as in lib/clusters (SPEC §6): 1–100, and an IP cluster, which
-- holds one proxy (R4), asks for exactly one.
ALTER TABLE "proxy_cluster" ADD CONSTRAINT "proxy_cluster_min_online_proxies_check"
  CHECK ("min_online_proxies" BETWEEN 1 AND 100 AND ("address_kind" = 'domain' OR "min_online_proxies" = 1));
