// Queues one proxy's upgrade inside the rollout's transaction, the same way Upgrade does (R10,
// lib/proxies/upgrade-proxy.ts): the task carries the release's digest and signature, the proxy
// shows "upgrading" until it reports the version or that the upgrade failed.
import type { Tx } from "@/lib/db/client";
import { lockProxy } from "@/lib/proxies/lock-proxy";
import { queueProxyUpgrade } from "@/lib/proxies/upgrade-proxy";

export async function queueUpgrade(tx: Tx, proxyId: string, version: string): Promise<void> {
  const release = await tx.proxyRelease.findUnique({
    where: { version },
    select: { version: true, releasedAt: true, notes: true, digest: true, signature: true, size: true },
  });
  await queueProxyUpgrade(tx, await lockProxy(tx, proxyId), release);
}
