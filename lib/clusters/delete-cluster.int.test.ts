// Deleting a cluster: only when it has no proxy servers and no connected clients (R9), under a
// row lock so a proxy or client added concurrently cannot slip in; audited (R20).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { auditEvents, insertClient, insertInstallCommand, insertProxy, makeCluster, testContext } from "@/lib/testing/fixtures";
import { deleteCluster } from "./delete-cluster";
import { lockCluster } from "./lock-cluster";

const UNKNOWN = "00000000-0000-4000-8000-000000000000";

describe("deleteCluster", () => {
  it("R9: deletes an empty cluster with its policy, revokes its install commands, and audits it", async () => {
    const cluster = await makeCluster();
    const command = await insertInstallCommand(cluster.id);
    await deleteCluster(testContext(), cluster.id);
    expect(await db().proxyCluster.findUnique({ where: { id: cluster.id } })).toBeNull();
    expect(await db().proxyPolicy.count({ where: { clusterId: cluster.id } })).toBe(0);
    const after = await db().installCommand.findUniqueOrThrow({ where: { id: command.id } });
    expect(after.revokedAt).not.toBeNull();
    const events = await auditEvents("cluster.delete", cluster.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      outcome: "success",
      targetName: cluster.name,
      region: "cn",
      details: { address: cluster.address, revokedInstallCommands: 1 },
    });
  });

  it.each<[string, { proxies: number; clients: number }]>([
    ["a proxy server", { proxies: 1, clients: 0 }],
    ["a proxy that is still deploying", { proxies: 1, clients: 0 }],
    ["a connected client", { proxies: 0, clients: 1 }],
    ["proxies and clients", { proxies: 2, clients: 3 }],
  ])("R9: refuses a cluster with %s: CLUSTER_NOT_EMPTY, nothing changed, refusal audited", async (what, counts) => {
    const cluster = await makeCluster();
    const command = await insertInstallCommand(cluster.id);
    for (let i = 0; i < counts.proxies; i++) {
      await insertProxy(cluster.id, { lastHeartbeatAt: what.includes("deploying") ? null : new Date(Date.now() - 3_600_000) });
    }
    for (let i = 0; i < counts.clients; i++) await insertClient(cluster.id);
    await expect(deleteCluster(testContext(), cluster.id)).rejects.toMatchObject({ code: "CLUSTER_NOT_EMPTY", details: counts });
    expect(await db().proxyCluster.count({ where: { id: cluster.id } })).toBe(1);
    expect(await db().proxyServer.count({ where: { clusterId: cluster.id } })).toBe(counts.proxies);
    expect(await db().clientConnection.count({ where: { clusterId: cluster.id } })).toBe(counts.clients);
    expect((await db().installCommand.findUniqueOrThrow({ where: { id: command.id } })).revokedAt).toBeNull();
    const events = await auditEvents("cluster.delete", cluster.id);
    expect(events.map((e) => [e.outcome, e.errorCode])).toEqual([["failure", "CLUSTER_NOT_EMPTY"]]);
  });

  it("R9: allows the delete once the proxy and the client are gone", async () => {
    const cluster = await makeCluster();
    const proxy = await insertProxy(cluster.id, { lastHeartbeatAt: null });
    const client = await insertClient(cluster.id);
    await expect(deleteCluster(testContext(), cluster.id)).rejects.toMatchObject({ code: "CLUSTER_NOT_EMPTY" });
    await db().proxyServer.delete({ where: { id: proxy.id } });
    await db().clientConnection.delete({ where: { assetId: client.id } });
    await deleteCluster(testContext(), cluster.id);
    expect(await db().proxyCluster.count({ where: { id: cluster.id } })).toBe(0);
  });

  it("answers NOT_FOUND for an unknown cluster", async () => {
    await expect(deleteCluster(testContext(), UNKNOWN)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("R9: a delete waits for a transaction that holds the cluster lock, then sees what it added", async () => {
    const cluster = await makeCluster();
    let deletion: Promise<unknown> | undefined;
    await db().$transaction(async (tx) => {
      await lockCluster(tx, cluster.id);
      await tx.proxyServer.create({
        data: {
          clusterId: cluster.id,
          assetId: (
            await tx.asset.create({
              data: { region: "cn", type: "host", hostname: "h", os: "linux", osVersion: "x", provider: "idc" },
            })
          ).id,
          mode: "quick",
        },
      });
      // Started while the lock is held: must block until commit, then count the new proxy.
      deletion = deleteCluster(testContext(), cluster.id).then(
        () => "deleted",
        (error: { code?: string }) => error.code ?? error,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    expect(await deletion).toBe("CLUSTER_NOT_EMPTY");
    expect(await db().proxyCluster.count({ where: { id: cluster.id } })).toBe(1);
  });

  it("R9: two simultaneous deletes of an empty cluster — one deletes, the other finds nothing", async () => {
    const cluster = await makeCluster();
    const results = await Promise.allSettled([
      deleteCluster(testContext(), cluster.id),
      deleteCluster(testContext(), cluster.id),
    ]);
    expect(results.map((r) => (r.status === "fulfilled" ? "deleted" : (r.reason as { code?: string }).code)).sort()).toEqual([
      "NOT_FOUND",
      "deleted",
    ]);
  });
});
