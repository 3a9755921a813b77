-- CreateTable
CREATE TABLE "liveness_clock" (
    "id" SMALLINT NOT NULL DEFAULT 1,
    "last_tick_at" TIMESTAMPTZ(3) NOT NULL,
    "gap_started_at" TIMESTAMPTZ(3),
    "gap_ended_at" TIMESTAMPTZ(3),
    "prev_gap_started_at" TIMESTAMPTZ(3),
    "prev_gap_ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "liveness_clock_pkey" PRIMARY KEY ("id"),
    -- One shared row for every console instance.
    CONSTRAINT "liveness_clock_one_row" CHECK ("id" = 1)
);

