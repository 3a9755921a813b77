// What is wrong now, rule by rule (issue 14), against the database clock `now`. Each status comes
// from its one derivation: listClusters (cluster status, capacity use), proxyStatus (a proxy's
// status), requiredBandwidthKbps (bandwidth) — nothing is recomputed here.
import { listClusters } from "@/lib/clusters/read-clusters";
import { offlineAfterSecondsAt } from "@/lib/liveness/clock";
import type { Tx } from "@/lib/db/client";
import { Prisma, type Region } from "@/lib/generated/prisma/client";
import { requiredBandwidthKbps } from "@/lib/proxies/capacity";
import { proxyStatusOfRow, type ProxyStatusRow } from "@/lib/proxies/status";
import type { AlertKind, RuleSetting } from "./rules";

export type Condition = {
  kind: AlertKind;
  region: Region;
  subjectType: "cluster" | "proxy" | "install_command";
  subjectId: string;
  subjectName: string;
  clusterId: string | null;
  values: Record<string, unknown>;
  link: string;
};

const REGIONS: Region[] = ["cn", "intl"];

type ProxyRow = ProxyStatusRow & {
  id: string;
  cluster_id: string;
  region: Region;
  cluster_name: string;
  hostname: string;
  cache_bytes: bigint;
  cache_max_bytes: bigint | null;
  dropped_records: bigint;
  dropped_bytes: bigint;
  grew_at: Date | null;
};

type InstallRow = {
  id: string;
  region: Region;
  cluster_id: string | null;
  cluster_name: string | null;
  token_hint: string;
  expires_at: Date;
  registrations: number;
  last_used_at: Date | null;
};

const ratio = (n: number) => Math.round(n * 10_000) / 10_000;

/**
 * The conditions of the enabled rules. Runs inside the evaluation's transaction (which holds the
 * leadership lease): it also moves each proxy's drop mark forward, so "dropping" means the
 * counters grew since an earlier pass.
 */
