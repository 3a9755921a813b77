-- The catalog rows before issue 17 named versions that had no package: real releases replace
-- them (npm start publishes the bundled agent/ when none is left, the demo seed publishes two).
DELETE FROM "proxy_release";

-- AlterTable
ALTER TABLE "proxy_server" ADD COLUMN     "upgrade_failed_at" TIMESTAMPTZ(3),
ADD COLUMN     "upgrade_failed_outcome" VARCHAR(16),
ADD COLUMN     "upgrade_failed_reason" VARCHAR(500),
ADD COLUMN     "upgrade_failed_version" VARCHAR(32);

-- AlterTable
ALTER TABLE "proxy_release" ADD COLUMN     "digest" VARCHAR(64) NOT NULL,
ADD COLUMN     "package" BYTEA NOT NULL,
ADD COLUMN     "published_by" VARCHAR(200) NOT NULL,
ADD COLUMN     "signature" VARCHAR(128) NOT NULL,
ADD COLUMN     "size" INTEGER NOT NULL;

