// Bulk data for bench:clients, generated inside PostgreSQL with generate_series (minutes, not
// hours): `clusters` clusters with two online 8-core/16 GB proxies each, `connections` client
// connections spread evenly, `spare` unconnected assets with online agents for connect batches.
import pg from "pg";

export type Scale = { clusters: number; connections: number; spare: number };

/** `adminUrl`: the server's superuser, for the CHECKPOINT (the console's own role may not run it). */
export async function generateClientData(url: string, scale: Scale, log: (line: string) => void, adminUrl?: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const started = Date.now();
    await client.query(sql, params);
    log(`  ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  };
  try {
    const perCluster = Math.ceil(scale.connections / scale.clusters);
    await step(
      "groups and tags",
      `
      INSERT INTO asset_group (id, region, name) SELECT gen_random_uuid(), r::"Region", 'group-' || g
        FROM unnest(ARRAY['cn','intl']) r, generate_series(1, 10) g;
      INSERT INTO tag (id, region, name) SELECT gen_random_uuid(), r::"Region", 'tag-' || g
        FROM unnest(ARRAY['cn','intl']) r, generate_series(1, 8) g;`,
    );
    await step(
      `${scale.clusters} clusters with policies`,
      `
      INSERT INTO proxy_cluster (id, region, name, address, address_kind, description, updated_at)
        SELECT gen_random_uuid(), (CASE WHEN c % 2 = 0 THEN 'cn' ELSE 'intl' END)::"Region", 'bench-' || c,
               'proxy-' || c || '.bench.example', 'domain', '', now()
        FROM generate_series(1, $1::int) c`,
      [scale.clusters],
    );
    await step("policies", "INSERT INTO proxy_policy (cluster_id, updated_at) SELECT id, now() FROM proxy_cluster");
    const total = scale.connections + scale.spare + scale.clusters * 2;
    await step(
      `${total.toLocaleString()} assets`,
      `
      INSERT INTO asset (id, region, type, hostname, os, os_version, provider, group_id, ips, cpu_cores, memory_mb,
                         agent_version, agent_last_seen_at, updated_at)
        SELECT gen_random_uuid(),
               (CASE WHEN (i % $2::int) % 2 = 0 THEN 'cn' ELSE 'intl' END)::"Region",
               (CASE WHEN i % 7 = 0 THEN 'container' ELSE 'host' END)::"AssetType",
               'host-' || lpad(i::text, 8, '0'),
               (CASE WHEN i % 9 = 0 THEN 'windows' ELSE 'linux' END)::"OsFamily",
               'Ubuntu 24.04',
               (ARRAY['alibaba','aws','azure','gcp','tencent','huawei','idc','other'])[1 + i % 8]::"Provider",
               NULL, ARRAY['10.' || (i / 65536) % 256 || '.' || (i / 256) % 256 || '.' || i % 256],
               8, 16384, '3.3.0',
               -- Online through the whole run, as the proxies below are: generating a million rows
               -- takes longer than an agent stays online without a heartbeat.
               CASE WHEN i % 10 = 0 THEN now() - interval '2 days' ELSE now() + interval '1 day' END,
               now()
        FROM generate_series(1, $1::int) i;`,
      [total, scale.clusters],
    );
    await step(
      "asset groups",
      `
      UPDATE asset a SET group_id = g.id FROM asset_group g
        WHERE g.region = a.region AND g.name = 'group-' || (1 + abs(hashtext(a.hostname)) % 10);`,
    );
    await step(
      "proxies (2 per cluster)",
      `
      WITH numbered AS (SELECT id, region, row_number() OVER (PARTITION BY region ORDER BY hostname) n FROM asset WHERE os = 'linux' AND type = 'host'),
           clusters AS (SELECT id, region, row_number() OVER (PARTITION BY region ORDER BY name) n FROM proxy_cluster)
      INSERT INTO proxy_server (id, cluster_id, asset_id, mode, version, last_heartbeat_at, policy_version)
        SELECT gen_random_uuid(), c.id, a.id, 'manual', '1.5.0', now() + interval '1 day', 1
        FROM clusters c JOIN numbered a ON a.region = c.region AND a.n IN (c.n * 2 - 1, c.n * 2);`,
    );
    await step(
      `${scale.connections.toLocaleString()} client connections`,
      `
      WITH free AS (SELECT a.id, a.region, row_number() OVER (PARTITION BY a.region ORDER BY a.id) - 1 n
                    FROM asset a WHERE NOT EXISTS (SELECT 1 FROM proxy_server p WHERE p.asset_id = a.id)),
           clusters AS (SELECT id, region, row_number() OVER (PARTITION BY region ORDER BY name) - 1 n,
                               count(*) OVER (PARTITION BY region) k FROM proxy_cluster)
      INSERT INTO client_connection (asset_id, cluster_id, connected_at)
        SELECT f.id, c.id, now() - (f.n % 1000) * interval '1 minute'
        FROM free f JOIN clusters c ON c.region = f.region AND c.n = (f.n / $1::int) % c.k
        WHERE f.n < $1::int * c.k;`,
      [Math.ceil(perCluster)],
    );
    await step(
      "client counts",
      `
      UPDATE proxy_cluster c SET client_count = s.n FROM (SELECT cluster_id, count(*) n FROM client_connection GROUP BY cluster_id) s
        WHERE s.cluster_id = c.id;`,
    );
    await step(
      "asset tags (a quarter of the assets)",
      `
      INSERT INTO asset_tag (asset_id, tag_id)
        SELECT a.id, t.id FROM asset a JOIN tag t ON t.region = a.region AND t.name = 'tag-' || (1 + abs(hashtext(a.hostname)) % 8)
        WHERE abs(hashtext(a.hostname || 'x')) % 4 = 0;`,
    );
    // Measure a settled database: no autovacuum of the bulk updates, no checkpoint, mid-run.
    await step("vacuum and analyze", "VACUUM (ANALYZE)");
    if (adminUrl) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      const started = Date.now();
      await admin.query("CHECKPOINT").finally(() => admin.end());
      log(`  checkpoint (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
    const { rows } = await client.query("SELECT (SELECT count(*) FROM client_connection) c, (SELECT count(*) FROM asset) a");
    log(`  ${Number(rows[0].c).toLocaleString()} connections, ${Number(rows[0].a).toLocaleString()} assets`);
  } finally {
    await client.end();
  }
}
