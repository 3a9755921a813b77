// GET/PUT /api/v1/clusters/{id}/policy — how data leaves the cluster's proxies. Every change
// bumps the version the proxies receive in their heartbeat answers (SPEC §7).
import { audited } from "@/lib/audit/audited";
import { assertBandwidthHeadroom, BANDWIDTH_SHARE_LIMIT } from "./headroom";
import { lockCluster } from "@/lib/clusters/lock-cluster";
import { db } from "@/lib/db/client";
import type { RequestContext } from "@/lib/http/context";
import { notFound } from "@/lib/http/errors";
import { requiredBandwidthKbps } from "@/lib/proxies/capacity";
import type { CacheDataType } from "./data-types";
import type { PolicyDto } from "./responses";
import { CACHE_FILE, DEFAULT_CACHE_DIR, MAX_CACHE_BYTES, type PolicyInput } from "./schemas";

type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof db>["proxyPolicy"]["findUnique"]>>>;

function toDto(row: Row, clientCount: number): PolicyDto {
  const requiredKbps = requiredBandwidthKbps(clientCount);
  return {
    clusterId: row.clusterId,
    mode: row.mode,
    bandwidthKbps: row.bandwidthKbps,
    frequencyPerMin: row.frequencyPerMin,
    cacheDir: row.cacheDir,
    cacheFile: `${row.cacheDir.replace(/\/$/, "")}/${CACHE_FILE}`,
    cacheMaxBytes: Number(row.cacheMaxBytes),
    // Written only through policySchema, whose data types are these.
    dataTypes: row.dataTypes as CacheDataType[],
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    // R14/R17 as the dialog shows them.
    clients: clientCount,
    requiredKbps,
    bandwidthShareLimit: BANDWIDTH_SHARE_LIMIT,
  };
}
export type { PolicyDto };

export async function getPolicy(clusterId: string): Promise<PolicyDto> {
  const cluster = await db().proxyCluster.findUnique({ where: { id: clusterId }, select: { clientCount: true, policy: true } });
  if (!cluster) throw notFound("Cluster", clusterId);
  const policy = cluster.policy ?? (await db().proxyPolicy.create({ data: { clusterId } }));
  return toDto(policy, cluster.clientCount);
}

export async function updatePolicy(ctx: RequestContext, clusterId: string, input: PolicyInput): Promise<PolicyDto> {
  return audited(ctx, "policy.update", { type: "cluster", id: clusterId }, async (tx, audit) => {
    const cluster = await lockCluster(tx, clusterId);
    if (!cluster) throw notFound("Cluster", clusterId);
    audit.target = { type: "cluster", id: cluster.id, name: cluster.name, region: cluster.region };
    const { clientCount } = await tx.proxyCluster.findUniqueOrThrow({ where: { id: clusterId }, select: { clientCount: true } });
    if (input.mode === "backflow" && input.bandwidthKbps !== null) assertBandwidthHeadroom(clientCount, input.bandwidthKbps);
    const data =
      input.mode === "backflow"
        ? { mode: input.mode, bandwidthKbps: input.bandwidthKbps, frequencyPerMin: input.frequencyPerMin }
        : { mode: input.mode, cacheDir: input.cacheDir, cacheMaxBytes: BigInt(input.cacheMaxBytes), dataTypes: input.dataTypes };
    const before = await tx.proxyPolicy.findUnique({ where: { clusterId } });
    const row = await tx.proxyPolicy.upsert({
      where: { clusterId },
      create: { clusterId, ...data },
      update: { ...data, version: { increment: 1 } },
    });
    audit.details = {
      from: before
        ? {
            mode: before.mode,
            bandwidthKbps: before.bandwidthKbps,
            frequencyPerMin: before.frequencyPerMin,
            cacheDir: before.cacheDir,
          }
        : null,
      to: input,
      version: row.version,
    };
    return toDto(row, clientCount);
  });
}

export { DEFAULT_CACHE_DIR, MAX_CACHE_BYTES };
