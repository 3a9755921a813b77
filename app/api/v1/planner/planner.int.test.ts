// Issue #7: GET /api/v1/planner?clusterId= and GET /api/v1/clusters/{id}/usage on real data —
// online proxies and their sizes (offline ones do not count), connected clients, the policy's
// bandwidth limit and its 60% headroom, the 80% capacity warning.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { updatePolicy } from "@/lib/policy/policy";
import { apiToken, insertClient, makeCluster, testContext } from "@/lib/testing/fixtures";
import { LONG_AGO, servingProxy, UNKNOWN_ID } from "@/lib/testing/fleet";
import { call, errorOf, fieldPaths } from "@/lib/testing/http";
import * as usage from "../clusters/[id]/usage/route";
import * as planner from "./route";

let headers: Record<string, string>;
beforeAll(async () => {
  headers = { authorization: `Bearer ${await apiToken("viewer")}` };
});

const plan = (query: string) =>
  call<{ plan: Record<string, unknown>; cluster: Record<string, unknown> | null }>(
    planner.GET,
    "GET",
    `/api/v1/planner${query}`,
    { headers },
  );
const usageOf = (id: string) => call<Record<string, unknown>>(usage.GET, "GET", "/", { params: { id }, headers });

async function clients(clusterId: string, n: number) {
  for (let i = 0; i < n; i++) await insertClient(clusterId);
}

