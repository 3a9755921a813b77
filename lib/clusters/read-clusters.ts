// GET side of clusters: the region's list and one cluster.
import { db, queryRows } from "@/lib/db/client";
import { Prisma, type AddressKind, type PolicyMode, type Region } from "@/lib/generated/prisma/client";
import { escapeLike } from "@/lib/db/like";
import { notFound } from "@/lib/http/errors";
import { clusterRowSelect, toClusterDto, type ClusterDto, type ClusterRow } from "./serialize";

/** The list is one statement, each cluster's proxies folded in as JSON: one round trip however many clusters. */
export function clustersListSql(input: { region: Region; q?: string }): Prisma.Sql {
  const search = input.q
    ? Prisma.sql`AND (c.name ILIKE ${`%${escapeLike(input.q)}%`} OR c.address ILIKE ${`%${escapeLike(input.q)}%`})`
    : Prisma.empty;
  return Prisma.sql`
    SELECT c.id, c.region, c.name, c.address, c.address_kind, c.description, c.client_count, c.min_online_proxies,
           c.require_tls, c.tls_port, c.created_at, c.updated_at,
           pol.mode AS policy_mode,
           COALESCE((SELECT json_agg(json_build_object(
                               'lastHeartbeatAt', s.last_heartbeat_at, 'stoppedAt', s.stopped_at, 'version', s.version, 'targetVersion', s.target_version,
                               'cpuCores', a.cpu_cores, 'memoryMb', a.memory_mb))
                       FROM proxy_server s JOIN asset a ON a.id = s.asset_id WHERE s.cluster_id = c.id), '[]') AS proxies
      FROM proxy_cluster c LEFT JOIN proxy_policy pol ON pol.cluster_id = c.id
     WHERE c.region = ${input.region}::"Region" ${search}
     ORDER BY c.created_at DESC, c.id ASC`;
}

type ListRow = {
  id: string;
  region: Region;
  name: string;
  address: string;
  address_kind: AddressKind;
  description: string;
  client_count: number;
  min_online_proxies: number;
  require_tls: boolean;
  tls_port: number;
  created_at: Date;
  updated_at: Date;
  policy_mode: PolicyMode | null;
  proxies: {
    lastHeartbeatAt: string | null;
    stoppedAt: string | null;
    version: string | null;
    targetVersion: string | null;
    cpuCores: number | null;
    memoryMb: number | null;
  }[];
};

function toClusterRow(r: ListRow): ClusterRow {
  return {
    id: r.id,
    region: r.region,
    name: r.name,
    address: r.address,
    addressKind: r.address_kind,
    description: r.description,
    clientCount: r.client_count,
    minOnlineProxies: r.min_online_proxies,
    requireTls: r.require_tls,
    tlsPort: r.tls_port,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    policy: r.policy_mode ? { mode: r.policy_mode } : null,
    proxies: r.proxies.map((p) => ({
      lastHeartbeatAt: p.lastHeartbeatAt ? new Date(p.lastHeartbeatAt) : null,
      stoppedAt: p.stoppedAt ? new Date(p.stoppedAt) : null,
      version: p.version,
      targetVersion: p.targetVersion,
      asset: { cpuCores: p.cpuCores, memoryMb: p.memoryMb },
    })),
  };
}

/** `now`: the clock statuses are derived against; the alert evaluation passes the database's. */
export async function listClusters(input: { region: Region; q?: string }, now = new Date()): Promise<ClusterDto[]> {
  const rows = await queryRows<ListRow>(clustersListSql(input));
  return rows.map((row) => toClusterDto(toClusterRow(row), now));
}

export async function getCluster(id: string): Promise<ClusterDto> {
  const row = await db().proxyCluster.findUnique({ where: { id }, select: clusterRowSelect });
  if (!row) throw notFound("Cluster", id);
  return toClusterDto(row);
}
