// Loads a proxy and locks its cluster row, so proxy changes serialise with deploys (R4, R9).
import { offlineAfterSecondsAt } from "@/lib/liveness/clock";
import type { Tx } from "@/lib/db/client";
import { lockCluster } from "@/lib/clusters/lock-cluster";
import { notFound } from "@/lib/http/errors";
import { agentStatus, proxyStatus } from "./status";

export async function lockProxy(tx: Tx, id: string) {
  const found = await tx.proxyServer.findUnique({ where: { id }, select: { clusterId: true } });
  if (!found) throw notFound("Proxy server", id);
  const cluster = await lockCluster(tx, found.clusterId);
  const proxy = await tx.proxyServer.findUnique({
    where: { id },
    include: {
      asset: { select: { hostname: true, agentLastSeenAt: true, agentInstalled: true, serviceManager: true, serviceRef: true } },
    },
  });
  if (!proxy || !cluster) throw notFound("Proxy server", id);
  const now = new Date();
  return {
    proxy,
    cluster,
    status: proxyStatus(proxy, now, offlineAfterSecondsAt(now)),
    agent: agentStatus(
      { lastSeenAt: proxy.asset.agentLastSeenAt, installed: proxy.asset.agentInstalled },
      now,
      offlineAfterSecondsAt(now),
    ),
  };
}
