// Issue 16 through GET /api/v1/clusters/{id}/proxies on real data: what each proxy holds (the
// assets it relays, asset.via_proxy_id), its capacity (R13), its fair share of the cluster's
// relayed clients, the over-capacity flag with its reason, and the last rebalance (the audit
// event cluster.rebalance the rebalance job writes) that moved clients to or from it.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { apiToken, makeCluster } from "@/lib/testing/fixtures";
import { LONG_AGO, servingProxy } from "@/lib/testing/fleet";
import { call } from "@/lib/testing/http";
import * as proxies from "./[id]/proxies/route";

let headers: Record<string, string>;
beforeAll(async () => {
  headers = { authorization: `Bearer ${await apiToken("viewer")}` };
});

type ProxyItem = Record<string, unknown> & { id: string };
type ProxyList = { items: ProxyItem[]; relayedClients: number; lastRebalance: unknown; rebalancePerMinute: number };

const list = (id: string) => call<ProxyList>(proxies.GET, "GET", "/", { params: { id }, headers });

/** `count` assets whose agents this proxy vouches for now (SPEC §8), in one statement. */
async function relay(proxyId: string, count: number) {
  await db().$executeRaw`
    INSERT INTO asset (id, region, type, hostname, os, os_version, provider, ips, via_proxy_id, updated_at)
    SELECT gen_random_uuid(), 'cn', 'host', 'held-' || gen_random_uuid(), 'linux', 'Ubuntu 24.04', 'idc', ARRAY['10.9.0.1'],
           ${proxyId}::uuid, now()
      FROM generate_series(1, ${count})`;
}

/** 1 core / 2 GB: R13 capacity 6,000 × min(1/8, 2/16) = 750. */
const SMALL = { cpuCores: 1, memoryMb: 2048 };

function rebalanceEvent(clusterId: string, at: Date, details: unknown): Prisma.AuditEventCreateManyInput {
  return {
    at,
    actorType: "system",
    actorName: "rebalance",
    action: "cluster.rebalance",
    targetType: "cluster",
    targetId: clusterId,
    outcome: "success",
    details: details as Prisma.InputJsonValue,
  };
}

describe("GET /api/v1/clusters/{id}/proxies: what each proxy holds and why", () => {
  it("held, capacity, fair share over the serving proxies, over capacity because another is offline", async () => {
    const cluster = await makeCluster();
    const a = await servingProxy(cluster.id, SMALL);
    const b = await servingProxy(cluster.id, SMALL);
    const c = await servingProxy(cluster.id, SMALL);
    await db().proxyServer.update({ where: { id: c.id }, data: { lastHeartbeatAt: LONG_AGO } });
    await relay(a.id, 1000);
    await relay(b.id, 700);
    await relay(c.id, 100); // clients that have not failed over yet

    const r = await list(cluster.id);
    expect(r.status).toBe(200);
    // 1,800 relayed, split over the two serving proxies of equal size: 900 each, above 750.
    expect(r.body).toMatchObject({ relayedClients: 1800, lastRebalance: null, rebalancePerMinute: 500 });
    const byId = new Map(r.body.items.map((p) => [p.id, p]));
    expect(byId.get(a.id)).toMatchObject({
      status: "online",
      heldClients: 1000,
      capacity: 750,
      fairShare: 900,
      overShare: true,
      overCapacity: true,
      holdingNote: "others_offline",
      lastRebalance: null,
    });
    expect(byId.get(b.id)).toMatchObject({ heldClients: 700, fairShare: 900, overCapacity: false, holdingNote: null });
    expect(byId.get(c.id)).toMatchObject({
      status: "offline",
      heldClients: 100,
      fairShare: null,
      shareLimit: null,
      overCapacity: false,
      holdingNote: "not_serving",
    });
  });

  it("the last rebalance that moved clients to or from each proxy, with the other proxies' names", async () => {
    const cluster = await makeCluster();
    const other = await makeCluster();
    const a = await servingProxy(cluster.id);
    const b = await servingProxy(cluster.id);
    const c = await servingProxy(cluster.id);
    const gone = randomUUID(); // a proxy deleted since
    await relay(a.id, 480);
    await relay(b.id, 520);
    const hostname = async (id: string) =>
      (await db().proxyServer.findUniqueOrThrow({ where: { id }, include: { asset: true } })).asset.hostname;
    const now = Date.now();
    await db().auditEvent.createMany({
      data: [
        rebalanceEvent(cluster.id, new Date(now - 3_600_000), {
          reason: "spread",
          moved: 40,
          moves: [{ from: gone, to: c.id, count: 40 }],
          shares: [],
        }),
        rebalanceEvent(cluster.id, new Date(now - 120_000), {
          reason: "proxy_joined",
          moved: 480,
          moves: [{ from: b.id, to: a.id, count: 480 }],
          shares: [
            { proxyId: a.id, held: 0, share: 500 },
            { proxyId: b.id, held: 1000, share: 500 },
          ],
        }),
        // Not the agreed shape: left out rather than guessed at.
        rebalanceEvent(cluster.id, new Date(now - 60_000), { reason: "spread", moves: "?" }),
        // Another cluster's rebalance names none of these proxies' cluster.
        rebalanceEvent(other.id, new Date(now - 30_000), {
          reason: "spread",
          moved: 7,
          moves: [{ from: a.id, to: b.id, count: 7 }],
          shares: [],
        }),
      ],
    });

    const r = await list(cluster.id);
    expect(r.body.lastRebalance).toEqual({
      eventId: expect.any(String),
      at: new Date(now - 120_000).toISOString(),
      reason: "proxy_joined",
      moved: 480,
    });
    const byId = new Map(r.body.items.map((p) => [p.id, p]));
    expect(byId.get(a.id)?.lastRebalance).toEqual({
      eventId: (r.body.lastRebalance as { eventId: string }).eventId,
      at: new Date(now - 120_000).toISOString(),
      reason: "proxy_joined",
      took: [{ proxyId: b.id, hostname: await hostname(b.id), count: 480 }],
      gave: [],
    });
    expect(byId.get(b.id)?.lastRebalance).toMatchObject({
      took: [],
      gave: [{ proxyId: a.id, hostname: await hostname(a.id), count: 480 }],
    });
    expect(byId.get(c.id)?.lastRebalance).toMatchObject({
      reason: "spread",
      took: [{ proxyId: gone, hostname: null, count: 40 }],
    });
    // 1,000 relayed over three equal proxies: 334, 333, 333; b's 520 is beyond 333 + 10 %.
    expect(byId.get(b.id)).toMatchObject({ heldClients: 520, fairShare: 333, overShare: true, holdingNote: "paced" });
  });

  it("a cluster without proxies: no items, nothing relayed, no rebalance", async () => {
    const cluster = await makeCluster();
    expect((await list(cluster.id)).body).toMatchObject({ items: [], relayedClients: 0, lastRebalance: null });
  });
});
