// POST /api/v1/proxies/{id}/upgrade — queue an upgrade to the latest release (R10); the proxy
// shows "upgrading" until it reports that version, or reports the upgrade failed (issue 17).
import { audited } from "@/lib/audit/audited";
import type { Tx } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/context";
import { AppError } from "@/lib/http/errors";
import { latestReleaseIn, type ReleaseSummary } from "@/lib/releases/catalog";
import { lockProxy } from "./lock-proxy";
import { upgradeBlock } from "./upgrade-rules";

/** What the daemon needs to fetch and verify the release (agent/release/stage.mjs). */
export type UpgradeTaskPayload = { proxyId: string; version: string; digest: string; signature: string; size: number };

type LockedProxy = Awaited<ReturnType<typeof lockProxy>>;

/**
 * Queues one proxy's upgrade to `release` inside `tx` (its cluster row locked by lockProxy): checks
 * R10, sets target_version and creates the `upgrade_proxy` task. Throws the typed refusal.
 * Used by the single-proxy route and by a cluster's rolling upgrade.
 */
export async function queueProxyUpgrade(tx: Tx, locked: LockedProxy, release: ReleaseSummary | null) {
  const { proxy, status, agent } = locked;
  const block = upgradeBlock({ status, agent, version: proxy.version, latest: release?.version ?? null });
  const name = proxy.asset.hostname;
  if (block === "already_latest")
    throw new AppError("ALREADY_LATEST", `Proxy ${name} already runs the latest version ${proxy.version}.`, {
      version: proxy.version,
    });
  if (block === "upgrading") throw new AppError("PROXY_BUSY", `Proxy ${name} is already upgrading to ${proxy.targetVersion}.`);
  if (block === "agent_offline")
    throw new AppError("AGENT_OFFLINE", `The agent on ${name} is offline, so the upgrade cannot be delivered.`, {
      agentStatus: agent,
      proxyStatus: status,
    });
  if (block)
    throw new AppError(
      "PROXY_NOT_RUNNING",
      `Proxy ${name} is ${status}; it receives the upgrade with its heartbeats, so start it first.`,
      { proxyStatus: status },
    );
  if (!release) throw new AppError("ALREADY_LATEST", "No proxy release is known.");
  const payload: UpgradeTaskPayload = {
    proxyId: proxy.id,
    version: release.version,
    digest: release.digest,
    signature: release.signature,
    size: release.size,
  };
  await tx.proxyServer.update({ where: { id: proxy.id }, data: { targetVersion: release.version } });
  await tx.agentTask.create({ data: { assetId: proxy.assetId, type: "upgrade_proxy", payload } });
  return { id: proxy.id, status: "upgrading" as const, from: proxy.version, to: release.version };
}

export async function upgradeProxy(ctx: RequestContext, id: string) {
  return audited(ctx, "proxy.upgrade", { type: "proxy", id }, async (tx, audit) => {
    const locked = await lockProxy(tx, id);
    audit.target = { type: "proxy", id, name: locked.proxy.asset.hostname, region: locked.cluster.region };
    const result = await queueProxyUpgrade(tx, locked, await latestReleaseIn(tx));
    audit.details = { from: result.from, to: result.to };
    return result;
  });
}
