// R4 under concurrency (issue #4): two deploys into an IP cluster at the same moment — exactly
// one wins. The cluster's row lock is held until both requests are queued behind it, so they
// really do check the same state, whatever the machine's load.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { publishTestReleases } from "@/lib/testing/releases";
import { holdClusterLock } from "@/lib/testing/cluster-lock";
import { apiToken, makeCluster } from "@/lib/testing/fixtures";
import { onlineAsset } from "@/lib/testing/fleet";
import { errorOf, type CallResult } from "@/lib/testing/http";
import { proxyApi } from "@/lib/testing/proxy-api";

let api: ReturnType<typeof proxyApi>;
beforeAll(async () => {
  await publishTestReleases();
  api = proxyApi(await apiToken("operator"));
});

async function race(clusterId: string, requests: (() => Promise<CallResult>)[]) {
  const lock = await holdClusterLock(clusterId);
  const results = requests.map((send) => send());
  try {
    await lock.waitForWaiters(requests.length);
  } finally {
    await lock.release();
  }
  return (await Promise.all(results)).map((r) => [r.status, errorOf(r)?.code ?? null]);
}

const sorted = (outcomes: unknown[][]) => [...outcomes].sort((a, b) => Number(a[0]) - Number(b[0]));

describe("R4: two concurrent deploys into an IP cluster — exactly one succeeds", () => {
  it("two manual registrations with two valid deploy tokens", async () => {
    const cluster = await makeCluster({ address: "10.20.30.40" });
    const first = (await api.deploy(cluster.id, { mode: "manual" })).body.token;
    const second = (await api.deploy(cluster.id, { mode: "manual" })).body.token;
    const outcomes = await race(cluster.id, [() => api.register(first), () => api.register(second)]);
    expect(sorted(outcomes)).toEqual([
      [201, null],
      [422, "IP_CLUSTER_SINGLE_PROXY"],
    ]);
    expect(await db().proxyServer.count({ where: { clusterId: cluster.id } })).toBe(1);
  });

  it("two quick deploys of different servers", async () => {
    const cluster = await makeCluster({ address: "2001:db8::1" });
    const [a, b] = [await onlineAsset("cn"), await onlineAsset("cn")];
    const outcomes = await race(cluster.id, [
      () => api.deploy(cluster.id, { mode: "quick", assetIds: [a.id] }),
      () => api.deploy(cluster.id, { mode: "quick", assetIds: [b.id] }),
    ]);
    expect(sorted(outcomes)).toEqual([
      [201, null],
      [422, "IP_CLUSTER_SINGLE_PROXY"],
    ]);
    expect(await db().proxyServer.count({ where: { clusterId: cluster.id } })).toBe(1);
    expect(await db().agentTask.count({ where: { assetId: { in: [a.id, b.id] }, type: "deploy_proxy" } })).toBe(1);
  });

  it("one deploy token used twice at once (domain cluster): one proxy, the other use is 410", async () => {
    const cluster = await makeCluster();
    const token = (await api.deploy(cluster.id, { mode: "manual" })).body.token;
    const outcomes = await race(cluster.id, [() => api.register(token), () => api.register(token)]);
    expect(sorted(outcomes)).toEqual([
      [201, null],
      [410, "GONE"],
    ]);
    expect(await db().proxyServer.count({ where: { clusterId: cluster.id } })).toBe(1);
  });
});
