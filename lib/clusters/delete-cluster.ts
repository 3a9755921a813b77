// DELETE /api/v1/clusters/{id} — only a cluster with no proxies and no clients (R9).
import { audited } from "@/lib/audit/audited";
import type { RequestContext } from "@/lib/http/context";
import { AppError, notFound } from "@/lib/http/errors";
import { lockCluster } from "./lock-cluster";

export async function deleteCluster(ctx: RequestContext, id: string): Promise<void> {
  await audited(ctx, "cluster.delete", { type: "cluster", id }, async (tx, audit) => {
    const cluster = await lockCluster(tx, id);
    if (!cluster) throw notFound("Cluster", id);
    audit.target = { type: "cluster", id, name: cluster.name, region: cluster.region };
    const [proxies, clients] = await Promise.all([
      tx.proxyServer.count({ where: { clusterId: id } }),
      tx.clientConnection.count({ where: { clusterId: id } }),
    ]);
    if (proxies > 0 || clients > 0) {
      throw new AppError(
        "CLUSTER_NOT_EMPTY",
        `The cluster still has ${proxies} proxy server(s) and ${clients} connected client(s). Disconnect the clients and delete the proxies first.`,
        { proxies, clients },
      );
    }
    // Commands that would connect through this cluster must stop registering servers (R19).
    const revoked = await tx.installCommand.updateMany({
      where: { clusterId: id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    audit.details = { address: cluster.address, revokedInstallCommands: revoked.count };
    await tx.proxyCluster.delete({ where: { id } });
  });
}
