// Demo data for both regions (issue #2): ~3,000 assets, groups, tags, three clusters per
// region (an IP one, a domain one, an empty one), proxies, connections, install commands.
// Idempotent: ids are derived from natural keys, so a second run inserts nothing new.
import { createHash, randomBytes } from "node:crypto";
import { createCluster } from "@/lib/clusters/create-cluster";
import { db } from "@/lib/db/client";
import type { OsFamily, Prisma, Provider, Region } from "@/lib/generated/prisma/client";
import { insertUser } from "@/lib/auth/users";
import { systemContext } from "@/lib/http/context";
import { publishReleaseOnce } from "@/lib/releases/publish-release";

const ASSETS_PER_REGION = 1500;
const PROVIDERS: Provider[] = ["alibaba", "aws", "azure", "gcp", "tencent", "huawei", "idc", "other"];
const GROUPS = ["Default", "Production", "Staging", "Development", "DMZ", "Finance"];
const TAGS = ["env:prod", "env:staging", "team:web", "team:db", "pci", "k8s", "legacy"];
const ROLES = ["web", "api", "db", "cache", "batch", "k8s-node", "bastion", "log"];
const LINUX = ["Ubuntu 22.04", "Ubuntu 24.04", "Debian 12", "CentOS 7.9", "Rocky Linux 9", "Alibaba Cloud Linux 3"];
const WINDOWS = ["Windows Server 2019", "Windows Server 2022"];

type ClusterPlan = {
  name: string;
  address: string;
  description: string;
  proxies: number;
  clients: number;
  bandwidthKbps?: number;
};
const CLUSTERS: Record<Region, ClusterPlan[]> = {
  cn: [
    { name: "hangzhou-idc-ip", address: "10.20.0.15", description: "Hangzhou data center, single proxy", proxies: 1, clients: 5 },
    {
      name: "shanghai-vpc",
      address: "proxy.sh.example.internal",
      description: "Shanghai VPC behind SLB",
      proxies: 3,
      clients: 820,
      bandwidthKbps: 20000,
    },
    { name: "beijing-staging", address: "proxy.bj-stg.example.internal", description: "", proxies: 0, clients: 0 },
  ],
  intl: [
    { name: "tokyo-dc-ip", address: "172.16.8.20", description: "Tokyo colocation, single proxy", proxies: 1, clients: 5 },
    {
      name: "frankfurt-vpc",
      address: "proxy.fra.example.net",
      description: "EU VPC, hybrid cloud via VPN",
      proxies: 3,
      clients: 640,
    },
    { name: "singapore-lab", address: "proxy.sg-lab.example.net", description: "", proxies: 0, clients: 0 },
  ],
};

