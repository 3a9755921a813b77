// Bounded storage (issue 16): deletes the rows each retention setting no longer keeps (see
// prune-classes.ts), and records one audit event per run that deleted something.
//
// Any console instance may run it; exactly one does the work at a time. The run holds a
// session-level advisory lock (pg_try_advisory_lock) on one dedicated connection while it works,
// and an instance that cannot take it skips at once. Not a job row claimed with FOR UPDATE SKIP
// LOCKED: that row lock lives in a transaction, which would have to stay open for the whole run
// and hold back VACUUM on every table while the job deletes. The advisory lock belongs to the
// session, the deletes commit chunk by chunk, and PostgreSQL drops the lock if the instance dies.
// (It needs a direct connection, not a pooler in transaction mode; the console has one.)
// Under the lock, the time of the last run (app_setting "retention_last_run") lets the hourly
// timers of several instances share one run per interval.
import type pg from "pg";
import { recordAuditEvent } from "@/lib/audit/audited";
import { config, type RetentionSettings } from "@/lib/config";
import { dbPool } from "@/lib/db/client";
import { systemContext } from "@/lib/http/context";
import { log } from "@/lib/log";
import { PRUNE_CLASSES, zeroCounts, type RetentionCounts } from "./prune-classes";
import { metrics } from "@/lib/metrics/registry";

/** The advisory lock of this job (any constant no other lock in this database uses). */
export const RETENTION_LOCK_KEY = 7_216_001;
const LAST_RUN_KEY = "retention_last_run";
export const DEFAULT_CHUNK_ROWS = 10_000;

export type RetentionOptions = {
  /** Where the dedicated connection comes from (default: the process's pool). */
  pool?: pg.Pool;
  settings?: RetentionSettings;
  batchIntervalSeconds?: number;
  /** Rows per DELETE statement. */
  chunkRows?: number;
  /** Skip when the last run (by any instance) started less than this before `now`. */
  minGapMs?: number;
};

export type RetentionResult = {
  /** null when this call did the work; "locked": another instance was running it; "recent": it ran within minGapMs. */
  skipped: null | "locked" | "recent";
  deleted: RetentionCounts;
  total: number;
  ms: number;
};

async function lastRunAt(client: pg.ClientBase): Promise<Date | null> {
  const { rows } = await client.query<{ at: string | null }>(`SELECT value->>'at' AS at FROM app_setting WHERE key = $1`, [
    LAST_RUN_KEY,
  ]);
  return rows[0]?.at ? new Date(rows[0].at) : null;
}

async function recordRun(client: pg.ClientBase, now: Date, deleted: RetentionCounts) {
  await client.query(
    `INSERT INTO app_setting (key, value, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`,
    [LAST_RUN_KEY, JSON.stringify({ at: now.toISOString(), deleted })],
  );
}

async function pruneAll(client: pg.ClientBase, now: Date, options: RetentionOptions): Promise<RetentionCounts> {
  const context = {
    now,
    settings: options.settings ?? config.retention,
    batchIntervalSeconds: options.batchIntervalSeconds ?? config.batchIntervalSeconds,
  };
  const deleted = zeroCounts();
  for (const c of PRUNE_CLASSES) {
    const cutoff = c.cutoff(context);
    if (cutoff) deleted[c.table] = await c.prune(client, cutoff, options.chunkRows ?? DEFAULT_CHUNK_ROWS);
  }
  return deleted;
}

export async function runRetention(now: Date = new Date(), options: RetentionOptions = {}): Promise<RetentionResult> {
  try {
    const result = await retain(now, options);
    metrics().retentionRuns.inc({ outcome: result.skipped ? "skipped" : "ran" });
    for (const [table, n] of Object.entries(result.deleted)) if (n > 0) metrics().retentionDeleted.inc({ table }, n);
    return result;
  } catch (error) {
    metrics().retentionRuns.inc({ outcome: "failed" });
    throw error;
  }
}

async function retain(now: Date, options: RetentionOptions): Promise<RetentionResult> {
  const started = Date.now();
  const client = await (options.pool ?? dbPool()).connect();
  let broken = false;
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [RETENTION_LOCK_KEY]);
    if (!rows[0]!.locked) return { skipped: "locked", deleted: zeroCounts(), total: 0, ms: Date.now() - started };
    try {
      const last = await lastRunAt(client);
      if (last && options.minGapMs && now.getTime() - last.getTime() < options.minGapMs)
        return { skipped: "recent", deleted: zeroCounts(), total: 0, ms: Date.now() - started };
      const deleted = await pruneAll(client, now, options);
      const total = Object.values(deleted).reduce((sum, n) => sum + n, 0);
      await recordRun(client, now, deleted);
      const ms = Date.now() - started;
      if (total > 0) {
        const nonZero = Object.fromEntries(Object.entries(deleted).filter(([, n]) => n > 0));
        log.info({ deleted: nonZero, ms }, "retention: deleted rows past their retention");
        await recordAuditEvent(systemContext("retention"), "retention.run", { type: "retention" }, { deleted: nonZero, ms });
      } else log.debug({ ms }, "retention: nothing to delete");
      return { skipped: null, deleted, total, ms };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [RETENTION_LOCK_KEY]).catch(() => (broken = true));
    }
  } catch (error) {
    broken = true;
    throw error;
  } finally {
    // A connection that failed may still hold the lock: close it rather than pool it.
    client.release(broken);
  }
}
