// DELETE /api/v1/clusters/{id}/clients — disconnect some or all clients (R16). Their agents stay
// installed and keep reporting; the assets return to the inventory unconnected.
import { audited } from "@/lib/audit/audited";
import { lockCluster } from "@/lib/clusters/lock-cluster";
import type { RequestContext } from "@/lib/http/context";
import { notFound } from "@/lib/http/errors";

export async function disconnectClients(ctx: RequestContext, clusterId: string, which: { assetIds: string[] } | { all: true }) {
  return audited(ctx, "clients.disconnect", { type: "cluster", id: clusterId }, async (tx, audit) => {
    const cluster = await lockCluster(tx, clusterId);
    if (!cluster) throw notFound("Cluster", clusterId);
    audit.target = { type: "cluster", id: cluster.id, name: cluster.name, region: cluster.region };
    const where = "all" in which ? { clusterId } : { clusterId, assetId: { in: [...new Set(which.assetIds)] } };
    const { count } = await tx.clientConnection.deleteMany({ where });
    const { clientCount } = await tx.proxyCluster.update({
      where: { id: clusterId },
      data: { clientCount: { decrement: count } },
      select: { clientCount: true },
    });
    audit.details =
      "all" in which
        ? { all: true, disconnected: count }
        : { requested: which.assetIds.length, disconnected: count, assetIds: which.assetIds.slice(0, 500) };
    return { disconnected: count, clientCount };
  });
}
