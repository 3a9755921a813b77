// An asset as the lists show it, with its agent status derived from the last heartbeat (R7).
import { offlineAfterSecondsAt } from "@/lib/liveness/clock";
import { seenOf, type LivenessRow } from "@/lib/agents/liveness";
import type { AssetType, OsFamily, Provider, Region } from "@/lib/generated/prisma/client";
import { clientAgentStatus } from "@/lib/proxies/status";
import type { AssetDto } from "./responses";

/** A row of the list queries in list-assets.ts (snake_case, as PostgreSQL names the columns). */
export type AssetRow = LivenessRow & {
  id: string;
  hostname: string;
  type: AssetType;
  os: OsFamily;
  os_version: string;
  provider: Provider;
  region: Region;
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

export function toAssetDto(row: AssetRow, now = new Date()): AssetDto {
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
    // A server without an agent has no agent version (what a manual proxy reported was its own).
    agentVersion: row.agent_installed ? row.agent_version : null,
    agentStatus: clientAgentStatus(seenOf(row), now, offlineAfterSecondsAt(now)),
    /** The proxy that relays this agent's heartbeats, or null when it reports directly. */
    viaProxyId: row.via_proxy_id,
    // Heard through a proxy, the agent was last seen when that proxy last vouched for it.
    agentLastSeenAt: !row.agent_installed
      ? null
      : (latest(row.agent_last_seen_at, row.via_proxy_id ? row.via_proxy_seen_at : null)?.toISOString() ?? null),
    group: row.group_id ? { id: row.group_id, name: row.group_name! } : null,
    tags: row.tags,
    cluster:
      row.cluster_id && row.connected_at
        ? { id: row.cluster_id, name: row.cluster_name!, connectedAt: row.connected_at.toISOString() }
        : null,
    proxyOf: row.proxy_of,
  };
}
export type { AssetDto };