/** Deterministic UUID (v5-shaped) from a natural key. */
export function stableId(key: string): string {
  const h = createHash("sha1").update(key).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/** Small seeded PRNG so every run generates the same fleet. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function buildAssets(region: Region): Prisma.AssetCreateManyInput[] {
  const rand = prng(region === "cn" ? 86 : 1);
  const now = Date.now();
  const subnet = region === "cn" ? 20 : 30;
  return Array.from({ length: ASSETS_PER_REGION }, (_, i) => {
    const role = pick(rand, ROLES);
    const container = role === "k8s-node" ? false : rand() < 0.15;
    const os: OsFamily = !container && rand() < 0.12 ? "windows" : "linux";
    const hostname = `${region}-${role}-${String(i + 1).padStart(4, "0")}`;
    const cores = pick(rand, [2, 4, 8, 8, 16, 32]);
    // 85% of agents heartbeat "now"; without the fleet simulator they go offline after OFFLINE_AFTER_SECONDS.
    const online = rand() < 0.85;
    return {
      id: stableId(`asset:${region}:${hostname}`),
      region,
      type: container ? "container" : "host",
      hostname,
      os,
      osVersion: os === "windows" ? pick(rand, WINDOWS) : pick(rand, LINUX),
      provider: pick(rand, PROVIDERS),
      groupId: stableId(`group:${region}:${pick(rand, GROUPS)}`),
      ips: [`10.${subnet + Math.floor(i / 250)}.${Math.floor(i / 250) % 250}.${(i % 250) + 2}`],
      cpuCores: container ? null : cores,
      memoryMb: container ? null : cores * 2048,
      agentVersion: pick(rand, ["3.2.1", "3.2.1", "3.3.0"]),
      agentLastSeenAt: online
        ? new Date(now - Math.floor(rand() * 20_000))
        : new Date(now - 86_400_000 * (1 + Math.floor(rand() * 10))),
    };
  });
}

async function seedRegion(region: Region, log: (line: string) => void) {
  const prisma = db();
  await prisma.assetGroup.createMany({
    data: GROUPS.map((name) => ({ id: stableId(`group:${region}:${name}`), region, name })),
    skipDuplicates: true,
  });
  await prisma.tag.createMany({
    data: TAGS.map((name) => ({ id: stableId(`tag:${region}:${name}`), region, name })),
    skipDuplicates: true,
  });
  const assets = buildAssets(region);
  const inserted = await prisma.asset.createMany({ data: assets, skipDuplicates: true });
  const rand = prng(region === "cn" ? 7 : 11);
  await prisma.assetTag.createMany({
    data: assets.flatMap((a) =>
      TAGS.filter(() => rand() < 0.25).map((t) => ({ assetId: a.id!, tagId: stableId(`tag:${region}:${t}`) })),
    ),
    skipDuplicates: true,
  });
  log(`seed ${region}: ${inserted.count} new assets`);

  // Proxies are dedicated 8-core/16 GB Linux hosts; clients are the remaining online assets.
  const proxyHosts = assets.filter((a) => a.os === "linux" && a.type === "host" && a.cpuCores === 8);
  const clientPool = assets.filter((a) => !proxyHosts.includes(a));
  let nextProxy = 0;
  let nextClient = 0;
  for (const plan of CLUSTERS[region]) {
    const cluster = await ensureCluster(region, plan);
    const proxyAssets = proxyHosts.slice(nextProxy, nextProxy + plan.proxies);
    nextProxy += plan.proxies;
    const clients = clientPool.slice(nextClient, nextClient + plan.clients);
    nextClient += plan.clients;
    await seedClusterMembers(cluster.id, proxyAssets, clients, plan);
  }
}

async function ensureCluster(region: Region, plan: ClusterPlan) {
  const existing = await db().proxyCluster.findUnique({ where: { region_name: { region, name: plan.name } } });
  if (existing) return existing;
  const ctx = systemContext("demo seed");
  return createCluster(ctx, { region, name: plan.name, address: plan.address, description: plan.description });
}

async function seedClusterMembers(
  clusterId: string,
  proxyAssets: Prisma.AssetCreateManyInput[],
  clients: Prisma.AssetCreateManyInput[],
  plan: ClusterPlan,
) {
  const prisma = db();
  const now = Date.now();
  await prisma.proxyServer.createMany({
    data: proxyAssets.map((a, i) => ({
      id: stableId(`proxy:${a.id}`),
      clusterId,
      assetId: a.id!,
      mode: i === 0 ? "quick" : "manual",
      // The last proxy of a multi-proxy cluster runs the older release, so Upgrade is demonstrable (R10).
      version: i > 0 && i === proxyAssets.length - 1 ? RELEASES[0]!.version : RELEASES[1]!.version,
      lastHeartbeatAt: new Date(now - 5_000),
      policyVersion: 1,
    })),
    skipDuplicates: true,
  });
  // R12: batches of at most 500, more than a minute apart, in the past.
  for (let start = 0, b = 0; start < clients.length; start += 500, b++) {
    const slice = clients.slice(start, start + 500);
    const batchId = stableId(`batch:${clusterId}:${b}`);
    const createdAt = new Date(now - (clients.length / 500 - b + 2) * 3_600_000);
    await prisma.connectionBatch.createMany({
      data: [{ id: batchId, clusterId, source: "panel", size: slice.length, createdAt }],
      skipDuplicates: true,
    });
    await prisma.clientConnection.createMany({
      data: slice.map((a) => ({ assetId: a.id!, clusterId, batchId, connectedAt: createdAt })),
      skipDuplicates: true,
    });
  }
  if (plan.bandwidthKbps) await prisma.proxyPolicy.update({ where: { clusterId }, data: { bandwidthKbps: plan.bandwidthKbps } });
  const clientCount = await prisma.clientConnection.count({ where: { clusterId } });
  await prisma.proxyCluster.update({ where: { id: clusterId }, data: { clientCount } });
}

async function seedInstallCommands(region: Region) {
  const prisma = db();
  const cluster = await prisma.proxyCluster.findUnique({ where: { region_name: { region, name: CLUSTERS[region][1]!.name } } });
  const day = 86_400_000;
  const rows = [
    {
      key: "linux-active",
      os: "linux" as const,
      clusterId: cluster?.id ?? null,
      expiresAt: new Date(Date.now() + 7 * day),
      registrations: 12,
    },
    {
      key: "windows-active",
      os: "windows" as const,
      clusterId: cluster?.id ?? null,
      expiresAt: new Date(Date.now() + 3 * day),
      registrations: 2,
    },
    { key: "linux-expired", os: "linux" as const, clusterId: null, expiresAt: new Date(Date.now() - day), registrations: 40 },
  ];
  await prisma.installCommand.createMany({
    data: rows.map((r) => {
      // The demo tokens are random and thrown away: only their hash is stored (R19).
      const token = randomBytes(24).toString("base64url");
      return {
        id: stableId(`install:${region}:${r.key}`),
        region,
        tokenHash: createHash("sha256").update(token).digest("hex"),
        tokenHint: token.slice(0, 4),
        clusterId: r.clusterId,
        os: r.os,
        provider: "idc" as const,
        groupId: stableId(`group:${region}:Production`),
        expiresAt: r.expiresAt,
        registrations: r.registrations,
        createdBy: "demo seed",
      };
    }),
    skipDuplicates: true,
  });
}

/** Demo logins, documented in the README; only ever created on demo databases. */
export const DEMO_USERS = [
  { email: "admin@example.com", name: "Demo Admin", role: "admin", password: "demo-admin-2026" },
  { email: "operator@example.com", name: "Demo Operator", role: "operator", password: "demo-operator-2026" },
  { email: "viewer@example.com", name: "Demo Viewer", role: "viewer", password: "demo-viewer-2026" },
] as const;

/** Two real releases of the working tree's agent/ (issue 17), oldest first, so Upgrade is demonstrable. */
const RELEASES = [
  { version: "1.4.2", publishedAt: new Date("2026-06-01T00:00:00Z"), notes: "Stability fixes." },
  { version: "1.5.0", publishedAt: new Date("2026-10-15T00:00:00Z"), notes: "Cache mode compression, lower memory use." },
];

async function seedUsers() {
  for (const user of DEMO_USERS) {
    if (await db().user.findUnique({ where: { email: user.email } })) continue;
    await db().$transaction((tx) => insertUser(tx, user));
  }
}

export async function seedDemo(log: (line: string) => void = console.log) {
  await seedUsers();
  for (const r of RELEASES) await publishReleaseOnce({ ...r, publishedBy: "demo seed" });
  for (const region of ["cn", "intl"] as const) {
    await seedRegion(region, log);
    await seedInstallCommands(region);
  }
  await db().appSetting.upsert({
    where: { key: "demo_seeded_at" },
    create: { key: "demo_seeded_at", value: new Date().toISOString() },
    update: { value: new Date().toISOString() },
  });
}
