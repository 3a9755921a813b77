// GET /api/v1/install-commands?region= — commands with status, usage and target (R19).
import { z } from "zod";
import { audited } from "@/lib/audit/audited";
import { db } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/context";
import { notFound } from "@/lib/http/errors";
import { proxyBaseUrl } from "@/lib/relay/route-for";
import type { InstallCommandDto } from "./responses";

export const listInstallCommandsQuerySchema = z.strictObject({
  region: z.enum(["cn", "intl"]),
  clusterId: z.uuid().optional(),
  status: z.enum(["active", "expired", "revoked"]).optional(),
});

type Row = Awaited<ReturnType<ReturnType<typeof db>["installCommand"]["findFirstOrThrow"]>> & {
  cluster: { id: string; name: string; address: string; requireTls: boolean; tlsPort: number } | null;
  group: { id: string; name: string } | null;
};

function status(row: { revokedAt: Date | null; expiresAt: Date }, now: Date) {
  return row.revokedAt ? "revoked" : row.expiresAt <= now ? "expired" : "active";
}

function toDto(row: Row, now: Date): InstallCommandDto {
  const state = status(row, now);
  return {
    id: row.id,
    region: row.region,
    tokenHint: row.tokenHint,
    cluster: row.cluster ? { id: row.cluster.id, name: row.cluster.name } : null,
    /** The name of the cluster the command named, when that cluster has since been deleted. */
    deletedCluster: !row.cluster && row.clusterName !== null ? { name: row.clusterName } : null,
    /** What the server must be able to reach: its cluster's proxies, or null for the console (SPEC §8). */
    reach: row.cluster ? proxyBaseUrl(row.cluster.address, row.cluster) : null,
    os: row.os,
    provider: row.provider,
    group: row.group,
    createImage: row.createImage,
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    status: state,
    /** Whether it can be shown again (issue 13 point 13): active, and its token kept sealed. */
    revealable: state === "active" && row.tokenCiphertext !== null,
    registrations: row.registrations,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listInstallCommands(q: z.output<typeof listInstallCommandsQuerySchema>) {
  const now = new Date();
  const rows = await db().installCommand.findMany({
    where: {
      region: q.region,
      ...(q.clusterId ? { clusterId: q.clusterId } : {}),
      ...(q.status === "revoked" ? { revokedAt: { not: null } } : {}),
      ...(q.status === "expired" ? { revokedAt: null, expiresAt: { lte: now } } : {}),
      ...(q.status === "active" ? { revokedAt: null, expiresAt: { gt: now } } : {}),
    },
    include: {
      cluster: { select: { id: true, name: true, address: true, requireTls: true, tlsPort: true } },
      group: { select: { id: true, name: true } },
    },
    orderBy: { createdAt: "desc" },
    take: 500,
  });
  return { items: rows.map((r) => toDto(r, now)) };
}

/** An expired or revoked command no longer registers servers (R19). */
export async function revokeInstallCommand(ctx: RequestContext, id: string) {
  return audited(ctx, "install_command.revoke", { type: "install_command", id }, async (tx, audit) => {
    const row = await tx.installCommand.findUnique({ where: { id } });
    if (!row) throw notFound("Install command", id);
    audit.target.region = row.region;
    const updated = await tx.installCommand.update({
      where: { id },
      data: { revokedAt: row.revokedAt ?? new Date() },
      include: {
        cluster: { select: { id: true, name: true, address: true, requireTls: true, tlsPort: true } },
        group: { select: { id: true, name: true } },
      },
    });
    return toDto(updated, new Date());
  });
}
