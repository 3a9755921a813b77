// GET /api/v1/clusters/{id}/traffic — what really flowed through a cluster's proxies in the last
// hour (SPEC §8): bytes and records per minute and proxy from the rollups, beside the policy's
// bandwidth limit and its 60 % line (R17), and each proxy's cache fill against the cap (R18).
import { queryRows } from "@/lib/db/client";
import { Prisma, type PolicyMode } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/http/errors";

export const TRAFFIC_MINUTES = 60;

type Minute = { proxy_id: string; minute: Date; bytes: string; records: string };

export async function clusterTraffic(clusterId: string, now = new Date()) {
  const since = new Date(Math.floor(now.getTime() / 60_000) * 60_000 - (TRAFFIC_MINUTES - 1) * 60_000);
  const [policy] = await queryRows<{
    mode: PolicyMode | null;
    bandwidth_kbps: number | null;
    cache_max_bytes: string | null;
  }>(Prisma.sql`
    SELECT pol.mode::text AS mode, pol.bandwidth_kbps, pol.cache_max_bytes::text
      FROM proxy_cluster c LEFT JOIN proxy_policy pol ON pol.cluster_id = c.id WHERE c.id = ${clusterId}::uuid`);
  if (!policy) throw notFound("Cluster", clusterId);
  const [minutes, proxies] = await Promise.all([
    queryRows<Minute>(Prisma.sql`
      SELECT proxy_id, minute, sum(bytes)::text AS bytes, sum(records)::text AS records FROM data_rollup
       WHERE cluster_id = ${clusterId}::uuid AND minute >= ${since} GROUP BY proxy_id, minute ORDER BY minute`),
    queryRows<{ id: string; hostname: string; cache_bytes: string; queued_bytes: string; dropped_bytes: string }>(Prisma.sql`
      SELECT p.id, a.hostname, p.cache_bytes::text, p.queued_bytes::text, p.dropped_bytes::text
        FROM proxy_server p JOIN asset a ON a.id = p.asset_id WHERE p.cluster_id = ${clusterId}::uuid ORDER BY p.created_at`),
  ]);
  const limitKbps = policy.mode === "backflow" ? policy.bandwidth_kbps : null;
  return {
    from: since.toISOString(),
    minutes: TRAFFIC_MINUTES,
    mode: policy.mode ?? "backflow",
    bandwidthLimitKbps: limitKbps,
    /** R17: the clients' need must stay at or under 60 % of a custom limit; the chart draws this line. */
    warnAtKbps: limitKbps === null ? null : limitKbps * 0.6,
    cacheMaxBytes: Number(policy.cache_max_bytes ?? 0),
    proxies: proxies.map((p) => ({
      id: p.id,
      hostname: p.hostname,
      cacheBytes: Number(p.cache_bytes),
      queuedBytes: Number(p.queued_bytes),
      droppedBytes: Number(p.dropped_bytes),
    })),
    /** One point per minute and proxy that received data; kbps is the minute's average. */
    points: minutes.map((m) => ({
      proxyId: m.proxy_id,
      minute: m.minute.toISOString(),
      bytes: Number(m.bytes),
      records: Number(m.records),
      kbps: (Number(m.bytes) * 8) / 1000 / 60,
    })),
  };
}
