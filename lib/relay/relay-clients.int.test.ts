// The relay's security invariants and cost (SPEC §8), on real PostgreSQL: a proxy vouches only
// for agents of its own cluster, a forged or foreign item is refused alone, a revoked credential
// reaches the proxy in its next heartbeat, and a heartbeat costs the same number of statements
// with 1 or 2,000 joining agents.
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { hashToken, newToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db/client";
import { proxyHeartbeat } from "@/lib/proxies/proxy-heartbeat";
import { ingestProxyData } from "@/lib/relay/ingest-data";
import { withJoinSlot } from "@/lib/relay/relay-gates";
import { insertClient, insertProxy, makeCluster } from "@/lib/testing/fixtures";

const URL = "http://console.test";
const base = {
  proxyVersion: "1.5.0",
  connectedClients: 0,
  bytesRelayed: 0,
  cacheBytes: 0,
  queuedBytes: 0,
  droppedBytes: 0,
  droppedRecords: 0,
  policyVersion: null,
  stopping: false,
};

async function proxyOf(clusterId: string) {
  const proxy = await insertProxy(clusterId, { lastHeartbeatAt: new Date() });
  const principal = { assetId: proxy.assetId, proxyId: proxy.id, name: "proxy" };
  const beat = (clients: {
    joined?: { credential: string; agentVersion: string }[];
    left?: { assetId: string; lastSeenAt: Date }[];
  }) =>
    proxyHeartbeat(principal, proxy.id, { ...base, clients: { joined: clients.joined ?? [], left: clients.left ?? [] } }, URL);
  return { proxy, principal, beat };
}

/** A client of the cluster with a fresh agent credential. */
async function agentOf(clusterId: string) {
  const asset = await insertClient(clusterId);
  const credential = newToken("pag");
  await db().asset.update({
    where: { id: asset.id },
    data: { agentCredentialHash: hashToken(credential), agentLastSeenAt: null },
  });
  return { asset, credential };
}

afterEach(() => vi.restoreAllMocks());

describe("a proxy vouches only for its own cluster's agents", () => {
  it.each([
    ["an agent of its cluster", "own", "accepted"],
    ["an agent of another cluster", "other", "elsewhere"],
    ["an unknown credential", "forged", "refused"],
  ] as const)("%s → %s, the others of the batch applied", async (_name, whose, expected) => {
    const mine = await makeCluster();
    const other = await makeCluster();
    const { proxy, beat } = await proxyOf(mine.id);
    const own = await agentOf(mine.id);
    const foreign = await agentOf(other.id);
    const credential = whose === "own" ? own.credential : whose === "other" ? foreign.credential : newToken("pag");
    const answer = await beat({
      joined: [
        { credential, agentVersion: "3.3.0" },
        { credential: own.credential, agentVersion: "3.3.0" },
      ],
    });
    expect(answer.clients.joined.map((j) => j.status)).toEqual([expected, "accepted"]);
    const vouched = await db().asset.findMany({ where: { viaProxyId: proxy.id }, select: { id: true } });
    expect(vouched.map((a) => a.id)).toEqual([own.asset.id]);
    if (whose === "other") expect(answer.clients.joined[0]).toMatchObject({ route: { mode: "proxy", clusterId: other.id } });
  });

  it("records for an agent outside its cluster are refused alone", async () => {
    const mine = await makeCluster();
    const other = await makeCluster();
    const { proxy, principal } = await proxyOf(mine.id);
    const own = await agentOf(mine.id);
    const foreign = await agentOf(other.id);
    const at = new Date();
    const result = await ingestProxyData(principal, proxy.id, {
      records: [
        { assetId: own.asset.id, type: "process_logs", at, data: { pid: 1 } },
        { assetId: foreign.asset.id, type: "process_logs", at, data: { pid: 2 } },
      ],
    });
    expect(result).toEqual({ received: 2, accepted: 1, refused: 1, duplicates: 0, ackedSeq: null });
    const samples = await db().assetDataSample.findMany({ where: { assetId: { in: [own.asset.id, foreign.asset.id] } } });
    expect(samples.map((s) => s.assetId)).toEqual([own.asset.id]);
  });

  it("another proxy's credential cannot report for this proxy", async () => {
    const mine = await makeCluster();
    const { proxy } = await proxyOf(mine.id);
    const { principal: stranger } = await proxyOf((await makeCluster()).id);
    await expect(proxyHeartbeat(stranger, proxy.id, { ...base, clients: { joined: [], left: [] } }, URL)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("changes reach the proxy in its next heartbeat", () => {
  it("a revoked credential, a disconnect and a leave", async () => {
    const cluster = await makeCluster();
    const { beat } = await proxyOf(cluster.id);
    const a = await agentOf(cluster.id);
    const b = await agentOf(cluster.id);
    const c = await agentOf(cluster.id);
    await beat({ joined: [a, b, c].map((x) => ({ credential: x.credential, agentVersion: "3.3.0" })) });
    // Nothing changed: nothing to say.
    expect((await beat({})).clients.updates).toEqual([]);
    await db().asset.update({ where: { id: a.asset.id }, data: { agentCredentialHash: hashToken(newToken("pag")) } });
    await db().clientConnection.delete({ where: { assetId: b.asset.id } });
    const { updates } = (await beat({ left: [{ assetId: c.asset.id, lastSeenAt: new Date(Date.now() - 5000) }] })).clients;
    expect(updates.map((u) => [u.assetId, u.revoked, u.route.mode]).sort()).toEqual(
      [
        [a.asset.id, true, "proxy"],
        [b.asset.id, false, "direct"],
      ].sort(),
    );
    const rows = await db().asset.findMany({ where: { id: { in: [a.asset.id, b.asset.id, c.asset.id] } } });
    expect(rows.every((r) => r.viaProxyId === null)).toBe(true);
    expect((await beat({})).clients.updates).toEqual([]);
  });
});

describe("a heartbeat's cost does not grow with the agents in it", () => {
  it("the same number of statements for 1 and for 2,000 joining agents", async () => {
    const cluster = await makeCluster();
    const { beat } = await proxyOf(cluster.id);
    const one = await agentOf(cluster.id);
    const many = await Promise.all(Array.from({ length: 2000 }, () => newToken("pag")));
    const count = async (joined: { credential: string; agentVersion: string }[]) => {
      const spy = vi.spyOn(pg.Pool.prototype, "query");
      await beat({ joined });
      const n = spy.mock.calls.length;
      spy.mockRestore();
      return n;
    };
    const small = await count([{ credential: one.credential, agentVersion: "3.3.0" }]);
    const large = await count(many.map((credential) => ({ credential, agentVersion: "3.3.0" })));
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
  });
});

describe("a reconnect wave is paced (issue 16)", () => {
  it("joins arriving while every join slot is busy are deferred, and the heartbeat still counts", async () => {
    const cluster = await makeCluster();
    const { proxy, beat } = await proxyOf(cluster.id);
    const agent = await agentOf(cluster.id);
    const releases: (() => void)[] = [];
    const hold = () => withJoinSlot(() => new Promise<void>((r) => releases.push(r)));
    const held = [hold(), hold()]; // both slots (RELAY_JOIN_CONCURRENCY defaults to 2)
    const before = await db().proxyServer.findUniqueOrThrow({ where: { id: proxy.id } });
    const answer = await beat({ joined: [{ credential: agent.credential, agentVersion: "3.3.0" }] });
    expect(answer.clients.joined).toEqual([]);
    expect(answer.clients.retryAfterSeconds).toBeGreaterThanOrEqual(2);
    expect((await db().asset.findUniqueOrThrow({ where: { id: agent.asset.id } })).viaProxyId).toBeNull();
    const after = await db().proxyServer.findUniqueOrThrow({ where: { id: proxy.id } });
    expect(after.lastHeartbeatAt!.getTime()).toBeGreaterThanOrEqual(before.lastHeartbeatAt!.getTime());
    releases.forEach((r) => r());
    await Promise.all(held);
  });
});
