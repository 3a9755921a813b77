// R13: one 8-core/16 GB proxy serves at most 6,000 hosts or containers; capacity scales with
// min(cores/8, memory/16 GB). R14: each connected server needs 10 Kbit/s on the proxy.
import { isServing, proxyStatus, type ProxyHeartbeatState, type ProxyStatus } from "./status";

export const CLIENTS_PER_REFERENCE_PROXY = 6000;
export const KBPS_PER_CLIENT = 10;

export function proxyCapacity(cpuCores: number | null, memoryMb: number | null): number {
  if (!cpuCores || !memoryMb) return 0;
  const scale = Math.min(cpuCores / 8, memoryMb / (16 * 1024));
  return Math.floor(CLIENTS_PER_REFERENCE_PROXY * scale);
}

export type SizedProxy = ProxyHeartbeatState & { asset: { cpuCores: number | null; memoryMb: number | null } };

/** The columns servingCapacity() reads, for a Prisma select of a cluster's proxies. */
export const SIZED_PROXY_SELECT = {
  lastHeartbeatAt: true,
  stoppedAt: true,
  version: true,
  targetVersion: true,
  asset: { select: { cpuCores: true, memoryMb: true } },
} as const;

export type ServingCapacity = {
  statuses: ProxyStatus[];
  onlineProxies: number;
  /** What the serving proxies can hold together, from their real cores and memory. */
  capacity: number;
  /** Serving proxies that never reported their cores or memory: they count as 0 (R13). */
  unknownSizeProxies: number;
  /** The largest serving proxy's capacity: what the cluster loses with it (issue 16, N+1). */
  largestCapacity: number;
  /** Each serving proxy's capacity, in the order given (the planner's starting point). */
  capacities: number[];
};

/** R13 "online capacity": what a cluster's serving proxies can hold, computed in this one place. */
export function servingCapacity(proxies: readonly SizedProxy[], now: Date, offlineAfterSeconds: number): ServingCapacity {
  const statuses = proxies.map((p) => proxyStatus(p, now, offlineAfterSeconds));
  const sizes = proxies.filter((_, i) => isServing(statuses[i]!)).map((p) => proxyCapacity(p.asset.cpuCores, p.asset.memoryMb));
  return {
    statuses,
    onlineProxies: sizes.length,
    capacity: sizes.reduce((sum, c) => sum + c, 0),
    unknownSizeProxies: sizes.filter((c) => c === 0).length,
    largestCapacity: Math.max(0, ...sizes),
    capacities: sizes,
  };
}

/** From this share of the capacity in use, the console warns (the planner, the capacity meter). */
export const CAPACITY_WARNING_SHARE = 0.8;

/** The share of the capacity in use; a cluster with clients and no capacity is full. */
export function capacityUse(clients: number, capacity: number): number {
  return capacity === 0 ? (clients > 0 ? 1 : 0) : clients / capacity;
}

export function requiredBandwidthKbps(clients: number): number {
  return clients * KBPS_PER_CLIENT;
}
