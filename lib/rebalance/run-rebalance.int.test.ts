// The rebalance pass (issue 16) on real PostgreSQL: it marks the fewest agents needed, tells them
// through their current proxy which proxy to use, records one audit event, and runs once per
// cluster and interval even when two instances run it at the same moment.
import { describe, expect, it } from "vitest";
import { hashToken, newToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db/client";
import { joinAgents, pendingUpdates } from "@/lib/relay/relay-clients";
import { insertClient, insertProxy, makeCluster, secondsAgo } from "@/lib/testing/fixtures";
import { rebalanceClusters } from "./run-rebalance";

const URL = "http://console.test";

async function proxyAt(clusterId: string, ip: string, lastHeartbeatAt: Date | null = new Date()) {
  const proxy = await insertProxy(clusterId, { lastHeartbeatAt });
  await db().proxyServer.update({ where: { id: proxy.id }, data: { listen: ["0.0.0.0:8080"] } });
  await db().asset.update({ where: { id: proxy.assetId }, data: { ips: [ip], cpuCores: 8, memoryMb: 16 * 1024 } });
  return proxy;
}

/** `n` agents of the cluster that `proxyId` vouches for. */
async function vouched(clusterId: string, proxyId: string, n: number) {
  const agents = [];
  for (let i = 0; i < n; i++) {
    const asset = await insertClient(clusterId);
    const credential = newToken("pag");
    await db().asset.update({
      where: { id: asset.id },
      data: { agentCredentialHash: hashToken(credential), viaCredentialHash: hashToken(credential), viaProxyId: proxyId },
    });
    agents.push({ asset, credential });
  }
  return agents;
}

/** A pass, and what it did to this cluster (other test files' clusters may be in the same pass). */
/** The proxies that are online stay so at `now` (the tier's offline threshold is 2 s). */
const passFor = async (clusterId: string, now: Date, intervalSeconds: number) => {
  await db().proxyServer.updateMany({
    where: { clusterId, lastHeartbeatAt: { gte: secondsAgo(300) } },
    data: { lastHeartbeatAt: now },
  });
  return (await rebalanceClusters(now, intervalSeconds)).filter((r) => r.clusterId === clusterId);
};

const events = (clusterId: string) =>
  db().auditEvent.findMany({ where: { action: "cluster.rebalance", targetId: clusterId }, orderBy: { id: "asc" } });

describe("a rebalance pass", () => {
  it("moves the fewest agents to the proxies that joined, through their current proxy", async () => {
    const cluster = await makeCluster();
    const a = await proxyAt(cluster.id, "10.0.0.1");
    const b = await proxyAt(cluster.id, "10.0.0.2");
    const c = await proxyAt(cluster.id, "10.0.0.3");
    const offline = await proxyAt(cluster.id, "10.0.0.4", secondsAgo(600));
    const agents = await vouched(cluster.id, a.id, 30);
    await vouched(cluster.id, offline.id, 5); // not the console's to move: they fail over by themselves
    const now = new Date();

    const [done] = await passFor(cluster.id, now, 60);
    // Shares 10 each, limit 11: 19 leave a, 10 to one and 9 to the other.
    expect(done!.plan.moved).toBe(19);
    expect(done!.plan.reason).toBe("proxy_joined");
    const marked = await db().asset.findMany({
      where: { moveToProxyId: { not: null } },
      select: { viaProxyId: true, moveToProxyId: true },
    });
    expect(marked).toHaveLength(19);
    expect(marked.every((m) => m.viaProxyId === a.id)).toBe(true);
    expect(marked.filter((m) => m.moveToProxyId === b.id).length + marked.filter((m) => m.moveToProxyId === c.id).length).toBe(
      19,
    );

    const [event] = await events(cluster.id);
    expect(event).toMatchObject({ actorType: "system", targetType: "cluster", outcome: "success" });
    expect(event!.details).toMatchObject({ reason: "proxy_joined", moved: 19 });

    // The giver's next heartbeat answer tells each of them where to go.
    const updates = await pendingUpdates({ id: a.id, clusterId: cluster.id }, URL, new Date());
    expect(updates).toHaveLength(19);
    for (const u of updates) {
      expect(u.route).toMatchObject({ mode: "proxy", clusterId: cluster.id });
      const prefer = u.route.mode === "proxy" ? u.route.prefer : undefined;
      expect([b.id, c.id]).toContain(prefer?.proxyId);
      expect(prefer?.endpoints).toEqual([prefer?.proxyId === b.id ? "10.0.0.2:8080" : "10.0.0.3:8080"]);
    }
    expect(await pendingUpdates({ id: a.id, clusterId: cluster.id }, URL, new Date())).toEqual([]);

    // A pass within the interval does nothing; the next one counts the agents on their way as
    // moved (for two heartbeat intervals and 15 s: 17 s in this tier).
    expect(await passFor(cluster.id, new Date(now.getTime() + 2_000), 60)).toEqual([]);
    expect(await passFor(cluster.id, new Date(now.getTime() + 6_000), 5)).toEqual([]);

    // An agent reporting through its new proxy is vouched for there and no longer on its way.
    const moving = await db().asset.findFirstOrThrow({ where: { moveToProxyId: b.id } });
    const agent = agents.find((x) => x.asset.id === moving.id)!;
    const [joined] = await joinAgents(
      { id: b.id, clusterId: cluster.id },
      [{ credential: agent.credential, agentVersion: "3.3.0" }],
      URL,
      new Date(),
    );
    expect(joined!.status).toBe("accepted");
    expect(await db().asset.findUniqueOrThrow({ where: { id: moving.id } })).toMatchObject({
      viaProxyId: b.id,
      moveToProxyId: null,
    });
    expect(await events(cluster.id)).toHaveLength(1);
  });

  it("runs once when two instances run it at the same moment", async () => {
    const cluster = await makeCluster();
    const a = await proxyAt(cluster.id, "10.0.1.1");
    await proxyAt(cluster.id, "10.0.1.2");
    await vouched(cluster.id, a.id, 20);
    const now = new Date();
    await db().proxyServer.updateMany({ where: { clusterId: cluster.id }, data: { lastHeartbeatAt: now } });
    const [one, two] = await Promise.all([rebalanceClusters(now, 60), rebalanceClusters(now, 60)]);
    const mine = [...one!, ...two!].filter((r) => r.clusterId === cluster.id);
    expect(mine).toHaveLength(1);
    expect(await events(cluster.id)).toHaveLength(1);
    expect(await db().asset.count({ where: { moveToProxyId: { not: null }, viaProxyId: a.id } })).toBe(mine[0]!.plan.moved);
  });

  it("forgets a move not done in time, and plans again from where the agents are", async () => {
    const cluster = await makeCluster();
    const a = await proxyAt(cluster.id, "10.0.4.1");
    await proxyAt(cluster.id, "10.0.4.2");
    await vouched(cluster.id, a.id, 20);
    const now = new Date();
    const [first] = await passFor(cluster.id, now, 5);
    expect(first!.plan.moved).toBe(9); // shares 10/10, limit 11
    // Nobody moved (the target was unreachable): 18 s later the requests are stale.
    const [again] = await passFor(cluster.id, new Date(now.getTime() + 18_000), 5);
    expect(again!.plan.moved).toBe(9);
  });

  it("paces moves at 500 a minute per cluster", async () => {
    const cluster = await makeCluster();
    const a = await proxyAt(cluster.id, "10.0.2.1");
    await proxyAt(cluster.id, "10.0.2.2");
    await vouched(cluster.id, a.id, 200);
    // 90 are over the limit; a 6-second interval may move 50 (500 a minute).
    const [done] = await passFor(cluster.id, new Date(), 6);
    expect(done!.plan.moved).toBe(50);
  });

  it("a proxy that re-reports agents it already vouches for writes nothing", async () => {
    const cluster = await makeCluster();
    const a = await proxyAt(cluster.id, "10.0.3.1");
    const [agent] = await vouched(cluster.id, a.id, 1);
    await db().asset.update({ where: { id: agent!.asset.id }, data: { agentVersion: "3.3.0" } });
    const before = await db().asset.findUniqueOrThrow({ where: { id: agent!.asset.id } });
    const [joined] = await joinAgents(
      { id: a.id, clusterId: cluster.id },
      [{ credential: agent!.credential, agentVersion: "3.3.0" }],
      URL,
      new Date(Date.now() + 5000),
    );
    expect(joined!.status).toBe("accepted");
    const after = await db().asset.findUniqueOrThrow({ where: { id: agent!.asset.id } });
    expect(after.updatedAt).toEqual(before.updatedAt);
  });
});
