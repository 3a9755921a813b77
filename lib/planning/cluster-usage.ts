// The real numbers of a cluster for the planner and the capacity indicator: online proxies and
// their sizes, connected clients, the policy's bandwidth limit; and (issue 16) what it would
// have left after losing its largest proxy (N+1).
import { onlineCapacity } from "@/lib/clients/capacity-check";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { headroom } from "@/lib/policy/headroom";
import type { ClusterUsage } from "./responses";
import { CAPACITY_WARNING_SHARE, capacityUse, requiredBandwidthKbps } from "@/lib/proxies/capacity";

export async function clusterUsage(clusterId: string): Promise<ClusterUsage> {
  const cluster = await db().proxyCluster.findUnique({
    where: { id: clusterId },
    select: {
      id: true,
      name: true,
      addressKind: true,
      clientCount: true,
      policy: { select: { mode: true, bandwidthKbps: true } },
    },
  });
  if (!cluster) throw notFound("Cluster", clusterId);
  const serving = await db().$transaction((tx) => onlineCapacity(tx, clusterId));
  const { capacity, onlineProxies } = serving;
  const limit = cluster.policy?.mode === "backflow" ? cluster.policy.bandwidthKbps : null;
  const use = capacityUse(cluster.clientCount, capacity);
  const withoutLargest = capacity - serving.largestCapacity;
  return {
    clusterId,
    clients: cluster.clientCount,
    onlineProxies,
    capacity,
    capacityUse: use,
    capacityWarning: use >= CAPACITY_WARNING_SHARE,
    /** Each serving proxy's capacity from its real size (R13); 0 for one that never reported it. */
    proxyCapacities: serving.capacities,
    unknownSizeProxies: serving.unknownSizeProxies,
    /** N+1 today: the capacity left after losing the largest serving proxy, and whether it holds the clients. */
    largestProxyCapacity: serving.largestCapacity,
    capacityWithoutLargest: withoutLargest,
    survivesLargestLoss: cluster.clientCount === 0 || (onlineProxies > 1 && cluster.clientCount <= withoutLargest),
    requiredKbps: requiredBandwidthKbps(cluster.clientCount),
    bandwidthLimitKbps: limit,
    bandwidth: limit ? headroom(cluster.clientCount, limit) : null,
    addressKind: cluster.addressKind,
  };
}
