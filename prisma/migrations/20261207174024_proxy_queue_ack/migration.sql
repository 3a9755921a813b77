-- CreateTable
CREATE TABLE "proxy_queue_ack" (
    "proxy_id" UUID NOT NULL,
    "stream" UUID NOT NULL,
    "acked_seq" BIGINT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "proxy_queue_ack_pkey" PRIMARY KEY ("proxy_id","stream")
);

-- CreateIndex
CREATE INDEX "proxy_queue_ack_updated_at_idx" ON "proxy_queue_ack"("updated_at");

-- AddForeignKey
ALTER TABLE "proxy_queue_ack" ADD CONSTRAINT "proxy_queue_ack_proxy_id_fkey" FOREIGN KEY ("proxy_id") REFERENCES "proxy_server"("id") ON DELETE CASCADE ON UPDATE CASCADE;

