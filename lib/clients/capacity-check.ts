// R13 and R17 for a cluster about to hold `total` clients: the online proxies' capacity, and
// with a custom backflow bandwidth, the clients' need (R14) at most 60% of it.
import { config } from "@/lib/config";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { assertBandwidthHeadroom } from "@/lib/policy/headroom";
import { SIZED_PROXY_SELECT, servingCapacity } from "@/lib/proxies/capacity";

export async function onlineCapacity(tx: Tx, clusterId: string): Promise<{ capacity: number; onlineProxies: number }> {
  const proxies = await tx.proxyServer.findMany({ where: { clusterId }, select: SIZED_PROXY_SELECT });
  const { capacity, onlineProxies } = servingCapacity(proxies, new Date(), config.offlineAfterSeconds);
  return { capacity, onlineProxies };
}

export async function assertClusterCanHold(tx: Tx, cluster: { id: string; name: string }, current: number, adding: number) {
  if (adding <= 0) return;
  const total = current + adding;
  const { capacity, onlineProxies } = await onlineCapacity(tx, cluster.id);
  if (total > capacity) {
    throw new AppError(
      "CAPACITY_EXCEEDED",
      `${cluster.name} would serve ${total} clients but its ${onlineProxies} online proxy server(s) can serve ${capacity} (R13: 6,000 per 8-core/16 GB proxy). It has ${current}; you asked for ${adding} more.`,
      { capacity, onlineProxies, current, requested: adding },
    );
  }
  const policy = await tx.proxyPolicy.findUnique({
    where: { clusterId: cluster.id },
    select: { mode: true, bandwidthKbps: true },
  });
  if (policy?.mode === "backflow" && policy.bandwidthKbps !== null) assertBandwidthHeadroom(total, policy.bandwidthKbps);
}
