// Agents and proxies that stay online for a whole test. The integration tier runs with a 2 s
// offline threshold, so a "last seen" a day in the future keeps a fixture online however long
// the test takes (status treats a future heartbeat, i.e. clock skew, as fresh).
import { randomUUID } from "node:crypto";
import { hashToken, newToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db/client";
import type { Prisma, Region } from "@/lib/generated/prisma/client";
import { insertAsset } from "./fixtures";

export const ALWAYS = new Date(Date.now() + 86_400_000);
export const LONG_AGO = new Date(Date.now() - 86_400_000);
export const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

export function onlineAsset(region: Region, overrides: Partial<Prisma.AssetUncheckedCreateInput> = {}) {
  return insertAsset(region, { agentLastSeenAt: ALWAYS, ...overrides });
}

/** `count` online Linux hosts in one insert; returns their ids in hostname order. */
export async function onlineAssets(region: Region, count: number, prefix = randomUUID().slice(0, 8)): Promise<string[]> {
  const rows = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    region,
    type: "host" as const,
    hostname: `${prefix}-${String(i).padStart(5, "0")}`,
    os: "linux" as const,
    osVersion: "Ubuntu 24.04",
    provider: "idc" as const,
    ips: [`10.1.${Math.floor(i / 250)}.${(i % 250) + 1}`],
    agentLastSeenAt: ALWAYS,
  }));
  await db().asset.createMany({ data: rows });
  return rows.map((r) => r.id);
}

/** A proxy that serves (online) for the whole test, on an asset of the given size (R13). */
export async function servingProxy(
  clusterId: string,
  size: { cpuCores: number; memoryMb: number } = { cpuCores: 8, memoryMb: 16384 },
) {
  const cluster = await db().proxyCluster.findUniqueOrThrow({ where: { id: clusterId } });
  const asset = await onlineAsset(cluster.region, size);
  return db().proxyServer.create({
    data: { clusterId, assetId: asset.id, mode: "manual", version: "1.5.0", lastHeartbeatAt: ALWAYS },
  });
}

/** An asset with an agent credential (SPEC §7), as registration would leave it. */
export async function agentWithCredential(region: Region = "cn") {
  const credential = newToken("pag");
  const asset = await onlineAsset(region, { agentCredentialHash: hashToken(credential) });
  return { asset, credential, authorization: `Bearer ${credential}` };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
