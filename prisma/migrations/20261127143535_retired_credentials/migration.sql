-- CreateTable
CREATE TABLE "retired_credential" (
    "credential_hash" VARCHAR(64) NOT NULL,
    "subject_type" VARCHAR(16) NOT NULL,
    "subject_id" VARCHAR(64) NOT NULL,
    "retired_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "retired_credential_pkey" PRIMARY KEY ("credential_hash")
);

