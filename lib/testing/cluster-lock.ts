// Races made deterministic: hold a cluster's row lock from a separate connection, start the
// competing requests, wait until they are all queued on the lock, then let go. Whatever the
// machine's load, they then run back to back against the same state.
import pg from "pg";

export async function holdClusterLock(clusterId: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query("BEGIN");
  await client.query("SELECT 1 FROM proxy_cluster WHERE id = $1 FOR UPDATE", [clusterId]);
  const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  const holder = rows[0]!.pid;
  return {
    /** Resolves once `count` other sessions are blocked behind this one. */
    async waitForWaiters(count: number, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const r = await client.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))",
          [holder],
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