export async function currentConditions(tx: Tx, rules: Map<AlertKind, RuleSetting>, now: Date): Promise<Condition[]> {
  const on = (kind: AlertKind) => rules.get(kind)?.enabled === true;
  const threshold = (kind: AlertKind) => Number(rules.get(kind)?.threshold ?? 0);
  const out: Condition[] = [];

  // Drop marks: a proxy's counters as last seen, and when they last grew (a restart resets them).
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO alert_drop_mark (proxy_id, dropped_records, dropped_bytes, grew_at)
    SELECT id, dropped_records, dropped_bytes, NULL FROM proxy_server
    ON CONFLICT (proxy_id) DO UPDATE SET
      dropped_records = EXCLUDED.dropped_records,
      dropped_bytes = EXCLUDED.dropped_bytes,
      grew_at = CASE WHEN EXCLUDED.dropped_records > alert_drop_mark.dropped_records
                       OR EXCLUDED.dropped_bytes > alert_drop_mark.dropped_bytes
                     THEN now() ELSE alert_drop_mark.grew_at END`);
  await tx.$executeRaw(
    Prisma.sql`DELETE FROM alert_drop_mark m WHERE NOT EXISTS (SELECT 1 FROM proxy_server p WHERE p.id = m.proxy_id)`,
  );

  const proxies = await tx.$queryRaw<ProxyRow[]>(Prisma.sql`
    SELECT p.id, p.cluster_id, c.region::text AS region, c.name AS cluster_name, a.hostname,
           p.last_heartbeat_at, p.stopped_at, p.stop_requested_at, p.version, p.target_version,
           p.cache_bytes, pol.cache_max_bytes, p.dropped_records, p.dropped_bytes, m.grew_at
      FROM proxy_server p
      JOIN proxy_cluster c ON c.id = p.cluster_id
      JOIN asset a ON a.id = p.asset_id
      LEFT JOIN proxy_policy pol ON pol.cluster_id = p.cluster_id
      LEFT JOIN alert_drop_mark m ON m.proxy_id = p.id`);
  for (const p of proxies) {
    const base = {
      region: p.region,
      subjectType: "proxy" as const,
      subjectId: p.id,
      subjectName: p.hostname,
      clusterId: p.cluster_id,
      link: `/${p.region}/clusters/${p.cluster_id}`,
    };
    const status = proxyStatusOfRow(p, now, offlineAfterSecondsAt(now));
    if (on("proxy_offline") && status === "offline")
      out.push({
        ...base,
        kind: "proxy_offline",
        values: { cluster: p.cluster_name, lastHeartbeatAt: p.last_heartbeat_at?.toISOString() ?? null },
      });
    const cap = p.cache_max_bytes === null ? 0 : Number(p.cache_max_bytes);
    const cache = Number(p.cache_bytes);
    if (on("cache_use") && cap > 0 && cache / cap >= threshold("cache_use") / 100)
      out.push({
        ...base,
        kind: "cache_use",
        values: {
          cluster: p.cluster_name,
          cacheBytes: cache,
          cacheMaxBytes: cap,
          use: ratio(cache / cap),
          threshold: threshold("cache_use"),
        },
      });
    const window = threshold("queue_dropping") * 60_000;
    if (on("queue_dropping") && p.grew_at && p.grew_at.getTime() >= now.getTime() - window)
      out.push({
        ...base,
        kind: "queue_dropping",
        values: {
          cluster: p.cluster_name,
          droppedRecords: Number(p.dropped_records),
          droppedBytes: Number(p.dropped_bytes),
          windowMinutes: threshold("queue_dropping"),
        },
      });
  }

  if (on("cluster_status") || on("capacity_use") || on("bandwidth_use")) {
    const clusters = (await Promise.all(REGIONS.map((region) => listClusters({ region }, now)))).flat();
    const limits = await tx.$queryRaw<{ cluster_id: string; bandwidth_kbps: number }[]>(Prisma.sql`
      SELECT cluster_id, bandwidth_kbps FROM proxy_policy WHERE mode = 'backflow' AND bandwidth_kbps IS NOT NULL`);
    const limitOf = new Map(limits.map((l) => [l.cluster_id, Number(l.bandwidth_kbps)]));
    for (const c of clusters) {
      const base = {
        region: c.region,
        subjectType: "cluster" as const,
        subjectId: c.id,
        subjectName: c.name,
        clusterId: c.id,
        link: `/${c.region}/clusters/${c.id}`,
      };
      // A cluster with no proxy yet is not deployed, not down — unless clients count on it.
      if (on("cluster_status") && (c.proxyCount > 0 || c.clientCount > 0) && c.status !== "online")
        out.push({
          ...base,
          kind: "cluster_status",
          values: {
            status: c.status,
            onlineProxies: c.onlineProxyCount,
            proxies: c.proxyCount,
            minOnlineProxies: c.minOnlineProxies,
          },
        });
      // No online proxy means no capacity at all: that is the cluster's status alert, not a second one.
      if (on("capacity_use") && c.clientCount > 0 && c.capacity > 0 && c.capacityUse >= threshold("capacity_use") / 100)
        out.push({
          ...base,
          kind: "capacity_use",
          values: {
            clients: c.clientCount,
            capacity: c.capacity,
            use: ratio(c.capacityUse),
            threshold: threshold("capacity_use"),
          },
        });
      const limit = limitOf.get(c.id);
      const required = requiredBandwidthKbps(c.clientCount);
      if (on("bandwidth_use") && limit && required / limit >= threshold("bandwidth_use") / 100)
        out.push({
          ...base,
          kind: "bandwidth_use",
          values: {
            requiredKbps: required,
            limitKbps: limit,
            use: ratio(required / limit),
            threshold: threshold("bandwidth_use"),
          },
        });
    }
  }

  if (on("install_command_expiring")) {
    const commands = await tx.$queryRaw<InstallRow[]>(Prisma.sql`
      SELECT ic.id, ic.region::text AS region, ic.cluster_id, COALESCE(c.name, ic.cluster_name) AS cluster_name, ic.token_hint,
             ic.expires_at, ic.registrations,
             (SELECT max(a.created_at) FROM asset a WHERE a.install_command_id = ic.id) AS last_used_at
        FROM install_command ic LEFT JOIN proxy_cluster c ON c.id = ic.cluster_id
       WHERE ic.revoked_at IS NULL AND ic.registrations > 0
         AND ic.expires_at > now()
         AND ic.expires_at <= now() + ${threshold("install_command_expiring")}::float8 * interval '1 hour'`);
    for (const ic of commands)
      out.push({
        kind: "install_command_expiring",
        region: ic.region,
        subjectType: "install_command",
        subjectId: ic.id,
        subjectName: ic.cluster_name ? `${ic.token_hint}… (${ic.cluster_name})` : `${ic.token_hint}…`,
        clusterId: ic.cluster_id,
        values: {
          expiresAt: ic.expires_at.toISOString(),
          hoursLeft: Math.round(((ic.expires_at.getTime() - now.getTime()) / 3_600_000) * 10) / 10,
          registrations: Number(ic.registrations),
          lastUsedAt: ic.last_used_at?.toISOString() ?? null,
          windowHours: threshold("install_command_expiring"),
        },
        link: `/${ic.region}/install-commands`,
      });
  }
  return out;
}
