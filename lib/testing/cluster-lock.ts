// Races made deterministic: hold a cluster's row lock from a separate connection, start the
// competing requests, wait until they are all queued on the lock, then let go. Whatever the
// machine's load, they then run back to back against the same state.
import pg from "pg";

/** Holds the row lock of one cluster, or of several (requests into different clusters at once). */
export async function holdClusterLock(clusterId: string | string[]) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query("BEGIN");
  await client.query("SELECT 1 FROM proxy_cluster WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE", [[clusterId].flat()]);
  return {
    /**
     * Resolves once `count` sessions of this database wait on a lock (the first waiter waits
     * on this transaction, the next ones on the first waiter's tuple lock).
     */
    async waitForWaiters(count: number, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        // pg_stat_activity is snapshotted once per transaction; this one stays open, so refresh.
        await client.query("SELECT pg_stat_clear_snapshot()");
        const r = await client.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
        );
        if (r.rows[0]!.n >= count) return;
        if (Date.now() > deadline) throw new Error(`only ${r.rows[0]!.n} of ${count} sessions queued on the lock`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async release() {
      await client.query("COMMIT");
      await client.end();
    },
  };
}
