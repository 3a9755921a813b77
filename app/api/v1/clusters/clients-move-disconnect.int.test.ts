// Issue #5: connecting a server that is connected elsewhere moves it (R15), audited on both
// clusters; disconnecting (R16) keeps assets and agents — they return to the inventory online.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { clientsApi } from "@/lib/testing/clients-api";
import { apiToken, auditEvents, makeCluster } from "@/lib/testing/fixtures";
import { onlineAssets, servingProxy } from "@/lib/testing/fleet";

let api: ReturnType<typeof clientsApi>;
beforeAll(async () => {
  api = clientsApi(await apiToken("operator"));
});

async function readyCluster() {
  const cluster = await makeCluster();
  await servingProxy(cluster.id);
  return cluster;
}
const count = async (id: string) => (await db().proxyCluster.findUniqueOrThrow({ where: { id } })).clientCount;

describe("R15: one cluster per server; connecting elsewhere moves it", () => {
  it("moves two of three servers, keeps both counts right, and audits the move on both clusters", async () => {
    const [from, to] = [await readyCluster(), await readyCluster()];
    const [a, b, c] = await onlineAssets("cn", 3);
    expect((await api.connect(from.id, [a!, b!])).status).toBe(201);
    const result = await api.connect(to.id, [a!, b!, c!]);
    expect(result).toMatchObject({ status: 201, body: { connected: 3, moved: 2, alreadyConnected: 0, clientCount: 3 } });
    expect([await count(from.id), await count(to.id)]).toEqual([0, 3]);
    expect(await db().clientConnection.count({ where: { clusterId: to.id } })).toBe(3);

    const [connect] = (await auditEvents("clients.connect", to.id)).filter((e) => e.outcome === "success");
    const [movedOut] = await auditEvents("clients.moved_out", from.id);
    expect(connect!.details).toMatchObject({
      moved: [
        { assetId: a, fromClusterId: from.id },
        { assetId: b, fromClusterId: from.id },
      ],
    });
    expect(movedOut).toMatchObject({ outcome: "success", requestId: connect!.requestId, actorType: "token" });
    expect(movedOut!.details).toMatchObject({ toClusterId: to.id, toClusterName: to.name });
    expect((movedOut!.details as { assetIds: string[] }).assetIds.sort()).toEqual([a, b].sort());
  });

  it("re-sending servers already in the cluster connects nothing and opens no batch", async () => {
    const cluster = await readyCluster();
    const ids = await onlineAssets("cn", 2);
    await api.connect(cluster.id, ids);
    const again = await api.connect(cluster.id, ids);
    expect(again).toMatchObject({ status: 201, body: { batchId: null, connected: 0, alreadyConnected: 2, clientCount: 2 } });
    expect(await db().connectionBatch.count({ where: { clusterId: cluster.id } })).toBe(1);
  });
});

describe("R16: disconnect keeps assets and agents", () => {
  it("disconnect all: the list empties, the servers stay in the inventory, online, unconnected", async () => {
    const cluster = await readyCluster();
    const ids = await onlineAssets("cn", 3);
    await api.connect(cluster.id, ids);
    const before = await db().asset.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
    expect(await api.disconnect(cluster.id, { all: true })).toMatchObject({
      status: 200,
      body: { disconnected: 3, clientCount: 0 },
    });
    expect((await api.list(cluster.id)).body.items).toEqual([]);
    const after = await db().asset.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
    expect(after.map((a) => [a.agentCredentialHash, a.agentLastSeenAt])).toEqual(
      before.map((a) => [a.agentCredentialHash, a.agentLastSeenAt]),
    );
    const inventory = await api.assets(`?region=cn&connected=no&limit=500`);
    const shown = inventory.body.items.filter((a) => ids.includes(a.id));
    expect(shown.map((a) => [a.agentStatus, a.cluster])).toEqual(ids.map(() => ["online", null]));
    const [event] = await auditEvents("clients.disconnect", cluster.id);
    expect(event).toMatchObject({ outcome: "success", details: { all: true, disconnected: 3 } });
  });

  it("disconnect some: only those leave, the count follows", async () => {
    const cluster = await readyCluster();
    const [a, b, c] = await onlineAssets("cn", 3);
    await api.connect(cluster.id, [a!, b!, c!]);
    expect(await api.disconnect(cluster.id, { assetIds: [a!, c!] })).toMatchObject({
      status: 200,
      body: { disconnected: 2, clientCount: 1 },
    });
    expect((await api.list(cluster.id)).body.items.map((x) => x.id)).toEqual([b]);
  });
});
