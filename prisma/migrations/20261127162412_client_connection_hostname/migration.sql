-- A cluster's clients are listed in hostname order (issue #5). Sorting through the join to
-- "asset" sorts the whole cluster for every page. A copy of the hostname on the connection lets
-- one index, (cluster_id, hostname, asset_id), serve every page by keyset.
--
-- NOTE: the migration runner (the pg driver adapter) splits this file on every semicolon, even
-- inside comments and strings. So no comment here holds one, and the trigger bodies are E''
-- strings that write each semicolon as \073.

-- AlterTable
ALTER TABLE "client_connection" ADD COLUMN "hostname" VARCHAR(255) NOT NULL DEFAULT '';

UPDATE "client_connection" cc SET "hostname" = a."hostname" FROM "asset" a WHERE a."id" = cc."asset_id";

-- DropIndex: every use of (cluster_id, asset_id) is served by the primary key or the new index.
DROP INDEX "client_connection_cluster_id_asset_id_idx";

-- CreateIndex
CREATE INDEX "client_connection_cluster_id_hostname_asset_id_idx" ON "client_connection"("cluster_id", "hostname", "asset_id");

-- The copy is kept equal in the database, so that no writer (the connect operation, the seed,
-- bulk loads, tests) can forget it: filled from the asset on insert (a value a writer passes is
-- overwritten), and followed when the asset is renamed.
CREATE FUNCTION "client_connection_fill_hostname"() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN NEW."hostname" := (SELECT a."hostname" FROM "asset" a WHERE a."id" = NEW."asset_id")\073 RETURN NEW\073 END';

CREATE TRIGGER "client_connection_fill_hostname"
  BEFORE INSERT OR UPDATE OF "asset_id", "hostname" ON "client_connection"
  FOR EACH ROW EXECUTE FUNCTION "client_connection_fill_hostname"();

CREATE FUNCTION "asset_follow_hostname"() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN UPDATE "client_connection" SET "hostname" = NEW."hostname" WHERE "asset_id" = NEW."id"\073 RETURN NULL\073 END';

CREATE TRIGGER "asset_follow_hostname"
  AFTER UPDATE OF "hostname" ON "asset"
  FOR EACH ROW WHEN (OLD."hostname" IS DISTINCT FROM NEW."hostname")
  EXECUTE FUNCTION "asset_follow_hostname"();
