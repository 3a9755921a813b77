// An asset as the lists show it, with its agent status derived from the last heartbeat (R7).
import { config } from "@/lib/config";
import { agentStatus } from "@/lib/proxies/status";

export const assetListSelect = {
  id: true,
  hostname: true,
  type: true,
  os: true,
  osVersion: true,
  provider: true,
  region: true,
  ips: true,
  cpuCores: true,
  memoryMb: true,
  agentVersion: true,
  agentLastSeenAt: true,
  group: { select: { id: true, name: true } },
  tags: { select: { tag: { select: { id: true, name: true } } } },
  connection: { select: { clusterId: true, connectedAt: true, cluster: { select: { name: true } } } },
  proxy: { select: { id: true, clusterId: true } },
} as const;

type Row = {
  id: string;
  hostname: string;
  type: string;
  os: string;
  osVersion: string;
  provider: string;
  region: string;
  ips: string[];
  cpuCores: number | null;
  memoryMb: number | null;
  agentVersion: string | null;
  agentLastSeenAt: Date | null;
  group: { id: string; name: string } | null;
  tags: { tag: { id: string; name: string } }[];
  connection: { clusterId: string; connectedAt: Date; cluster: { name: string } } | null;
  proxy: { id: string; clusterId: string } | null;
};

export function toAssetDto(row: Row, now = new Date()) {
  return {
    id: row.id,
    hostname: row.hostname,
    type: row.type,
    os: row.os,
    osVersion: row.osVersion,
    provider: row.provider,
    region: row.region,
    ips: row.ips,
    cpuCores: row.cpuCores,
    memoryMb: row.memoryMb,
    agentVersion: row.agentVersion,
    agentStatus: agentStatus(row.agentLastSeenAt, now, config.offlineAfterSeconds),
    agentLastSeenAt: row.agentLastSeenAt?.toISOString() ?? null,
    group: row.group,
    tags: row.tags.map((t) => t.tag),
    cluster: row.connection
      ? { id: row.connection.clusterId, name: row.connection.cluster.name, connectedAt: row.connection.connectedAt.toISOString() }
      : null,
    proxyOf: row.proxy?.clusterId ?? null,
  };
}
export type AssetDto = ReturnType<typeof toAssetDto>;
