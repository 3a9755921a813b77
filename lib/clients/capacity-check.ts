// R13 and R17 for a cluster about to hold `total` clients: the online proxies' capacity, and
// with a custom backflow bandwidth, the clients' need (R14) at most 60% of it.
// The numbers are the real ones (issue 16): the clients the cluster holds (client_count, kept in
// the transaction of every connect and disconnect, so it includes clients whose agents are
// briefly silent: they come back to the same proxies) against each serving proxy's own cores and
// memory as its asset last reported them. A serving proxy that never reported them counts 0 and
// is named in the refusal, so "capacity 0" is never a mystery.
import { offlineAfterSecondsAt } from "@/lib/liveness/clock";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { assertBandwidthHeadroom } from "@/lib/policy/headroom";
import { SIZED_PROXY_SELECT, servingCapacity, type ServingCapacity } from "@/lib/proxies/capacity";

export async function onlineCapacity(tx: Tx, clusterId: string): Promise<ServingCapacity> {
  const proxies = await tx.proxyServer.findMany({ where: { clusterId }, select: SIZED_PROXY_SELECT });
  return servingCapacity(proxies, new Date(), offlineAfterSecondsAt());
}

export async function assertClusterCanHold(tx: Tx, cluster: { id: string; name: string }, current: number, adding: number) {
  if (adding <= 0) return;
  const total = current + adding;
  const { capacity, onlineProxies, unknownSizeProxies } = await onlineCapacity(tx, cluster.id);
  if (total > capacity) {
    const unknown =
      unknownSizeProxies > 0
        ? ` ${unknownSizeProxies} of them never reported CPU cores and memory and count as 0 until their agent reports them.`
        : "";
    throw new AppError(
      "CAPACITY_EXCEEDED",
      `${cluster.name} would serve ${total} clients but its ${onlineProxies} online proxy server(s) can serve ${capacity} (6,000 per 8-core/16 GB proxy).${unknown} It has ${current}; you asked for ${adding} more.`,
      { capacity, onlineProxies, unknownSizeProxies, current, requested: adding },
    );
  }
  const policy = await tx.proxyPolicy.findUnique({
    where: { clusterId: cluster.id },
    select: { mode: true, bandwidthKbps: true },
  });
  if (policy?.mode === "backflow" && policy.bandwidthKbps !== null) assertBandwidthHeadroom(total, policy.bandwidthKbps);
}
