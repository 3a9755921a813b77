// POST /api/v1/proxies/{id}/upgrade — queue an upgrade to the latest release (R10); the proxy
// shows "upgrading" until it reports that version.
import { audited } from "@/lib/audit/audited";
import type { RequestContext } from "@/lib/http/context";
import { AppError } from "@/lib/http/errors";
import { lockProxy } from "./lock-proxy";
import { latestReleaseIn } from "./releases";
import { upgradeBlock } from "./upgrade-rules";

export async function upgradeProxy(ctx: RequestContext, id: string) {
  return audited(ctx, "proxy.upgrade", { type: "proxy", id }, async (tx, audit) => {
    const { proxy, cluster, status, agent } = await lockProxy(tx, id);
    audit.target = { type: "proxy", id, name: proxy.asset.hostname, region: cluster.region };
    const latest = await latestReleaseIn(tx);
    const block = upgradeBlock({ status, agent, version: proxy.version, latest: latest?.version ?? null });
    const name = proxy.asset.hostname;
    if (block === "already_latest")
      throw new AppError("ALREADY_LATEST", `Proxy ${name} already runs the latest version ${proxy.version} (R10).`, {
        version: proxy.version,
      });
    if (block === "upgrading") throw new AppError("PROXY_BUSY", `Proxy ${name} is already upgrading to ${proxy.targetVersion}.`);
    if (block === "agent_offline")
      throw new AppError("AGENT_OFFLINE", `The agent on ${name} is offline, so the upgrade cannot be delivered (R10).`, {
        agentStatus: agent,
        proxyStatus: status,
      });
    if (block)
      throw new AppError(
        "PROXY_NOT_RUNNING",
        `Proxy ${name} is ${status}; it receives the upgrade with its heartbeats, so start it first.`,
        { proxyStatus: status },
      );
    if (!latest) throw new AppError("ALREADY_LATEST", "No proxy release is known.");
    await tx.proxyServer.update({ where: { id }, data: { targetVersion: latest.version } });
    await tx.agentTask.create({
      data: { assetId: proxy.assetId, type: "upgrade_proxy", payload: { proxyId: id, version: latest.version } },
    });
    audit.details = { from: proxy.version, to: latest.version };
    return { id, status: "upgrading" as const, from: proxy.version, to: latest.version };
  });
}
