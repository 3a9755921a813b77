// The fleet bench's clients, written straight into the console's database: registering a million
// agents through install commands is paced by R12 (500 a minute per cluster) and is not what the
// bench measures. Credentials are derived from a run seed, so the bench knows each one without
// keeping a million random strings, and the database hashes them itself (SHA-256, as hashToken).
import pg from "pg";
import { AGENT_VERSION } from "../../../agent/protocol.mjs";

const CHUNK = 50_000;

/** Client n's agent credential; the SQL below hashes the same text. */
export function fleetCredential(seed: string, n: number): string {
  return `pag_fleet${seed}_${n}`;
}

/**
 * Clients numbered from..to (inclusive) connected to `clusterId`. With `viaProxy`, the proxy that
 * will carry them already vouches for them: a fleet that was up before this console started.
 */
export async function insertFleetClients(
  db: pg.Client,
  o: { seed: string; clusterId: string; from: number; to: number; viaProxy: string | null },
) {
  for (let start = o.from; start <= o.to; start += CHUNK) {
    const end = Math.min(o.to, start + CHUNK - 1);
    await db.query(
      `WITH s AS (
         SELECT i, encode(sha256(convert_to($1 || i, 'UTF8')), 'hex') AS h FROM generate_series($2::int, $3::int) i
       ), a AS (
         INSERT INTO asset (id, region, type, hostname, os, os_version, provider, ips, cpu_cores, memory_mb, agent_version,
                            agent_credential_hash, via_proxy_id, via_credential_hash, agent_last_seen_at, updated_at)
         SELECT gen_random_uuid(), 'cn', 'host', 'fleet-' || $6 || '-' || i, 'linux', 'Ubuntu 24.04', 'idc',
                ARRAY['10.' || (i / 65536) % 256 || '.' || (i / 256) % 256 || '.' || i % 256], 2, 4096, $5, h,
                $4::uuid, CASE WHEN $4::uuid IS NULL THEN NULL ELSE h END, CASE WHEN $4::uuid IS NULL THEN NULL ELSE now() END, now()
           FROM s RETURNING id)
       INSERT INTO client_connection (asset_id, cluster_id) SELECT id, $7::uuid FROM a`,
      [`pag_fleet${o.seed}_`, start, end, o.viaProxy, AGENT_VERSION, o.seed, o.clusterId],
    );
  }
}

export async function recountClients(db: pg.Client) {
  await db.query(
    `UPDATE proxy_cluster c SET client_count = n FROM (SELECT cluster_id, count(*)::int n FROM client_connection GROUP BY 1) x
      WHERE x.cluster_id = c.id`,
  );
}

export async function databaseBytes(db: pg.Client): Promise<number> {
  const { rows } = await db.query("SELECT pg_database_size(current_database())::bigint AS n");
  return Number(rows[0].n);
}

/** Each table's size with its indexes and TOAST, by name. */
export async function tableBytes(db: pg.Client): Promise<Map<string, number>> {
  const { rows } = await db.query(
    "SELECT relname AS name, pg_total_relation_size(oid)::bigint AS n FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace",
  );
  return new Map(rows.map((r: { name: string; n: string }) => [r.name, Number(r.n)]));
}

/** Clients the console shows online, straight from the database (a cross-check of the API's count). */
export async function onlineInDatabase(db: pg.Client, offlineAfterSeconds: number): Promise<number> {
  const { rows } = await db.query(
    `SELECT count(*)::int AS n FROM asset a
      WHERE a.agent_last_seen_at >= now() - make_interval(secs => $1)
         OR a.via_proxy_id IN (SELECT id FROM proxy_server WHERE last_heartbeat_at >= now() - make_interval(secs => $1) AND stopped_at IS NULL)`,
    [offlineAfterSeconds],
  );
  return rows[0].n;
}
