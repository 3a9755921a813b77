// DELETE /api/v1/proxies/{id} — only when offline (R8). Deleting the last proxy of a cluster that
// still has connected clients leaves them without a way in, so it needs the caller to say so
// (`?clientsWithoutProxy=confirm`, issue 13); the dialog asks first and shows the numbers.
import { audited } from "@/lib/audit/audited";
import type { RequestContext } from "@/lib/http/context";
import { AppError } from "@/lib/http/errors";
import { lockProxy } from "./lock-proxy";
import { isServing } from "./status";
import { stopInstructions } from "./stop-command";

export async function deleteProxy(
  ctx: RequestContext,
  id: string,
  options: { clientsWithoutProxy?: boolean } = {},
): Promise<void> {
  await audited(ctx, "proxy.delete", { type: "proxy", id }, async (tx, audit) => {
    const { proxy, cluster, status } = await lockProxy(tx, id);
    audit.target = { type: "proxy", id, name: proxy.asset.hostname, region: cluster.region };
    audit.details = { clusterId: cluster.id, clusterName: cluster.name, status };
    if (isServing(status)) {
      const stop = stopInstructions({
        mode: proxy.mode,
        service: { manager: proxy.serviceManager, ref: proxy.serviceRef },
        agentService: { manager: proxy.asset.serviceManager, ref: proxy.asset.serviceRef },
      });
      throw new AppError(
        "PROXY_ONLINE",
        `Proxy ${proxy.asset.hostname} is ${status}. Stop the proxy process first (${stop.command}) and wait until it shows offline.`,
        { status, stopCommand: stop.command, stop },
      );
    }
    // The cluster row is locked, so no proxy joins or leaves meanwhile.
    const others = await tx.proxyServer.count({ where: { clusterId: cluster.id, id: { not: id } } });
    if (others === 0 && cluster.clientCount > 0 && !options.clientsWithoutProxy) {
      throw new AppError(
        "LAST_PROXY_WITH_CLIENTS",
        `${proxy.asset.hostname} is the last proxy server of cluster ${cluster.name}, which has ${cluster.clientCount} connected clients. Without a proxy they cannot reach the console until another proxy is deployed. Confirm with ?clientsWithoutProxy=confirm.`,
        { clients: cluster.clientCount, clusterName: cluster.name },
      );
    }
    if (others === 0 && cluster.clientCount > 0)
      audit.details = { ...audit.details, clientsLeftWithoutProxy: cluster.clientCount };
    await tx.agentTask.updateMany({
      where: { assetId: proxy.assetId, completedAt: null, type: { in: ["deploy_proxy", "upgrade_proxy", "stop_proxy"] } },
      data: { completedAt: new Date() },
    });
    if (proxy.credentialHash) {
      await tx.retiredCredential.create({ data: { credentialHash: proxy.credentialHash, subjectType: "proxy", subjectId: id } });
    }
    await tx.proxyServer.delete({ where: { id } });
  });
}
