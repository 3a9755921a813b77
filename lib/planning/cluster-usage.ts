// The real numbers of a cluster for the planner and the capacity indicator: online proxies and
// their sizes, connected clients, the policy's bandwidth limit.
import { onlineCapacity } from "@/lib/clients/capacity-check";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { headroom } from "@/lib/policy/headroom";
import { CAPACITY_WARNING_SHARE, capacityUse, requiredBandwidthKbps } from "@/lib/proxies/capacity";

export async function clusterUsage(clusterId: string) {
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
  const { capacity, onlineProxies } = await db().$transaction((tx) => onlineCapacity(tx, clusterId));
  const limit = cluster.policy?.mode === "backflow" ? cluster.policy.bandwidthKbps : null;
  const use = capacityUse(cluster.clientCount, capacity);
  return {
    clusterId,
    clients: cluster.clientCount,
    onlineProxies,
    capacity,
    capacityUse: use,
    capacityWarning: use >= CAPACITY_WARNING_SHARE,
    requiredKbps: requiredBandwidthKbps(cluster.clientCount),
    bandwidthLimitKbps: limit,
    bandwidth: limit ? headroom(cluster.clientCount, limit) : null,
    addressKind: cluster.addressKind,
  };
}
