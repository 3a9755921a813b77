// R15 across clusters (issue 16's rule checks found it): a server connected to A, moved into B
// and C at the same moment, or moved into B while A disconnects it. Each request holds only its
// own cluster's lock; the server must end in one cluster and every cluster's count must match
// its list (a stale read of "where is it now" used to decrement A twice).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { clientsApi } from "@/lib/testing/clients-api";
import { holdClusterLock } from "@/lib/testing/cluster-lock";
import { apiToken, makeCluster } from "@/lib/testing/fixtures";
import { onlineAsset, servingProxy } from "@/lib/testing/fleet";
import type { CallResult } from "@/lib/testing/http";

let api: ReturnType<typeof clientsApi>;
beforeAll(async () => {
  api = clientsApi(await apiToken("operator"));
});

async function readyCluster() {
  const cluster = await makeCluster();
  await servingProxy(cluster.id);
  return cluster;
}

/** The requests queue behind the clusters' locks, then run against the same state. */
async function race(clusterIds: string[], requests: (() => Promise<CallResult>)[]) {
  const lock = await holdClusterLock(clusterIds);
  const results = requests.map((send) => send());
  try {
    await lock.waitForWaiters(requests.length);
  } finally {
    await lock.release();
  }
  return Promise.all(results);
}

/** Each cluster's client_count next to the connections it really has. */
async function counts(ids: string[]) {
  return Promise.all(
    ids.map(async (id) => {
      const { clientCount } = await db().proxyCluster.findUniqueOrThrow({ where: { id } });
      return { counted: clientCount, held: await db().clientConnection.count({ where: { clusterId: id } }) };
    }),
  );
}

describe("R15: moves of one server at once", () => {
  it("into two clusters at once: it ends in one of them, every count right", async () => {
    const [a, b, c] = [await readyCluster(), await readyCluster(), await readyCluster()];
    const server = await onlineAsset("cn");
    expect((await api.connect(a.id, [server.id])).status).toBe(201);

    const results = await race([b.id, c.id], [() => api.connect(b.id, [server.id]), () => api.connect(c.id, [server.id])]);

    expect(results.map((r) => r.status)).toEqual([201, 201]); // the second moves it again
    const ends = await counts([a.id, b.id, c.id]);
    expect(ends.map((e) => e.held).sort()).toEqual([0, 0, 1]);
    for (const e of ends) expect(e.counted).toBe(e.held);
  });

  it("into another cluster while its cluster disconnects it: every count right", async () => {
    const [a, b] = [await readyCluster(), await readyCluster()];
    const server = await onlineAsset("cn");
    expect((await api.connect(a.id, [server.id])).status).toBe(201);

    const results = await race([a.id, b.id], [() => api.connect(b.id, [server.id]), () => api.disconnect(a.id, { all: true })]);

    expect(results.map((r) => r.status)).toEqual([201, 200]);
    const ends = await counts([a.id, b.id]);
    expect(ends[0]).toEqual({ counted: 0, held: 0 });
    expect(ends[1]).toEqual({ counted: 1, held: 1 });
  });
});
