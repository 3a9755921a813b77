// Capacity and bandwidth planner (issue #7): R13 (6,000 per 8-core/16 GB proxy, scaling with
// min(cores/8, memory/16 GB)), R14 (10 Kbit/s per server), R17 (≤ 60% of the uplink), R4
// (more than one proxy needs a domain address). Pure, so the form and the API agree.
import { BANDWIDTH_SHARE_LIMIT } from "@/lib/policy/headroom";
import { KBPS_PER_CLIENT, proxyCapacity, requiredBandwidthKbps } from "@/lib/proxies/capacity";

export type PlanInput = { servers: number; proxyCores: number; proxyMemoryGb: number; uplinkKbps?: number | null };

export type Plan = {
  perProxyCapacity: number;
  proxiesNeeded: number;
  bandwidthKbps: number;
  uplinkShare: number | null;
  withinBandwidthGuidance: boolean | null;
  minimumUplinkKbps: number;
  domainRequired: boolean;
};

export function plan(input: PlanInput): Plan {
  const perProxyCapacity = proxyCapacity(input.proxyCores, Math.round(input.proxyMemoryGb * 1024));
  const proxiesNeeded = input.servers === 0 ? 0 : perProxyCapacity === 0 ? Infinity : Math.ceil(input.servers / perProxyCapacity);
  const bandwidthKbps = requiredBandwidthKbps(input.servers);
  const uplink = input.uplinkKbps ?? null;
  const uplinkShare = uplink ? bandwidthKbps / uplink : null;
  return {
    perProxyCapacity,
    proxiesNeeded,
    bandwidthKbps,
    uplinkShare,
    withinBandwidthGuidance: uplinkShare === null ? null : uplinkShare <= BANDWIDTH_SHARE_LIMIT,
    minimumUplinkKbps: Math.ceil(bandwidthKbps / BANDWIDTH_SHARE_LIMIT),
    domainRequired: proxiesNeeded > 1,
  };
}

export { KBPS_PER_CLIENT };
