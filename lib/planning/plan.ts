// Capacity and bandwidth planner (issue #7): R13 (6,000 per 8-core/16 GB proxy, scaling with
// min(cores/8, memory/16 GB)), R14 (10 Kbit/s per server), R17 (≤ 60% of the uplink), R4
// (more than one proxy needs a domain address). Pure, so the form and the API agree.
// Issue 16: for an existing cluster it starts from the real capacities of its serving proxies and
// says how many of the given size to add; with redundancy (N+1) it plans so that the cluster
// still serves every server after losing its largest proxy.
import { BANDWIDTH_SHARE_LIMIT } from "@/lib/policy/headroom";
import { KBPS_PER_CLIENT, proxyCapacity, requiredBandwidthKbps } from "@/lib/proxies/capacity";
import type { ExistingPlan, Plan } from "./responses";

export type PlanInput = {
  servers: number;
  /** The size of the proxies to deploy. */
  proxyCores: number;
  proxyMemoryGb: number;
  uplinkKbps?: number | null;
  /** N+1: survive the loss of the largest proxy. */
  redundancy?: boolean;
  /** The capacities of an existing cluster's serving proxies (R13, from their real sizes). */
  existingCapacities?: readonly number[] | null;
};

export type { ExistingPlan, Plan };

/** The capacity left after losing the largest proxy (N+1), or all of it without redundancy. */
function usable(capacities: readonly number[], redundancy: boolean): number {
  const total = capacities.reduce((sum, c) => sum + c, 0);
  return redundancy ? total - Math.max(0, ...capacities) : total;
}

/** The fewest proxies of `per` capacity to add to `existing` so that `servers` fit. */
export function proxiesToAdd(servers: number, per: number, existing: readonly number[], redundancy: boolean): number {
  if (servers === 0 || usable(existing, redundancy) >= servers) return 0;
  if (per === 0) return Infinity;
  const total = existing.reduce((sum, c) => sum + c, 0);
  if (!redundancy) return Math.ceil((servers - total) / per);
  // With at least one added, the largest is max(existing largest, per): Σ + k·per − largest ≥ servers.
  const largest = Math.max(per, ...existing);
  return Math.max(1, Math.ceil((servers - total + largest) / per));
}

export function plan(input: PlanInput): Plan {
  const redundancy = input.redundancy ?? false;
  const perProxyCapacity = proxyCapacity(input.proxyCores, Math.round(input.proxyMemoryGb * 1024));
  const loadProxies = input.servers === 0 ? 0 : perProxyCapacity === 0 ? Infinity : Math.ceil(input.servers / perProxyCapacity);
  const proxiesNeeded = proxiesToAdd(input.servers, perProxyCapacity, [], redundancy);
  const existing = input.existingCapacities
    ? planExisting(input.servers, perProxyCapacity, input.existingCapacities, redundancy)
    : null;
  const bandwidthKbps = requiredBandwidthKbps(input.servers);
  const uplink = input.uplinkKbps ?? null;
  const uplinkShare = uplink ? bandwidthKbps / uplink : null;
  return {
    perProxyCapacity,
    loadProxies,
    proxiesNeeded,
    redundancy,
    existing,
    bandwidthKbps,
    uplinkShare,
    withinBandwidthGuidance: uplinkShare === null ? null : uplinkShare <= BANDWIDTH_SHARE_LIMIT,
    minimumUplinkKbps: Math.ceil(bandwidthKbps / BANDWIDTH_SHARE_LIMIT),
    domainRequired: (existing ? existing.totalProxies : proxiesNeeded) > 1,
  };
}

function planExisting(servers: number, per: number, capacities: readonly number[], redundancy: boolean): ExistingPlan {
  const additionalProxies = proxiesToAdd(servers, per, capacities, redundancy);
  return {
    proxies: capacities.length,
    capacity: capacities.reduce((sum, c) => sum + c, 0),
    largestCapacity: Math.max(0, ...capacities),
    additionalProxies,
    totalProxies: capacities.length + additionalProxies,
    survivesLargestLoss: servers === 0 || usable(capacities, true) >= servers,
  };
}

export { KBPS_PER_CLIENT };
