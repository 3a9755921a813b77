// POST /api/v1/clusters/{id}/proxies — quick deploy onto servers with online agents (a
// deploy-proxy task on their next heartbeat), or a one-time manual deploy command (R4, R5).
import { proxyPort } from "@/lib/config";
import { audited } from "@/lib/audit/audited";
import { lockCluster } from "@/lib/clusters/lock-cluster";
import { hashToken, newToken } from "@/lib/crypto/tokens";
import type { RequestContext } from "@/lib/http/context";
import { AppError, notFound } from "@/lib/http/errors";
import { deployCommandText } from "@/lib/install-commands/command-text";
import { assertEligibleProxy, assertRoomForProxies, createProxyRow } from "./deploy-rules";
import { latestReleaseIn } from "@/lib/releases/catalog";
import type { DeployProxiesInput } from "./schemas";

export async function deployProxies(ctx: RequestContext, clusterId: string, input: DeployProxiesInput, base: string) {
  return audited(ctx, `proxy.deploy_${input.mode}`, { type: "cluster", id: clusterId }, async (tx, audit) => {
    const cluster = await lockCluster(tx, clusterId);
    if (!cluster) throw notFound("Cluster", clusterId);
    audit.target = { type: "cluster", id: cluster.id, name: cluster.name, region: cluster.region };

    if (input.mode === "manual") {
      await assertRoomForProxies(tx, cluster, 1);
      const token = newToken("pdp");
      const row = await tx.deployToken.create({
        data: {
          clusterId,
          tokenHash: hashToken(token),
          expiresAt: new Date(Date.now() + input.expiresInHours * 3_600_000),
          createdBy: ctx.actor.name,
        },
      });
      audit.details = { deployTokenId: row.id, expiresAt: row.expiresAt.toISOString() };
      return { mode: "manual" as const, command: deployCommandText(base, token), token, expiresAt: row.expiresAt.toISOString() };
    }

    const assetIds = [...new Set(input.assetIds)];
    await assertRoomForProxies(tx, cluster, assetIds.length);
    const assets = await tx.asset.findMany({
      where: { id: { in: assetIds } },
      select: { id: true, hostname: true, region: true, type: true, os: true, agentLastSeenAt: true, agentInstalled: true },
    });
    const missing = assetIds.find((id) => !assets.some((a) => a.id === id));
    if (missing) throw notFound("Asset", missing);
    for (const asset of assets) await assertEligibleProxy(tx, cluster, asset, true);

    const version = (await latestReleaseIn(tx))?.version ?? null;
    if (!version) throw new AppError("INTERNAL", "No proxy release is known to this console.");
    const proxies = [];
    for (const asset of assets) {
      const proxy = await createProxyRow(tx, { clusterId, assetId: asset.id, mode: "quick" }, asset.hostname);
      await tx.agentTask.create({
        data: {
          assetId: asset.id,
          type: "deploy_proxy",
          // The port the cluster's install commands name, so the proxy listens where its agents go.
          payload: { proxyId: proxy.id, clusterId, contactAddress: cluster.address, version, listen: `0.0.0.0:${proxyPort()}` },
        },
      });
      proxies.push({ id: proxy.id, assetId: asset.id, hostname: asset.hostname });
    }
    audit.details = { proxies };
    return { mode: "quick" as const, proxies };
  });
}
