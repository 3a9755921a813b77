// Issue 16, proxy groups: a domain cluster's minimum of online proxies (1–100, 1 for an IP
// cluster by R4), set at creation and changed later (audited, R20), and the cluster state it
// gives: online (serving ≥ minimum), degraded (some, fewer), offline (none), in the list and
// the detail alike. OFFLINE_AFTER_SECONDS is 2 in the test run (vitest.config.ts).
import { describe, expect, it } from "vitest";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { auditEvents, insertProxy, makeCluster, secondsAgo, testContext, uniqueName } from "@/lib/testing/fixtures";
import { getCluster, listClusters } from "./read-clusters";
import { updateCluster } from "./update-cluster";

const fresh = () => ({ lastHeartbeatAt: new Date() });
const stale = () => ({ lastHeartbeatAt: secondsAgo(config.offlineAfterSeconds + 60) });

describe("the minimum of online proxies: creation and change", () => {
  it("defaults to 1 and is recorded at creation", async () => {
    const plain = await makeCluster();
    expect(plain.minOnlineProxies).toBe(1);
    const group = await makeCluster({ minOnlineProxies: 3 });
    expect(group).toMatchObject({ minOnlineProxies: 3, status: "offline" });
    expect((await auditEvents("cluster.create", group.id))[0]).toMatchObject({ details: { minOnlineProxies: 3 } });
  });

  it.each([
    ["IPv4", "10.2.3.4"],
    ["IPv6", "2001:db8::7"],
  ])("R4: an %s cluster is refused a minimum above 1 at creation, audited, nothing created", async (_kind, address) => {
    const name = uniqueName("ipmin");
    await expect(makeCluster({ name, address, minOnlineProxies: 2 })).rejects.toMatchObject({
      code: "IP_CLUSTER_SINGLE_PROXY",
      status: 422,
      details: { fields: [{ path: "body.minOnlineProxies", code: "ip_cluster_single_proxy" }] },
    });
    expect(await db().proxyCluster.count({ where: { name } })).toBe(0);
    const refused = (await auditEvents("cluster.create")).filter((e) => e.targetName === name);
    expect(refused.map((e) => [e.outcome, e.errorCode])).toEqual([["failure", "IP_CLUSTER_SINGLE_PROXY"]]);
  });

  it("changes on a domain cluster, alone or with the description, audited from → to", async () => {
    const cluster = await makeCluster({ description: "d" });
    const ctx = testContext("carol");
    expect(await updateCluster(ctx, cluster.id, { minOnlineProxies: 3 })).toMatchObject({
      minOnlineProxies: 3,
      description: "d",
    });
    expect(await updateCluster(ctx, cluster.id, { minOnlineProxies: 2, description: "e" })).toMatchObject({
      minOnlineProxies: 2,
      description: "e",
    });
    const events = await auditEvents("cluster.update", cluster.id);
    expect(events.map((e) => e.details)).toEqual([
      { minOnlineProxies: { from: 1, to: 3 } },
      { description: { from: "d", to: "e" }, minOnlineProxies: { from: 3, to: 2 } },
    ]);
    expect(events[0]).toMatchObject({ outcome: "success", actorName: "carol" });
  });

  it("R4: an IP cluster keeps 1 (sending 1 is fine), a higher minimum is refused and audited", async () => {
    const cluster = await makeCluster({ address: "10.9.8.7" });
    expect(await updateCluster(testContext(), cluster.id, { minOnlineProxies: 1 })).toMatchObject({ minOnlineProxies: 1 });
    await expect(updateCluster(testContext(), cluster.id, { minOnlineProxies: 2, description: "x" })).rejects.toMatchObject({
      code: "IP_CLUSTER_SINGLE_PROXY",
    });
    expect(await getCluster(cluster.id)).toMatchObject({ minOnlineProxies: 1, description: "" });
    const events = await auditEvents("cluster.update", cluster.id);
    expect(events.map((e) => [e.outcome, e.errorCode])).toEqual([
      ["success", null],
      ["failure", "IP_CLUSTER_SINGLE_PROXY"],
    ]);
  });

  it.each([
    ["0 on a domain cluster", "min0.example.com", 0],
    ["101 on a domain cluster", "min101.example.com", 101],
    ["2 on an IP cluster", "10.7.7.7", 2],
  ])("the table refuses %s even past the operations", async (_name, address, minimum) => {
    const cluster = await makeCluster({ address });
    await expect(db().proxyCluster.update({ where: { id: cluster.id }, data: { minOnlineProxies: minimum } })).rejects.toThrow(
      /min_online_proxies_check/,
    );
  });
});

describe("cluster state with a minimum: online, degraded, offline, with the counts", () => {
  it.each<[string, number, ("fresh" | "stale")[], "online" | "degraded" | "offline", number]>([
    ["3 of 3 serving, minimum 3", 3, ["fresh", "fresh", "fresh"], "online", 3],
    ["2 of 3 serving, minimum 3", 3, ["stale", "fresh", "fresh"], "degraded", 2],
    ["1 of 3 serving, minimum 2", 2, ["stale", "stale", "fresh"], "degraded", 1],
    ["none of 3 serving, minimum 3", 3, ["stale", "stale", "stale"], "offline", 0],
    ["2 serving, minimum 5 (more than it has)", 5, ["fresh", "fresh"], "degraded", 2],
    ["1 of 2 serving, the default minimum", 1, ["stale", "fresh"], "online", 1],
  ])("%s → %s", async (_name, minimum, proxies, status, online) => {
    const cluster = await makeCluster({ region: "intl", minOnlineProxies: minimum });
    for (const kind of proxies) await insertProxy(cluster.id, kind === "fresh" ? fresh() : stale());
    const counts = { status, onlineProxyCount: online, proxyCount: proxies.length, minOnlineProxies: minimum };
    expect((await listClusters({ region: "intl" })).find((c) => c.id === cluster.id)).toMatchObject(counts);
    expect(await getCluster(cluster.id)).toMatchObject(counts);
  });

  it("raising the minimum turns an online cluster degraded at once; lowering it brings it back", async () => {
    const cluster = await makeCluster();
    await insertProxy(cluster.id, fresh());
    await insertProxy(cluster.id, fresh());
    expect(await getCluster(cluster.id)).toMatchObject({ status: "online" });
    expect(await updateCluster(testContext(), cluster.id, { minOnlineProxies: 3 })).toMatchObject({ status: "degraded" });
    expect(await updateCluster(testContext(), cluster.id, { minOnlineProxies: 2 })).toMatchObject({ status: "online" });
  });
});
