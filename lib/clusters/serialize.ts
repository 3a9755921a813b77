// The cluster as the API shows it, with statuses derived from proxy heartbeats (R6) against the
// cluster's minimum of online proxies (issue 16).
import { offlineAfterSecondsAt } from "@/lib/liveness/clock";
import type { AddressKind, PolicyMode, Region } from "@/lib/generated/prisma/client";
import { SIZED_PROXY_SELECT, capacityUse, requiredBandwidthKbps, servingCapacity, type SizedProxy } from "@/lib/proxies/capacity";
import { clusterStatus } from "@/lib/proxies/status";
import type { ClusterDto } from "./responses";

export type ClusterRow = {
  id: string;
  region: Region;
  name: string;
  address: string;
  addressKind: AddressKind;
  description: string;
  clientCount: number;
  minOnlineProxies: number;
  requireTls: boolean;
  tlsPort: number;
  createdAt: Date;
  updatedAt: Date;
  proxies: SizedProxy[];
  policy: { mode: PolicyMode } | null;
};

export type { ClusterDto };

export const clusterRowSelect = {
  id: true,
  region: true,
  name: true,
  address: true,
  addressKind: true,
  description: true,
  clientCount: true,
  minOnlineProxies: true,
  requireTls: true,
  tlsPort: true,
  createdAt: true,
  updatedAt: true,
  proxies: { select: SIZED_PROXY_SELECT },
  policy: { select: { mode: true } },
} as const;

export function toClusterDto(row: ClusterRow, now = new Date()): ClusterDto {
  const { statuses, onlineProxies, capacity } = servingCapacity(row.proxies, now, offlineAfterSecondsAt(now));
  return {
    id: row.id,
    region: row.region,
    name: row.name,
    address: row.address,
    addressKind: row.addressKind,
    description: row.description,
    status: clusterStatus(statuses, row.minOnlineProxies),
    proxyCount: row.proxies.length,
    onlineProxyCount: onlineProxies,
    minOnlineProxies: row.minOnlineProxies,
    requireTls: row.requireTls,
    tlsPort: row.tlsPort,
    clientCount: row.clientCount,
    capacity,
    capacityUse: capacityUse(row.clientCount, capacity),
    requiredBandwidthKbps: requiredBandwidthKbps(row.clientCount),
    policyMode: row.policy?.mode ?? "backflow",
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
