// The cluster as the API shows it, with statuses derived from proxy heartbeats (R6).
import { config } from "@/lib/config";
import type { AddressKind, PolicyMode, Region } from "@/lib/generated/prisma/client";
import { proxyCapacity, requiredBandwidthKbps } from "@/lib/proxies/capacity";
import { clusterStatus, isServing, proxyStatus, type ClusterStatus, type ProxyHeartbeatState } from "@/lib/proxies/status";

export type ClusterRow = {
  id: string;
  region: Region;
  name: string;
  address: string;
  addressKind: AddressKind;
  description: string;
  clientCount: number;
  createdAt: Date;
  updatedAt: Date;
  proxies: (ProxyHeartbeatState & { asset: { cpuCores: number | null; memoryMb: number | null } })[];
  policy: { mode: PolicyMode } | null;
};

export type ClusterDto = {
  id: string;
  region: Region;
  name: string;
  address: string;
  addressKind: AddressKind;
  description: string;
  status: ClusterStatus;
  proxyCount: number;
  onlineProxyCount: number;
  clientCount: number;
  /** R13: what the online proxies can serve, and the share in use (warn at 80%). */
  capacity: number;
  capacityUse: number;
  /** R14: 10 Kbit/s per connected client. */
  requiredBandwidthKbps: number;
  policyMode: PolicyMode;
  createdAt: string;
  updatedAt: string;
};

export const clusterRowSelect = {
  id: true,
  region: true,
  name: true,
  address: true,
  addressKind: true,
  description: true,
  clientCount: true,
  createdAt: true,
  updatedAt: true,
  proxies: {
    select: { lastHeartbeatAt: true, version: true, targetVersion: true, asset: { select: { cpuCores: true, memoryMb: true } } },
  },
  policy: { select: { mode: true } },
} as const;

export function toClusterDto(row: ClusterRow, now = new Date()): ClusterDto {
  const statuses = row.proxies.map((p) => proxyStatus(p, now, config.offlineAfterSeconds));
  const capacity = row.proxies.reduce(
    (sum, p, i) => sum + (isServing(statuses[i]!) ? proxyCapacity(p.asset.cpuCores, p.asset.memoryMb) : 0),
    0,
  );
  return {
    id: row.id,
    region: row.region,
    name: row.name,
    address: row.address,
    addressKind: row.addressKind,
    description: row.description,
    status: clusterStatus(statuses),
    proxyCount: row.proxies.length,
    onlineProxyCount: statuses.filter(isServing).length,
    clientCount: row.clientCount,
    capacity,
    capacityUse: capacity === 0 ? (row.clientCount > 0 ? 1 : 0) : row.clientCount / capacity,
    requiredBandwidthKbps: requiredBandwidthKbps(row.clientCount),
    policyMode: row.policy?.mode ?? "backflow",
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
