// The rules that decide whether servers may become proxies of a cluster, enforced the same way
// for quick deploys and for manual registrations, under the cluster's row lock.
import type { Tx } from "@/lib/db/client";
import { offlineAfterSecondsAt } from "@/lib/liveness/clock";
import { isUniqueViolation } from "@/lib/db/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LockedCluster } from "@/lib/clusters/lock-cluster";
import { isIpAddressKind } from "@/lib/clusters/address";
import { AppError } from "@/lib/http/errors";
import { agentStatus } from "./status";

type Candidate = {
  id: string;
  hostname: string;
  region: string;
  type?: string;
  os: string;
  agentLastSeenAt: Date | null;
  agentInstalled: boolean;
};

/** R4: an IP-address cluster holds at most one proxy server. */
export async function assertRoomForProxies(tx: Tx, cluster: LockedCluster, adding: number) {
  if (!isIpAddressKind(cluster.addressKind)) return;
  const existing = await tx.proxyServer.count({ where: { clusterId: cluster.id } });
  if (existing + adding > 1) {
    throw new AppError(
      "IP_CLUSTER_SINGLE_PROXY",
      `Cluster ${cluster.name} uses the IP address ${cluster.address} and can hold only one proxy server (it has ${existing}). Use a cluster with a domain name for several proxies.`,
      { existing, adding },
    );
  }
}

/** R1, R5 and one cluster per proxy; `needOnlineAgent` for quick deploys. */
export async function assertEligibleProxy(tx: Tx, cluster: LockedCluster, asset: Candidate, needOnlineAgent: boolean) {
  if (asset.region !== cluster.region) {
    throw new AppError(
      "REGION_MISMATCH",
      `${asset.hostname} is in region ${asset.region}; cluster ${cluster.name} is in ${cluster.region}.`,
      { assetId: asset.id },
    );
  }
  // Quick deploy installs the proxy as a service of the host through its agent; a container's
  // agent cannot. A manual deploy runs wherever the operator runs its script, containers included.
  if (needOnlineAgent && asset.type === "container")
    throw new AppError(
      "NOT_ELIGIBLE",
      `${asset.hostname} is a container; quick deploy installs proxies on hosts. Use manual deploy instead.`,
      {
        assetId: asset.id,
        reason: "container",
      },
    );
  if (asset.os !== "linux")
    throw new AppError("NOT_LINUX", `${asset.hostname} runs ${asset.os}; only Linux servers can be proxy servers.`, {
      assetId: asset.id,
    });
  const agent = agentStatus(
    { lastSeenAt: asset.agentLastSeenAt, installed: asset.agentInstalled },
    new Date(),
    offlineAfterSecondsAt(),
  );
  if (needOnlineAgent && agent === "not_installed") {
    throw new AppError(
      "AGENT_OFFLINE",
      `${asset.hostname} has no agent installed; quick deploy needs an online agent. Use manual deploy instead.`,
      { assetId: asset.id, agentStatus: agent },
    );
  }
  if (needOnlineAgent && agent !== "online") {
    throw new AppError(
      "AGENT_OFFLINE",
      `The agent on ${asset.hostname} is offline; quick deploy needs an online agent. Use manual deploy instead.`,
      { assetId: asset.id },
    );
  }
  const existing = await tx.proxyServer.findUnique({ where: { assetId: asset.id }, select: { clusterId: true } });
  if (existing)
    throw new AppError(
      "ALREADY_PROXY",
      `${asset.hostname} is already a proxy server${existing.clusterId === cluster.id ? " of this cluster" : " of another cluster"}.`,
      { assetId: asset.id, clusterId: existing.clusterId },
    );
}

/**
 * Inserts the proxy row. The check above runs under this cluster's lock only: the same server
 * deployed into another cluster at the same moment (maybe on another console instance) loses on
 * the unique asset_id, and that is ALREADY_PROXY too, not a 500.
 */
export async function createProxyRow(tx: Tx, data: Prisma.ProxyServerUncheckedCreateInput, hostname: string) {
  try {
    return await tx.proxyServer.create({ data });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new AppError("ALREADY_PROXY", `${hostname} is already a proxy server of another cluster.`, { assetId: data.assetId });
  }
}
