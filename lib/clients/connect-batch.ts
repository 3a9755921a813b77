// POST /api/v1/clusters/{id}/clients — connect one batch of assets, all or nothing: online agents
// of the cluster's region (R1, R11), at most 500 (R12), more than the interval after the last
// batch (R12), within the online proxies' capacity (R13) and bandwidth headroom (R17); assets
// connected elsewhere move here (R15, audited on both clusters).
import { livenessColumnsSql, seenOf, type LivenessRow } from "@/lib/agents/liveness";
import { auditInTx, audited } from "@/lib/audit/audited";
import { lockCluster } from "@/lib/clusters/lock-cluster";
import { config } from "@/lib/config";
import { offlineAfterSecondsAt } from "@/lib/liveness/clock";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RequestContext } from "@/lib/http/context";
import { AppError, notFound } from "@/lib/http/errors";
import { clientAgentStatus } from "@/lib/proxies/status";
import { attachClients } from "./attach-clients";
import { assertBatchAllowed, openPanelBatch } from "./batch-window";
import { assertClusterCanHold } from "./capacity-check";
import type { ConnectResult } from "./responses";

export type { ConnectResult };

type Candidate = LivenessRow & { id: string; hostname: string; region: string; is_proxy: boolean };

async function assertEligibleClients(tx: Tx, region: string, assetIds: string[]) {
  const rows = await tx.$queryRaw<Candidate[]>(Prisma.sql`
    SELECT a.id, a.hostname, a.region::text AS region, ${livenessColumnsSql()},
           EXISTS (SELECT 1 FROM proxy_server p WHERE p.asset_id = a.id) AS is_proxy
      FROM asset a WHERE a.id = ANY(${assetIds}::uuid[])`);
  const assets = new Map(rows.map((a) => [a.id, a]));
  const now = new Date();
  const problems = assetIds.flatMap((id) => {
    const a = assets.get(id);
    if (!a) return [{ assetId: id, reason: "not_found" }];
    if (a.region !== region) return [{ assetId: id, hostname: a.hostname, reason: "region_mismatch" }];
    if (a.is_proxy) return [{ assetId: id, hostname: a.hostname, reason: "is_proxy" }];
    const status = clientAgentStatus(seenOf(a), now, offlineAfterSecondsAt(now));
    if (status === "not_installed") return [{ assetId: id, hostname: a.hostname, reason: "agent_not_installed" }];
    if (status !== "online") return [{ assetId: id, hostname: a.hostname, reason: "agent_offline" }];
    return [];
  });
  if (problems.length === 0) return;
  const offline = problems.filter((p) => p.reason === "agent_offline").length;
  const code = problems.every((p) => p.reason === "agent_offline")
    ? "AGENT_OFFLINE"
    : problems.some((p) => p.reason === "not_found")
      ? "NOT_FOUND"
      : problems.some((p) => p.reason === "region_mismatch")
        ? "REGION_MISMATCH"
        : "NOT_ELIGIBLE";
  throw new AppError(
    code,
    `${problems.length} of the ${assetIds.length} selected servers cannot be connected${offline ? ` (${offline} with an offline agent; R11 needs online agents — use an install command for those)` : ""}. Nothing was connected.`,
    { problems: problems.slice(0, 100), count: problems.length },
  );
}

export async function connectBatch(ctx: RequestContext, clusterId: string, requested: string[]): Promise<ConnectResult> {
  const assetIds = [...new Set(requested)];
  return audited(ctx, "clients.connect", { type: "cluster", id: clusterId }, async (tx, audit) => {
    const cluster = await lockCluster(tx, clusterId);
    if (!cluster) throw notFound("Cluster", clusterId);
    audit.target = { type: "cluster", id: cluster.id, name: cluster.name, region: cluster.region };
    audit.details = { requested: assetIds.length };
    if (assetIds.length > config.batchSize) {
      throw new AppError(
        "BATCH_TOO_LARGE",
        `A batch holds at most ${config.batchSize} servers; you selected ${assetIds.length}. Use a connect job to send larger selections in paced waves.`,
        {
          max: config.batchSize,
          requested: assetIds.length,
        },
      );
    }
    const { clientCount } = cluster;
    const [{ already }] = await tx.$queryRaw<[{ already: number }]>`
      SELECT count(*)::int AS already FROM client_connection WHERE cluster_id = ${clusterId}::uuid AND asset_id = ANY(${assetIds}::uuid[])`;
    if (already === assetIds.length) {
      // Nothing to connect (e.g. a repeated wave): no batch, so no interval to respect.
      audit.details = { requested: assetIds.length, alreadyConnected: already };
      return { batchId: null, connected: 0, moved: 0, alreadyConnected: already, clientCount };
    }
    // The cheapest refusal first, so a burst of requests drains the lock queue fast.
    const openedAt = await assertBatchAllowed(tx, cluster);
    await assertEligibleClients(tx, cluster.region, assetIds);
    await assertClusterCanHold(tx, cluster, clientCount, assetIds.length - already);
    const batch = await openPanelBatch(tx, cluster, assetIds.length - already, openedAt);
    const result = await attachClients(tx, clusterId, assetIds, batch.id);
    for (const from of new Set(result.moved.map((m) => m.fromClusterId))) {
      const assets = result.moved.filter((m) => m.fromClusterId === from).map((m) => m.assetId);
      await auditInTx(
        tx,
        ctx,
        "clients.moved_out",
        { type: "cluster", id: from, region: cluster.region },
        { toClusterId: clusterId, toClusterName: cluster.name, assetIds: assets },
      );
    }
    const connected = result.added.length + result.moved.length;
    audit.details = { batchId: batch.id, connected, moved: result.moved, alreadyConnected: result.unchanged.length };
    return {
      batchId: batch.id,
      connected,
      moved: result.moved.length,
      alreadyConnected: result.unchanged.length,
      clientCount: clientCount + connected,
    };
  });
}
