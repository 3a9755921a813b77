// POST /api/v1/agent/register — a server that ran an install command joins the inventory and,
// when the command names a cluster, connects to it (R11, R15). Returns the agent credential.
import { z } from "zod";
import { audited } from "@/lib/audit/audited";
import { attachClients } from "@/lib/clients/attach-clients";
import { joinRegistrationWindow } from "@/lib/clients/batch-window";
import { assertClusterCanHold } from "@/lib/clients/capacity-check";
import { lockCluster } from "@/lib/clusters/lock-cluster";
import { hashToken, newToken } from "@/lib/crypto/tokens";
import type { RequestContext } from "@/lib/http/context";
import { AppError } from "@/lib/http/errors";
import { redeemInstallToken } from "@/lib/install-commands/redeem-install-token";
import { routeFor } from "@/lib/relay/route-for";
import type { registerAgentSchema } from "./schemas";
import { upsertAssetFromFacts } from "./upsert-asset";

export type RegisterAgentInput = z.output<typeof registerAgentSchema>;

export async function registerAgent(ctx: RequestContext, input: RegisterAgentInput, consoleUrl: string) {
  const { installToken, ...facts } = input;
  const agentCtx = { ...ctx, actor: { type: "agent" as const, id: null, name: facts.hostname } };
  return audited(agentCtx, "agent.register", { type: "asset", name: facts.hostname }, async (tx, audit) => {
    const command = await redeemInstallToken(tx, installToken);
    audit.target.region = command.region;
    // A proxy registers servers for its own cluster only (SPEC §8).
    if (ctx.relay && command.clusterId !== ctx.relay.clusterId)
      throw new AppError("FORBIDDEN", "This install command is for another cluster than the proxy that relayed it.", {
        reason: "relay_cluster_mismatch",
      });
    const cluster = command.clusterId ? await lockCluster(tx, command.clusterId) : null;
    // R12 first, the cheapest refusal: past 500 registrations in a window, the rest of a burst is
    // refused under the lock without writing the asset (a refusal rolls the window back anyway).
    const batch = cluster ? await joinRegistrationWindow(tx, cluster, command.id) : null;
    const credential = newToken("pag");
    const { asset, created } = await upsertAssetFromFacts(tx, command.region, facts, {
      agentCredentialHash: hashToken(credential),
      provider: command.provider,
      groupId: command.groupId,
      installCommandId: command.id,
      byMachineId: command.createImage,
    });
    audit.target.id = asset.id;
    let moved: { assetId: string; fromClusterId: string }[] = [];
    if (cluster && batch) {
      const inCluster = await tx.clientConnection.count({ where: { assetId: asset.id, clusterId: cluster.id } });
      await assertClusterCanHold(tx, cluster, cluster.clientCount, 1 - inCluster);
      moved = (await attachClients(tx, cluster.id, [asset.id], batch.id)).moved;
    }
    await tx.installCommand.update({ where: { id: command.id }, data: { registrations: { increment: 1 } } });
    audit.details = {
      installCommandId: command.id,
      clusterId: cluster?.id ?? null,
      created,
      movedFrom: moved[0]?.fromClusterId ?? null,
      relayedBy: ctx.relay?.proxyId ?? null,
    };
    return {
      assetId: asset.id,
      credential,
      clusterId: cluster?.id ?? null,
      contactAddress: cluster?.address ?? null,
      route: routeFor(cluster, consoleUrl),
    };
  });
}
