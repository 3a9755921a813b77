// POST /api/v1/proxies/{id}/stop — ask the proxy process to exit through its next heartbeat
// answer (the remote form of the stop command R8 asks for; the agent stays installed).
import { audited } from "@/lib/audit/audited";
import type { RequestContext } from "@/lib/http/context";
import { AppError } from "@/lib/http/errors";
import { lockProxy } from "./lock-proxy";

export async function stopProxy(ctx: RequestContext, id: string) {
  return audited(ctx, "proxy.stop", { type: "proxy", id }, async (tx, audit) => {
    const { proxy, cluster, status } = await lockProxy(tx, id);
    audit.target = { type: "proxy", id, name: proxy.asset.hostname, region: cluster.region };
    if (status !== "online" && status !== "upgrading" && status !== "stopping") {
      throw new AppError("PROXY_NOT_RUNNING", `Proxy ${proxy.asset.hostname} is ${status}; there is no process to stop.`, {
        status,
      });
    }
    const pending = await tx.agentTask.findFirst({ where: { assetId: proxy.assetId, type: "stop_proxy", completedAt: null } });
    if (!pending) await tx.agentTask.create({ data: { assetId: proxy.assetId, type: "stop_proxy", payload: { proxyId: id } } });
    // "Stopping" from now until the proxy is offline (issue 13).
    await tx.proxyServer.update({ where: { id }, data: { stopRequestedAt: proxy.stopRequestedAt ?? new Date() } });
    return { id, stopRequested: true as const };
  });
}
