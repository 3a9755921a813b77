// POST /api/v1/agent/proxies/register — a proxy started by a manual deploy command joins its
// token's cluster (R4, R5 under the cluster lock). The token works once.
import { z } from "zod";
import { upsertAssetFromFacts } from "@/lib/agents/upsert-asset";
import { serviceRefOf, type registerProxySchema } from "@/lib/agents/schemas";
import { audited } from "@/lib/audit/audited";
import { lockCluster } from "@/lib/clusters/lock-cluster";
import { hashToken, newToken } from "@/lib/crypto/tokens";
import { db, type Db, type Tx } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/context";
import { AppError } from "@/lib/http/errors";
import { assertEligibleProxy, assertRoomForProxies, createProxyRow } from "./deploy-rules";

/** A deploy token that can still register a proxy: unknown → 401, used or expired → 410. */
export async function liveDeployToken(client: Tx | Db, deployToken: string) {
  const token = await client.deployToken.findUnique({ where: { tokenHash: hashToken(deployToken) } });
  if (!token) throw new AppError("UNAUTHENTICATED", "Unknown deploy token: copy a new manual deploy command from the console.");
  if (token.usedAt)
    throw new AppError("GONE", "This deploy command was already used: copy a new one from the console.", { reason: "used" });
  if (token.expiresAt <= new Date())
    throw new AppError("GONE", "This deploy command has expired: copy a new one from the console.", { reason: "expired" });
  return token;
}

/** The served deploy script checks its token first, like the install scripts (assertInstallTokenLive). */
export async function assertDeployTokenLive(deployToken: string): Promise<void> {
  await liveDeployToken(db(), deployToken);
}

export async function registerProxy(ctx: RequestContext, input: z.output<typeof registerProxySchema>) {
  const { deployToken, proxyVersion, ...facts } = input;
  const agentCtx = { ...ctx, actor: { type: "agent" as const, id: null, name: facts.hostname } };
  return audited(agentCtx, "proxy.register", { type: "proxy", name: facts.hostname }, async (tx, audit) => {
    const token = await liveDeployToken(tx, deployToken);
    const cluster = await lockCluster(tx, token.clusterId);
    if (!cluster) throw new AppError("GONE", "The cluster of this deploy command was deleted.", { reason: "cluster_deleted" });
    audit.target.region = cluster.region;
    // The row lock above serialises concurrent uses of the same token; mark it used first.
    const used = await tx.deployToken.updateMany({ where: { id: token.id, usedAt: null }, data: { usedAt: new Date() } });
    if (used.count === 0) throw new AppError("GONE", "This deploy command was already used.", { reason: "used" });

    await assertRoomForProxies(tx, cluster, 1);
    if (facts.os !== "linux")
      throw new AppError("NOT_LINUX", `${facts.hostname} runs ${facts.os}; only Linux servers can be proxy servers.`);
    const { asset } = await upsertAssetFromFacts(tx, cluster.region, facts);
    await assertEligibleProxy(tx, cluster, asset, false);
    const credential = newToken("pag");
    const proxy = await createProxyRow(
      tx,
      {
        clusterId: cluster.id,
        assetId: asset.id,
        mode: "manual",
        version: proxyVersion,
        credentialHash: hashToken(credential),
        // How it runs, so the console can show the command that stops it (issue 13).
        serviceManager: facts.service?.manager ?? null,
        serviceRef: facts.service ? serviceRefOf(facts.service) : null,
      },
      asset.hostname,
    );
    audit.target = { type: "proxy", id: proxy.id, name: asset.hostname, region: cluster.region };
    audit.details = { clusterId: cluster.id, clusterName: cluster.name, assetId: asset.id, version: proxyVersion };
    return {
      proxyId: proxy.id,
      credential,
      clusterId: cluster.id,
      contactAddress: cluster.address,
      heartbeatPath: `/api/v1/agent/proxies/${proxy.id}/heartbeat`,
    };
  });
}
