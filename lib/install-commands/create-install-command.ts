// POST /api/v1/install-commands — an expiring command that installs the agent and connects the
// server through a cluster of the same region, or directly (R1, R19). The database keeps the
// token's SHA-256 (to check registrations) and the token sealed under a key outside the database
// (to show the command again until it expires, issue 13 point 13).
import { randomUUID } from "node:crypto";
import { audited } from "@/lib/audit/audited";
import { seal } from "@/lib/crypto/secret-box";
import { hashToken, newToken, tokenHint } from "@/lib/crypto/tokens";
import type { RequestContext } from "@/lib/http/context";
import { AppError, notFound } from "@/lib/http/errors";
import { ensureGroup } from "@/lib/assets/groups-and-tags";
import { proxyBaseUrl } from "@/lib/relay/route-for";
import { consoleCa } from "@/lib/pki/console-ca";
import { installCommandText } from "./command-text";
import type { CreateInstallCommandInput } from "./schemas";
import { sealContext } from "./reveal-install-command";

export async function createInstallCommand(ctx: RequestContext, input: CreateInstallCommandInput, base: string) {
  const token = newToken("pin");
  return audited(ctx, "install_command.create", { type: "install_command", region: input.region }, async (tx, audit) => {
    let reach = base;
    let clusterName: string | null = null;
    let caPem: string | null = null;
    if (input.clusterId) {
      const cluster = await tx.proxyCluster.findUnique({
        where: { id: input.clusterId },
        select: { region: true, name: true, address: true, requireTls: true, tlsPort: true },
      });
      if (!cluster) throw notFound("Cluster", input.clusterId);
      if (cluster.region !== input.region)
        throw new AppError("REGION_MISMATCH", `Cluster ${cluster.name} is in region ${cluster.region}, not ${input.region}.`);
      // The server downloads, registers and reports through the cluster's proxies (SPEC §8).
      reach = proxyBaseUrl(cluster.address, cluster);
      if (cluster.requireTls) caPem = (await consoleCa()).certPem;
      clusterName = cluster.name;
    }
    const groupId = input.newGroupName ? (await ensureGroup(tx, input.region, input.newGroupName)).id : input.groupId;
    if (groupId && !input.newGroupName) {
      const group = await tx.assetGroup.findUnique({ where: { id: groupId }, select: { region: true } });
      if (!group) throw notFound("Group", groupId);
      if (group.region !== input.region)
        throw new AppError("REGION_MISMATCH", `Group ${groupId} belongs to region ${group.region}.`);
    }
    const id = randomUUID();
    const row = await tx.installCommand.create({
      data: {
        id,
        region: input.region,
        tokenHash: hashToken(token),
        tokenHint: tokenHint(token),
        tokenCiphertext: seal(token, sealContext(id)),
        clusterId: input.clusterId,
        clusterName,
        os: input.os,
        provider: input.provider,
        groupId,
        createImage: input.createImage,
        expiresAt: new Date(Date.now() + input.expiresInHours * 3_600_000),
        createdBy: ctx.actor.name,
      },
    });
    audit.target.id = row.id;
    audit.details = { clusterId: row.clusterId, os: row.os, expiresAt: row.expiresAt.toISOString() };
    return {
      id: row.id,
      token,
      command: installCommandText(reach, token, input.os, caPem),
      /** The address the server must be able to reach: its cluster's proxies, or the console. */
      reach,
      expiresAt: row.expiresAt.toISOString(),
    };
  });
}
