// GET /api/v1/clusters/{id}/proxies — the server basic info panel: asset facts, agent and proxy
// status from heartbeats (R6, R7), capacity (R13), and whether upgrade is possible (R10); and
// (issue 16) what each proxy holds: the clients it relays, its fair share, over capacity or not
// and why, and the last rebalance that moved clients to or from it.
import { config } from "@/lib/config";
import { offlineAfterSecondsAt } from "@/lib/liveness/clock";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { proxyCapacity } from "./capacity";
import { heldClients } from "./held-clients";
import { policySync } from "./policy-sync";
import { explainHoldings } from "./holdings";
import { lastRebalanceOf, recentRebalances, type ProxyMove } from "./rebalance-events";
import { latestRelease } from "@/lib/releases/catalog";
import { agentStatus, isServing, proxyStatus } from "./status";
import { stopInstructions } from "./stop-command";
import { upgradeBlock } from "./upgrade-rules";

export async function listProxies(clusterId: string) {
  const cluster = await db().proxyCluster.findUnique({
    where: { id: clusterId },
    select: { id: true, policy: { select: { version: true } } },
  });
  if (!cluster) throw notFound("Cluster", clusterId);
  const [rows, latest, rebalances] = await Promise.all([
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
            agentInstalled: true,
            serviceManager: true,
            serviceRef: true,
          },
        },
      },
    }),
    latestRelease(),
    recentRebalances(clusterId),
  ]);
  const held = await heldClients(rows.map((p) => p.id));
  const now = new Date();
  const statuses = rows.map((p) => proxyStatus(p, now, offlineAfterSecondsAt(now)));
  const capacities = rows.map((p) => proxyCapacity(p.asset.cpuCores, p.asset.memoryMb));
  const { relayedClients, holdings } = explainHoldings(
    rows.map((p, i) => ({ serving: isServing(statuses[i]!), capacity: capacities[i]!, held: held.get(p.id) ?? 0 })),
  );
  const hostnames = new Map(rows.map((p) => [p.id, p.asset.hostname]));
  // A proxy deleted since the rebalance has no hostname any more: null, the id stays.
  const named = (moves: ProxyMove[]) => moves.map((m) => ({ ...m, hostname: hostnames.get(m.proxyId) ?? null }));
  const items = rows.map((p, i) => {
    const status = statuses[i]!;
    const agent = agentStatus(
      { lastSeenAt: p.asset.agentLastSeenAt, installed: p.asset.agentInstalled },
      now,
      offlineAfterSecondsAt(now),
    );
    const upgradeBlockedBy = upgradeBlock({ status, agent, version: p.version, latest: latest?.version ?? null });
    const rebalance = lastRebalanceOf(p.id, rebalances);
    return {
      id: p.id,
      mode: p.mode,
      status,
      agentStatus: agent,
      version: p.version,
      targetVersion: p.targetVersion,
      lastUpgradeFailure:
        p.upgradeFailedVersion && p.upgradeFailedAt
          ? {
              version: p.upgradeFailedVersion,
              outcome: p.upgradeFailedOutcome === "refused" ? ("refused" as const) : ("rolled_back" as const),
              reason: p.upgradeFailedReason ?? "",
              at: p.upgradeFailedAt.toISOString(),
            }
          : null,
      lastHeartbeatAt: p.lastHeartbeatAt?.toISOString() ?? null,
      /** Agents heard by this proxy within the threshold, as it reports them (SPEC §8). */
      connectedClients: p.connectedClients,
      bytesRelayed: Number(p.bytesRelayed),
      queuedBytes: Number(p.queuedBytes),
      droppedBytes: Number(p.droppedBytes),
      droppedRecords: Number(p.droppedRecords),
      cacheBytes: Number(p.cacheBytes),
      listen: p.listen,
      capacity: capacities[i]!,
      /** The clients it relays now (asset.via_proxy_id), its fair share and why it holds what it does (issue 16). */
      heldClients: held.get(p.id) ?? 0,
      fairShare: holdings[i]!.fairShare,
      shareLimit: holdings[i]!.shareLimit,
      overShare: holdings[i]!.overShare,
      overCapacity: holdings[i]!.overCapacity,
      holdingNote: holdings[i]!.note,
      lastRebalance: rebalance
        ? {
            eventId: rebalance.eventId,
            at: rebalance.at.toISOString(),
            reason: rebalance.reason,
            took: named(rebalance.took),
            gave: named(rebalance.gave),
          }
        : null,
      policyVersion: p.policyVersion,
      policyCurrent: p.policyVersion === cluster.policy?.version,
      policySync: policySync(p.policyVersion, cluster.policy?.version),
      canUpgrade: upgradeBlockedBy === null,
      upgradeBlockedBy,
      /** How to stop it on its server, from what it reported at registration (issue 13). */
      stop: stopInstructions({
        mode: p.mode,
        service: { manager: p.serviceManager, ref: p.serviceRef },
        agentService: { manager: p.asset.serviceManager, ref: p.asset.serviceRef },
      }),
      stopRequestedAt: p.stopRequestedAt?.toISOString() ?? null,
      // R8: only an offline (or never started) proxy can be deleted.
      canDelete: status === "offline" || status === "deploying",
      createdAt: p.createdAt.toISOString(),
      asset: {
        id: p.asset.id,
        hostname: p.asset.hostname,
        ips: p.asset.ips,
        os: p.asset.os,
        osVersion: p.asset.osVersion,
        provider: p.asset.provider,
        cpuCores: p.asset.cpuCores,
        memoryMb: p.asset.memoryMb,
        agentInstalled: p.asset.agentInstalled,
        // A server without an agent has no agent version: what it reported was the proxy's.
        agentVersion: p.asset.agentInstalled ? p.asset.agentVersion : null,
        agentLastSeenAt: p.asset.agentInstalled ? (p.asset.agentLastSeenAt?.toISOString() ?? null) : null,
      },
    };
  });
  const last = rebalances[0];
  return {
    items,
    latestVersion: latest?.version ?? null,
    policyVersion: cluster.policy?.version ?? null,
    /** Clients relayed by the cluster's proxies now, the total the fair shares split. */
    relayedClients,
    lastRebalance: last ? { eventId: last.eventId, at: last.at.toISOString(), reason: last.reason, moved: last.moved } : null,
    /** A rebalance moves at most this many clients a minute per cluster (the R12 pace). */
    rebalancePerMinute: config.batchSize,
  };
}
