-- AlterTable
ALTER TABLE "proxy_cluster" ADD COLUMN     "require_tls" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "tls_port" INTEGER NOT NULL DEFAULT 443;

-- CreateTable
CREATE TABLE "cluster_certificate" (
    "id" UUID NOT NULL,
    "cluster_id" UUID NOT NULL,
    "serial" VARCHAR(64) NOT NULL,
    "cert_pem" TEXT NOT NULL,
    "sealed_key" TEXT NOT NULL,
    "fingerprint" VARCHAR(64) NOT NULL,
    "not_before" TIMESTAMPTZ(3) NOT NULL,
    "not_after" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cluster_certificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "console_ca" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "fingerprint" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "console_ca_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "cluster_certificate_cluster_id_not_after_idx" ON "cluster_certificate"("cluster_id", "not_after");

-- AddForeignKey
ALTER TABLE "cluster_certificate" ADD CONSTRAINT "cluster_certificate_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "proxy_cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Checks the schema language cannot express.
ALTER TABLE "proxy_cluster" ADD CONSTRAINT "proxy_cluster_tls_port_check" CHECK ("tls_port" BETWEEN 1 AND 65535);
ALTER TABLE "console_ca" ADD CONSTRAINT "console_ca_single_row" CHECK ("id" = 1);

ALTER TABLE "proxy_server" ADD COLUMN "tls_fingerprint" VARCHAR(64);
