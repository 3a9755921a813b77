// Leadership for work one console instance at a time does: a row per job in worker_lease whose
// holder renews expires_at on the database clock. Taking it locks the row until the caller's
// transaction ends, so two instances asking at once queue, and the second sees the first's lease.
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

/** This process, as a lease holder. */
export const INSTANCE_ID = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/**
 * Takes or renews the lease `name` for `seconds` when it is free, expired or already ours; returns
 * the database's now() when we hold it, null when another live holder does.
 */
export async function takeLease(tx: Tx, name: string, holder: string, seconds: number): Promise<Date | null> {
  const rows = await tx.$queryRaw<{ now: Date }[]>(Prisma.sql`
    INSERT INTO worker_lease (name, holder, expires_at) VALUES (${name}, ${holder}, now() + ${seconds}::float8 * interval '1 second')
    ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
     WHERE worker_lease.holder = EXCLUDED.holder OR worker_lease.expires_at < now()
    RETURNING now() AS now`);
  return rows[0]?.now ?? null;
}
