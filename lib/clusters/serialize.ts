// The cluster as the API shows it, with statuses derived from proxy heartbeats (R6).
import { config } from "@/lib/config";
import type { AddressKind, PolicyMode, Region } from "@/lib/generated/prisma/client";
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
  proxies: ProxyHeartbeatState[];
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
  proxies: { select: { lastHeartbeatAt: true, version: true, targetVersion: true } },
  policy: { select: { mode: true } },
} as const;

export function toClusterDto(row: ClusterRow, now = new Date()): ClusterDto {
  const statuses = row.proxies.map((p) => proxyStatus(p, now, config.offlineAfterSeconds));
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
    policyMode: row.policy?.mode ?? "backflow",
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
