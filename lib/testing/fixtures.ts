// Rows that the tests need but whose operations do not exist yet (or are beside the point):
// assets, proxy servers with a given heartbeat, client connections. Straight Prisma inserts.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Prisma, Region } from "@/lib/generated/prisma/client";
import { systemContext, type RequestContext } from "@/lib/http/context";

export function testContext(name = "test"): RequestContext {
  return systemContext(name);
}

export async function insertAsset(region: Region, overrides: Partial<Prisma.AssetUncheckedCreateInput> = {}) {
  return db().asset.create({
    data: {
      region,
      type: "host",
      hostname: `host-${randomUUID().slice(0, 8)}`,
      os: "linux",
      osVersion: "Ubuntu 24.04",
      provider: "idc",
      ips: ["10.0.0.1"],
      cpuCores: 8,
      memoryMb: 16384,
      ...overrides,
    },
  });
}

type ProxyOptions = { lastHeartbeatAt: Date | null; version?: string | null; targetVersion?: string | null };

/** A proxy server on a fresh asset of the cluster's region, with the given last heartbeat. */
export async function insertProxy(clusterId: string, options: ProxyOptions) {
  const cluster = await db().proxyCluster.findUniqueOrThrow({ where: { id: clusterId } });
  const asset = await insertAsset(cluster.region);
  return db().proxyServer.create({
    data: {
      clusterId,
      assetId: asset.id,
      mode: "manual",
      version: options.version === undefined ? "1.0.0" : options.version,
      targetVersion: options.targetVersion ?? null,
      lastHeartbeatAt: options.lastHeartbeatAt,
    },
  });
}

/** A client connected to the cluster; keeps the cluster's client count in step, as connects do. */
export async function insertClient(clusterId: string) {
  const cluster = await db().proxyCluster.findUniqueOrThrow({ where: { id: clusterId } });
  const asset = await insertAsset(cluster.region);
  await db().$transaction([
    db().clientConnection.create({ data: { assetId: asset.id, clusterId } }),
    db().proxyCluster.update({ where: { id: clusterId }, data: { clientCount: { increment: 1 } } }),
  ]);
  return asset;
}

export function secondsAgo(seconds: number, now = Date.now()): Date {
  return new Date(now - seconds * 1000);
}
