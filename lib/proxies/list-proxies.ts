// GET /api/v1/clusters/{id}/proxies — the server basic info panel: asset facts, agent and proxy
// status from heartbeats (R6, R7), capacity (R13), and whether upgrade is possible (R10).
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { proxyCapacity } from "./capacity";
import { latestRelease } from "./releases";
import { agentStatus, proxyStatus } from "./status";
import { upgradeBlock } from "./upgrade-rules";

export async function listProxies(clusterId: string) {
  const cluster = await db().proxyCluster.findUnique({
    where: { id: clusterId },
    select: { id: true, policy: { select: { version: true } } },
  });
  if (!cluster) throw notFound("Cluster", clusterId);
  const [rows, latest] = await Promise.all([
    db().proxyServer.findMany({
      where: { clusterId },
      orderBy: { createdAt: "asc" },
      include: {
        asset: {
          select: {
            id: true,
            hostname: true,
            ips: true,
            os: true,
            osVersion: true,
            provider: true,
            cpuCores: true,
            memoryMb: true,
            agentVersion: true,
            agentLastSeenAt: true,
          },
        },
      },
    }),
    latestRelease(),
  ]);
  const now = new Date();
  const items = rows.map((p) => {
    const status = proxyStatus(p, now, config.offlineAfterSeconds);
    const agent = agentStatus(p.asset.agentLastSeenAt, now, config.offlineAfterSeconds);
    const upgradeBlockedBy = upgradeBlock({ status, agent, version: p.version, latest: latest?.version ?? null });
    return {
      id: p.id,
      mode: p.mode,
      status,
      agentStatus: agent,
      version: p.version,
      targetVersion: p.targetVersion,
      lastHeartbeatAt: p.lastHeartbeatAt?.toISOString() ?? null,
      /** Agents heard by this proxy within the threshold, as it reports them (SPEC §8). */
      connectedClients: p.connectedClients,
      bytesRelayed: Number(p.bytesRelayed),
      queuedBytes: Number(p.queuedBytes),
      droppedBytes: Number(p.droppedBytes),
      droppedRecords: Number(p.droppedRecords),
      cacheBytes: Number(p.cacheBytes),
      listen: p.listen,
      capacity: proxyCapacity(p.asset.cpuCores, p.asset.memoryMb),
      policyVersion: p.policyVersion,
      policyCurrent: p.policyVersion === cluster.policy?.version,
      canUpgrade: upgradeBlockedBy === null,
      upgradeBlockedBy,
      // R8: only an offline (or never started) proxy can be deleted.
      canDelete: status === "offline" || status === "deploying",
      createdAt: p.createdAt.toISOString(),
      asset: { ...p.asset, agentLastSeenAt: p.asset.agentLastSeenAt?.toISOString() ?? null },
    };
  });
  return { items, latestVersion: latest?.version ?? null, policyVersion: cluster.policy?.version ?? null };
}
