// Rows that the tests need but whose operations do not exist yet (or are beside the point):
// assets, proxy servers with a given heartbeat, client connections. Straight Prisma inserts.
import { randomUUID } from "node:crypto";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createCluster } from "@/lib/clusters/create-cluster";
import type { CreateClusterInput } from "@/lib/clusters/schemas";
import { db } from "@/lib/db/client";
import type { Prisma, Region } from "@/lib/generated/prisma/client";
import { systemContext, type RequestContext } from "@/lib/http/context";

export function testContext(name = "test"): RequestContext {
  return systemContext(name);
}

/** A unique name for a test's own rows, so tests in one file never collide. */
export function uniqueName(prefix = "cluster"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** A cluster made through the real operation (R1, R2), with a unique name unless given one. */
export function makeCluster(input: Partial<CreateClusterInput> = {}) {
  return createCluster(testContext(), {
    region: "cn",
    name: uniqueName(),
    address: "proxy.example.com",
    description: "",
    ...input,
  });
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

/** An unexpired, unrevoked install command that connects through the cluster (R19). */
export async function insertInstallCommand(clusterId: string) {
  const cluster = await db().proxyCluster.findUniqueOrThrow({ where: { id: clusterId } });
  return db().installCommand.create({
    data: {
      region: cluster.region,
      clusterId,
      tokenHash: randomUUID().replaceAll("-", "").padEnd(64, "0"),
      tokenHint: "pin_test",
      os: "linux",
      provider: "idc",
      expiresAt: new Date(Date.now() + 3_600_000),
      createdBy: "test",
    },
  });
}

/** Audit events of one action (and optionally one target), oldest first. */
export function auditEvents(action: string, targetId?: string) {
  return db().auditEvent.findMany({ where: { action, ...(targetId ? { targetId } : {}) }, orderBy: { id: "asc" } });
}

/** A bearer token for the operator API, for when the routes enforce roles (issue #3). */
export async function apiToken(role: "admin" | "operator" | "viewer" = "admin"): Promise<string> {
  const created = await createApiToken(testContext(), { name: uniqueName("token"), role, expiresInDays: null });
  return created.token;
}
