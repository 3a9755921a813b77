// What retention deletes (issue 16, bounded storage), one class per table: the cutoff from the
// settings, and one bounded DELETE per chunk. Every chunk is its own statement in autocommit,
// found through an index on the cutoff column, so no row lock is held for longer than a chunk.
import type pg from "pg";
import type { RetentionSettings } from "@/lib/config";

export const RETENTION_TABLES = [
  "data_rollup",
  "asset_data_sample",
  "audit_event",
  "connection_batch",
  "connect_job",
  "upgrade_rollout",
  "session",
  "verification",
  "proxy_queue_ack",
] as const;
export type RetentionTable = (typeof RETENTION_TABLES)[number];
export type RetentionCounts = Record<RetentionTable, number>;

export type PruneContext = { now: Date; settings: RetentionSettings; batchIntervalSeconds: number };

type PruneClass = {
  table: RetentionTable;
  /** Rows older than this go; null: the class is off. */
  cutoff: (c: PruneContext) => Date | null;
  /** Deletes everything before the cutoff, `rows` at a time; returns how many went. */
  prune: (client: pg.ClientBase, cutoff: Date, rows: number) => Promise<number>;
};

const DAY_MS = 86_400_000;
const daysBefore = (now: Date, days: number | null) => (days === null ? null : new Date(now.getTime() - days * DAY_MS));

/** Runs `sql` ($1 the cutoff, $2 the chunk size) until a chunk deletes fewer than `rows`. */
async function deleteInChunks(client: pg.ClientBase, sql: string, cutoff: Date, rows: number): Promise<number> {
  let total = 0;
  for (;;) {
    const { rowCount } = await client.query(sql, [cutoff, rows]);
    total += rowCount ?? 0;
    if ((rowCount ?? 0) < rows) return total;
  }
}

/**
 * asset_data_sample keeps one row per asset and data type, rewritten by every data request. An
 * index on received_at would make each of those rewrites update two indexes (no HOT update) on
 * the ingest path, so the walk goes through the primary key instead: `rows` keys per statement,
 * deleting those among them older than the cutoff. One pass reads the table once.
 */
type PageRow = { deleted: number; scanned: number; last_asset: string; last_type: string };

async function pruneSamples(client: pg.ClientBase, cutoff: Date, rows: number): Promise<number> {
  let total = 0;
  const after: { asset: string | null; type: string | null } = { asset: null, type: null };
  for (;;) {
    const { rows: result } = await client.query<PageRow>(
      `WITH page AS (
         SELECT asset_id, data_type FROM asset_data_sample
          WHERE $3::uuid IS NULL OR (asset_id, data_type) > ($3::uuid, $4::varchar)
          ORDER BY asset_id, data_type LIMIT $2
       ), gone AS (
         DELETE FROM asset_data_sample s USING page p
          WHERE s.asset_id = p.asset_id AND s.data_type = p.data_type AND s.received_at < $1
         RETURNING 1
       ), last AS (SELECT asset_id, data_type FROM page ORDER BY asset_id DESC, data_type DESC LIMIT 1)
       SELECT (SELECT count(*) FROM gone)::int AS deleted, (SELECT count(*) FROM page)::int AS scanned,
              (SELECT asset_id FROM last) AS last_asset, (SELECT data_type FROM last) AS last_type`,
      [cutoff, rows, after.asset, after.type],
    );
    const { deleted, scanned, last_asset, last_type } = result[0]!;
    total += deleted;
    if (scanned < rows) return total;
    Object.assign(after, { asset: last_asset, type: last_type });
  }
}

