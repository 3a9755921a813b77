// DELETE /api/v1/proxies/{id} — only when offline (R8); the agent stays installed.
import { audited } from "@/lib/audit/audited";
import type { RequestContext } from "@/lib/http/context";
import { AppError } from "@/lib/http/errors";
import { lockProxy } from "./lock-proxy";
import { STOP_PROXY_COMMAND } from "./stop-command";

export async function deleteProxy(ctx: RequestContext, id: string): Promise<void> {
  await audited(ctx, "proxy.delete", { type: "proxy", id }, async (tx, audit) => {
    const { proxy, cluster, status } = await lockProxy(tx, id);
    audit.target = { type: "proxy", id, name: proxy.asset.hostname, region: cluster.region };
    audit.details = { clusterId: cluster.id, clusterName: cluster.name, status };
    if (status === "online" || status === "upgrading") {
      throw new AppError(
        "PROXY_ONLINE",
        `Proxy ${proxy.asset.hostname} is ${status}. Stop the proxy process first (${STOP_PROXY_COMMAND}) and wait until it shows offline (R8).`,
        { status, stopCommand: STOP_PROXY_COMMAND },
      );
    }
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
