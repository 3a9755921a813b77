// An asset as the lists show it, with its agent status derived from the last heartbeat (R7).
import { config } from "@/lib/config";
import type { LivenessRow } from "@/lib/agents/liveness";
import { clientAgentStatus } from "@/lib/proxies/status";

/** A row of the list queries in list-assets.ts (snake_case, as PostgreSQL names the columns). */
export type AssetRow = LivenessRow & {
  id: string;
  hostname: string;
  type: string;
  os: string;
  os_version: string;
  provider: string;
  region: string;
  ips: string[];
  cpu_cores: number | null;
  memory_mb: number | null;
  agent_version: string | null;
  group_id: string | null;
  group_name: string | null;
  cluster_id: string | null;
  connected_at: Date | null;
  cluster_name: string | null;
  proxy_of: string | null;
  tags: { id: string; name: string }[];
};

const latest = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : (a ?? b));

export function toAssetDto(row: AssetRow, now = new Date()) {
  return {
    id: row.id,
    hostname: row.hostname,
    type: row.type,
    os: row.os,
    osVersion: row.os_version,
    provider: row.provider,
    region: row.region,
    ips: row.ips,
    cpuCores: row.cpu_cores,
    memoryMb: row.memory_mb,
    agentVersion: row.agent_version,
    agentStatus: clientAgentStatus(
      { lastSeenAt: row.agent_last_seen_at, viaProxyId: row.via_proxy_id, viaProxySeenAt: row.via_proxy_seen_at },
      now,
      config.offlineAfterSeconds,
    ),
    /** The proxy that relays this agent's heartbeats, or null when it reports directly. */
    viaProxyId: row.via_proxy_id,
    // Heard through a proxy, the agent was last seen when that proxy last vouched for it.
    agentLastSeenAt: latest(row.agent_last_seen_at, row.via_proxy_id ? row.via_proxy_seen_at : null)?.toISOString() ?? null,
    group: row.group_id ? { id: row.group_id, name: row.group_name! } : null,
    tags: row.tags,
    cluster:
      row.cluster_id && row.connected_at
        ? { id: row.cluster_id, name: row.cluster_name!, connectedAt: row.connected_at.toISOString() }
        : null,
    proxyOf: row.proxy_of,
  };
}
export type AssetDto = ReturnType<typeof toAssetDto>;