describe("GET /api/v1/planner", () => {
  it("plans 15,000 servers on 8c16g: 3 proxies, a domain, 150,000 Kbit/s; no cluster asked, none given", async () => {
    const r = await plan("?servers=15000&proxyCores=8&proxyMemoryGb=16&uplinkKbps=250000");
    expect(r).toMatchObject({
      status: 200,
      body: {
        plan: { proxiesNeeded: 3, domainRequired: true, bandwidthKbps: 150_000, uplinkShare: 0.6, withinBandwidthGuidance: true },
        cluster: null,
      },
    });
  });

  it("with clusterId, starts from the cluster's real numbers", async () => {
    const cluster = await makeCluster();
    await servingProxy(cluster.id); // 6,000
    await servingProxy(cluster.id, { cpuCores: 4, memoryMb: 8192 }); // 3,000
    const silent = await servingProxy(cluster.id, { cpuCores: 16, memoryMb: 32768 });
    await db().proxyServer.update({ where: { id: silent.id }, data: { lastHeartbeatAt: LONG_AGO } }); // offline: not counted
    await clients(cluster.id, 30);
    await updatePolicy(testContext(), cluster.id, { mode: "backflow", bandwidthKbps: 1000, frequencyPerMin: null });
    const r = await plan(`?servers=30&clusterId=${cluster.id}`);
    expect(r.status).toBe(200);
    expect(r.body.cluster).toEqual({
      clusterId: cluster.id,
      clients: 30,
      onlineProxies: 2,
      capacity: 9000,
      capacityUse: 30 / 9000,
      capacityWarning: false,
      proxyCapacities: [6000, 3000],
      unknownSizeProxies: 0,
      largestProxyCapacity: 6000,
      capacityWithoutLargest: 3000,
      survivesLargestLoss: true,
      requiredKbps: 300,
      bandwidthLimitKbps: 1000,
      bandwidth: { requiredKbps: 300, allowedKbps: 600, ok: true, minimumKbps: 500 },
      addressKind: "domain",
    });
    expect((await usageOf(cluster.id)).body).toEqual(r.body.cluster);
    // The plan starts from those two real proxies: 30 servers need nothing more.
    expect(r.body.plan).toMatchObject({
      existing: { proxies: 2, capacity: 9000, largestCapacity: 6000, additionalProxies: 0, totalProxies: 2 },
    });
  });

  it("issue 16: N+1 on request, from the cluster's real proxies and its real clients", async () => {
    const cluster = await makeCluster();
    await servingProxy(cluster.id, { cpuCores: 1, memoryMb: 2048 }); // 750
    await servingProxy(cluster.id, { cpuCores: 1, memoryMb: 1024 }); // 375
    // 600 connected clients, as the connect operations would have counted them.
    await db().proxyCluster.update({ where: { id: cluster.id }, data: { clientCount: 600 } });
    // Losing the 750 leaves 375 for 600 clients: not redundant today.
    expect((await usageOf(cluster.id)).body).toMatchObject({
      clients: 600,
      capacity: 1125,
      proxyCapacities: [750, 375],
      largestProxyCapacity: 750,
      capacityWithoutLargest: 375,
      survivesLargestLoss: false,
    });
    // Proxies of 1 core / 2 GB (750): without redundancy 1,125 ≥ 600, nothing to add; with it, one
    // more (1,875 − 750 = 1,125).
    const base = `?servers=600&proxyCores=1&proxyMemoryGb=2&clusterId=${cluster.id}`;
    expect((await plan(base)).body.plan).toMatchObject({
      redundancy: false,
      existing: { additionalProxies: 0, totalProxies: 2, survivesLargestLoss: false },
    });
    expect((await plan(`${base}&redundancy=true`)).body.plan).toMatchObject({
      perProxyCapacity: 750,
      loadProxies: 1,
      proxiesNeeded: 2,
      redundancy: true,
      existing: { proxies: 2, capacity: 1125, largestCapacity: 750, additionalProxies: 1, totalProxies: 3 },
      domainRequired: true,
    });
  });

  it.each<[number, boolean]>([
    [18, false], // 18 / 23 = 78%
    [19, true], // 19 / 23 = 83%
  ])("warns at 80%% capacity use: %i clients on a proxy that serves 23 → %s", async (n, warning) => {
    const cluster = await makeCluster({ address: "10.1.2.3" });
    await servingProxy(cluster.id, { cpuCores: 1, memoryMb: 64 });
    await clients(cluster.id, n);
    expect((await usageOf(cluster.id)).body).toMatchObject({ capacity: 23, capacityWarning: warning, addressKind: "ipv4" });
  });

  it.each<[number, boolean]>([
    [19, false], // 19 / 25 = 76%
    [20, true], // 20 / 25 = exactly 80%
  ])("warns from exactly 80%%: %i clients on a proxy that serves 25 → %s", async (n, warning) => {
    const cluster = await makeCluster();
    await servingProxy(cluster.id, { cpuCores: 1, memoryMb: 69 }); // floor(6000 × 69/16384) = 25
    await clients(cluster.id, n);
    expect((await usageOf(cluster.id)).body).toMatchObject({ capacity: 25, capacityWarning: warning });
  });

  it("a cluster with clients but no online proxy is at 100% use; cache mode has no bandwidth limit", async () => {
    const cluster = await makeCluster();
    await clients(cluster.id, 2);
    await updatePolicy(testContext(), cluster.id, {
      mode: "cache",
      cacheDir: "/var/aegis",
      cacheMaxBytes: 1024 ** 3,
      dataTypes: ["login_logs"],
    });
    expect((await usageOf(cluster.id)).body).toMatchObject({
      capacity: 0,
      capacityUse: 1,
      capacityWarning: true,
      bandwidthLimitKbps: null,
      bandwidth: null,
    });
  });

  it.each<[string, string, number, string, string[]?]>([
    ["no servers", "", 400, "VALIDATION_FAILED", ["query.servers"]],
    ["negative servers", "?servers=-1", 400, "VALIDATION_FAILED", ["query.servers"]],
    ["zero cores", "?servers=10&proxyCores=0", 400, "VALIDATION_FAILED", ["query.proxyCores"]],
    ["a malformed cluster id", "?servers=10&clusterId=x", 400, "VALIDATION_FAILED", ["query.clusterId"]],
    ["redundancy neither yes nor no", "?servers=10&redundancy=maybe", 400, "VALIDATION_FAILED", ["query.redundancy"]],
    ["an unknown cluster", `?servers=10&clusterId=${UNKNOWN_ID}`, 404, "NOT_FOUND"],
  ])("%s → %i %s", async (_name, query, status, code, fields) => {
    const r = await plan(query);
    expect([r.status, errorOf(r)?.code]).toEqual([status, code]);
    if (fields) expect(fieldPaths(r)).toEqual(fields);
  });
});
