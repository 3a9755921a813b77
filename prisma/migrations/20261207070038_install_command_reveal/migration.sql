-- AlterTable
ALTER TABLE "install_command" ADD COLUMN     "cluster_name" VARCHAR(64),
ADD COLUMN     "token_ciphertext" TEXT;


-- Backfill (issue 13 point 13): the name of each command's cluster, from the cluster while it
-- exists, else from the audit trail (the command's creation names the cluster id, the cluster's
-- deletion its name). A command made before this migration keeps no ciphertext: it cannot be
-- shown again.
UPDATE "install_command" AS ic
SET "cluster_name" = c."name"
FROM "proxy_cluster" AS c
WHERE ic."cluster_id" = c."id";

UPDATE "install_command" AS ic
SET "cluster_name" = deleted."target_name"
FROM "audit_event" AS created
JOIN "audit_event" AS deleted
  ON deleted."action" = 'cluster.delete'
 AND deleted."outcome" = 'success'
 AND deleted."target_id" = created."details"->>'clusterId'
WHERE ic."cluster_id" IS NULL
  AND ic."cluster_name" IS NULL
  AND created."action" = 'install_command.create'
  AND created."outcome" = 'success'
  AND created."target_id" = ic."id"::text
  AND deleted."target_name" IS NOT NULL;
