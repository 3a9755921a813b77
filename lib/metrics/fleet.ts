// The fleet's state as gauges (issue 14), read from the database when /metrics is scraped: the
// same derivations as the console's pages (listClusters for cluster status and capacity use,
// proxyStatus for proxies, agentOnlineSql for clients). Several scrapers or instances within
// FLEET_REFRESH_MS share one reading, so a busy Prometheus does not load the database.
import { agentOnlineSql } from "@/lib/agents/liveness";
import { listClusters } from "@/lib/clusters/read-clusters";
import { offlineAfterSecondsAt } from "@/lib/liveness/clock";
import { dbPool, queryRows } from "@/lib/db/client";
import { Prisma, type Region } from "@/lib/generated/prisma/client";
import { requiredBandwidthKbps } from "@/lib/proxies/capacity";
import { proxyStatusOfRow, type ProxyStatusRow } from "@/lib/proxies/status";
import { metrics } from "./registry";

const FLEET_REFRESH_MS = 10_000;
const REGIONS: Region[] = ["cn", "intl"];

let last: { at: number; reading: Promise<void> } | null = null;

/** The pool's gauges: cheap, read at every scrape. */
export function readPool(): void {
  const pool = dbPool();
  const m = metrics();
  m.dbPoolConnections.set({ state: "in_use" }, pool.totalCount - pool.idleCount);
  m.dbPoolConnections.set({ state: "idle" }, pool.idleCount);
  m.dbPoolWaiting.set(pool.waitingCount);
}

/** The fleet's gauges, at most once per FLEET_REFRESH_MS however often it is scraped. */
export function readFleet(now = Date.now()): Promise<void> {
  if (!last || now - last.at >= FLEET_REFRESH_MS) {
    const reading = readFleetNow().catch((error) => {
      last = null; // the next scrape tries again
      throw error;
    });
    last = { at: now, reading };
  }
  return last.reading;
}

type ProxyRow = ProxyStatusRow & { region: Region };
type ClientRow = { cluster_id: string; online: number; total: number };
type LimitRow = { cluster_id: string; bandwidth_kbps: number };

async function readFleetNow(): Promise<void> {
  const now = new Date();
  const [clusters, proxies, clients, limits] = await Promise.all([
    Promise.all(REGIONS.map((region) => listClusters({ region }))).then((lists) => lists.flat()),
    queryRows<ProxyRow>(Prisma.sql`
      SELECT c.region, p.last_heartbeat_at, p.stopped_at, p.stop_requested_at, p.version, p.target_version
        FROM proxy_server p JOIN proxy_cluster c ON c.id = p.cluster_id`),
    queryRows<ClientRow>(Prisma.sql`
      SELECT cc.cluster_id, count(*) FILTER (WHERE ${agentOnlineSql(now)})::int AS online, count(*)::int AS total
        FROM client_connection cc JOIN asset a ON a.id = cc.asset_id GROUP BY cc.cluster_id`),
    queryRows<LimitRow>(Prisma.sql`
      SELECT cluster_id, bandwidth_kbps FROM proxy_policy WHERE mode = 'backflow' AND bandwidth_kbps IS NOT NULL`),
  ]);
  const m = metrics();
  for (const gauge of [m.clusters, m.proxies, m.clusterClients, m.clusterCapacityUse, m.clusterBandwidthUse]) gauge.reset();

  for (const region of REGIONS)
    for (const status of ["online", "degraded", "offline"] as const) m.clusters.set({ region, status }, 0);
  for (const c of clusters) m.clusters.inc({ region: c.region, status: c.status });

  for (const region of REGIONS)
    for (const status of ["deploying", "online", "upgrading", "stopping", "offline"] as const)
      m.proxies.set({ region, status }, 0);
  for (const p of proxies) {
    const status = proxyStatusOfRow(p, now, offlineAfterSecondsAt(now));
    m.proxies.inc({ region: p.region, status });
  }

  const byCluster = new Map(clients.map((c) => [c.cluster_id, c]));
  const limitOf = new Map(limits.map((l) => [l.cluster_id, l.bandwidth_kbps]));
  for (const c of clusters) {
    const labels = { region: c.region, cluster: c.name };
    const counts = byCluster.get(c.id);
    m.clusterClients.set({ ...labels, agent: "online" }, counts?.online ?? 0);
    m.clusterClients.set({ ...labels, agent: "offline" }, (counts?.total ?? 0) - (counts?.online ?? 0));
    m.clusterCapacityUse.set(labels, c.capacityUse);
    const limit = limitOf.get(c.id);
    if (limit) m.clusterBandwidthUse.set(labels, requiredBandwidthKbps(c.clientCount) / limit);
  }
}