export const PRUNE_CLASSES: PruneClass[] = [
  {
    table: "data_rollup",
    cutoff: (c) => daysBefore(c.now, c.settings.rollupDays),
    prune: (client, cutoff, rows) =>
      deleteInChunks(
        client,
        `DELETE FROM data_rollup WHERE ctid = ANY(ARRAY(
           SELECT ctid FROM data_rollup WHERE minute < $1 ORDER BY minute LIMIT $2))`,
        cutoff,
        rows,
      ),
  },
  {
    table: "asset_data_sample",
    cutoff: (c) => daysBefore(c.now, c.settings.sampleDays),
    prune: pruneSamples,
  },
  {
    table: "audit_event",
    cutoff: (c) => daysBefore(c.now, c.settings.auditDays),
    prune: (client, cutoff, rows) =>
      deleteInChunks(
        client,
        `DELETE FROM audit_event WHERE id = ANY(ARRAY(
           SELECT id FROM audit_event WHERE at < $1 ORDER BY at LIMIT $2))`,
        cutoff,
        rows,
      ),
  },
  {
    table: "connection_batch",
    // R12 reads a cluster's last batch: never delete one younger than the batch interval.
    cutoff: (c) => {
      const byDays = daysBefore(c.now, c.settings.batchDays);
      const byRule = new Date(c.now.getTime() - c.batchIntervalSeconds * 1000);
      return byDays && (byDays < byRule ? byDays : byRule);
    },
    // Each batch sets batch_id to null on up to 500 connections (ON DELETE SET NULL), so a chunk
    // holds 1/500 as many batches, to touch about `rows` rows.
    prune: (client, cutoff, rows) =>
      deleteInChunks(
        client,
        `DELETE FROM connection_batch WHERE id = ANY(ARRAY(
           SELECT id FROM connection_batch WHERE created_at < $1 ORDER BY created_at LIMIT $2))`,
        cutoff,
        Math.max(1, Math.floor(rows / 500)),
      ),
  },
  {
    table: "connect_job",
    cutoff: (c) => daysBefore(c.now, c.settings.jobDays),
    // A job row carries its whole selection (an array of asset ids): fewer per chunk.
    prune: (client, cutoff, rows) =>
      deleteInChunks(
        client,
        `DELETE FROM connect_job WHERE id = ANY(ARRAY(
           SELECT id FROM connect_job WHERE finished_at < $1 AND status <> 'running' ORDER BY finished_at LIMIT $2))`,
        cutoff,
        Math.max(1, Math.floor(rows / 100)),
      ),
  },
  {
    table: "upgrade_rollout",
    cutoff: (c) => daysBefore(c.now, c.settings.jobDays),
    prune: (client, cutoff, rows) =>
      deleteInChunks(
        client,
        `DELETE FROM upgrade_rollout WHERE id = ANY(ARRAY(
           SELECT id FROM upgrade_rollout WHERE finished_at < $1 AND status IN ('done', 'cancelled') ORDER BY finished_at LIMIT $2))`,
        cutoff,
        Math.max(1, Math.floor(rows / 100)),
      ),
  },
  {
    table: "session",
    // An expired session can never be used again (better-auth refuses it).
    cutoff: (c) => c.now,
    prune: (client, cutoff, rows) =>
      deleteInChunks(
        client,
        `DELETE FROM session WHERE id = ANY(ARRAY(SELECT id FROM session WHERE expires_at < $1 ORDER BY expires_at LIMIT $2))`,
        cutoff,
        rows,
      ),
  },
  {
    table: "verification",
    cutoff: (c) => c.now,
    prune: (client, cutoff, rows) =>
      deleteInChunks(
        client,
        `DELETE FROM verification WHERE id = ANY(ARRAY(
           SELECT id FROM verification WHERE expires_at < $1 ORDER BY expires_at LIMIT $2))`,
        cutoff,
        rows,
      ),
  },
  {
    table: "proxy_queue_ack",
    // A stream not heard from for as long as rollups are kept: its queue folder is gone, or its
    // proxy has nothing left to send again (issue 15).
    cutoff: (c) => daysBefore(c.now, c.settings.rollupDays),
    prune: (client, cutoff, rows) =>
      deleteInChunks(
        client,
        `DELETE FROM proxy_queue_ack WHERE ctid = ANY(ARRAY(
           SELECT ctid FROM proxy_queue_ack WHERE updated_at < $1 ORDER BY updated_at LIMIT $2))`,
        cutoff,
        rows,
      ),
  },
];

export function zeroCounts(): RetentionCounts {
  return Object.fromEntries(RETENTION_TABLES.map((t) => [t, 0])) as RetentionCounts;
}
