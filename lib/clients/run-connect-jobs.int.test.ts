// Batch pacer (issue #5): a selection larger than one batch becomes a job whose waves of at most
// 500 go through the connect operation more than BATCH_INTERVAL_SECONDS (2 s here) apart; the
// job lives in PostgreSQL, so a fresh process resumes it after a worker died holding its lease.
import { describe, expect, it, vi } from "vitest";
import { config } from "@/lib/config";
import { db, disconnectDb } from "@/lib/db/client";
import { makeCluster, testContext } from "@/lib/testing/fixtures";
import { onlineAssets, servingProxy, sleep } from "@/lib/testing/fleet";
import { connectBatch } from "./connect-batch";
import { createConnectJob } from "./connect-jobs";
import { runDueConnectJobs } from "./run-connect-jobs";

async function readyCluster() {
  const cluster = await makeCluster();
  await servingProxy(cluster.id);
  return cluster;
}
const job = (id: string) => db().connectJob.findUniqueOrThrow({ where: { id } });

/** Waits until the job's next wave is due (its nextRunAt), then a little more. */
async function untilDue(id: string) {
  await sleep(Math.max(0, (await job(id)).nextRunAt.getTime() - Date.now()) + 50);
}

describe("connect jobs", () => {
  it("1,200 servers: three waves (500, 500, 200), each more than the interval after the last", async () => {
    const cluster = await readyCluster();
    const ids = await onlineAssets("cn", 1200);
    const created = await createConnectJob(testContext(), cluster.id, ids);
    expect(created).toMatchObject({ status: "running", total: 1200, processed: 0 });

    expect(await runDueConnectJobs()).toBe(1);
    expect(await job(created.id)).toMatchObject({ position: 500, connected: 500, waves: 1, status: "running" });
    expect(await runDueConnectJobs()).toBe(0); // the next wave is not due yet
    await untilDue(created.id);
    expect(await runDueConnectJobs()).toBe(1);
    await untilDue(created.id);
    expect(await runDueConnectJobs()).toBe(1);

    expect(await job(created.id)).toMatchObject({ status: "done", position: 1200, connected: 1200, waves: 3 });
    const batches = await db().connectionBatch.findMany({ where: { clusterId: cluster.id }, orderBy: { createdAt: "asc" } });
    expect(batches.map((b) => b.size)).toEqual([500, 500, 200]);
    for (let i = 1; i < batches.length; i++) {
      expect(batches[i]!.createdAt.getTime() - batches[i - 1]!.createdAt.getTime()).toBeGreaterThan(
        config.batchIntervalSeconds * 1000,
      );
    }
    expect((await db().proxyCluster.findUniqueOrThrow({ where: { id: cluster.id } })).clientCount).toBe(1200);
  }, 90_000); // three waves must be more than the interval apart; slow on a loaded machine

  it("resumes after a crash: a live lease is respected, an expired one is taken over, the repeated wave is harmless", async () => {
    const cluster = await readyCluster();
    const ids = await onlineAssets("cn", 600);
    const created = await createConnectJob(testContext(), cluster.id, ids);
    // A worker claimed the job and committed its first wave, then died before recording it.
    await db().connectJob.update({ where: { id: created.id }, data: { leaseUntil: new Date(Date.now() + 60_000) } });
    await connectBatch(testContext(), cluster.id, ids.slice(0, 500));
    expect(await runDueConnectJobs()).toBe(0); // its lease still holds

    await db().connectJob.update({ where: { id: created.id }, data: { leaseUntil: new Date(Date.now() - 1000) } });
    // A restarted console: fresh modules and a fresh database client.
    await disconnectDb();
    vi.resetModules();
    const fresh = await import("./run-connect-jobs");
    expect(await fresh.runDueConnectJobs()).toBe(1);
    expect(await job(created.id)).toMatchObject({ position: 500, connected: 0, waves: 1, status: "running" });
    await untilDue(created.id);
    expect(await fresh.runDueConnectJobs()).toBe(1);
    expect(await job(created.id)).toMatchObject({ status: "done", position: 600, connected: 100, waves: 2 });
    expect(await db().clientConnection.count({ where: { clusterId: cluster.id } })).toBe(600);
    expect(
      (await db().connectionBatch.findMany({ where: { clusterId: cluster.id }, orderBy: { createdAt: "asc" } })).map(
        (b) => b.size,
      ),
    ).toEqual([500, 100]);
  });

  it("waits, with the reason, while the cluster has no online proxy, and goes on once one is back", async () => {
    const cluster = await readyCluster();
    const ids = await onlineAssets("cn", 10);
    const created = await createConnectJob(testContext(), cluster.id, ids);
    // Its proxy silent for longer than the offline threshold (R7): capacity 0 (R13).
    await db().proxyServer.updateMany({ where: { clusterId: cluster.id }, data: { lastHeartbeatAt: new Date(0) } });
    expect(await runDueConnectJobs()).toBe(1);
    const waiting = await job(created.id);
    expect(waiting).toMatchObject({ status: "running", position: 0, connected: 0 });
    expect(waiting.lastError).toMatchObject({ code: "CAPACITY_EXCEEDED", details: { onlineProxies: 0 } });
    expect(waiting.nextRunAt.getTime()).toBeGreaterThan(Date.now());

    await db().proxyServer.updateMany({ where: { clusterId: cluster.id }, data: { lastHeartbeatAt: new Date() } });
    await db().connectJob.update({ where: { id: created.id }, data: { nextRunAt: new Date() } });
    expect(await runDueConnectJobs()).toBe(1);
    expect(await job(created.id)).toMatchObject({ status: "done", connected: 10, lastError: null });
  });

  it("leaves out servers that cannot join and goes on (skipped), and a cancelled job runs no more waves", async () => {
    const cluster = await readyCluster();
    const ids = await onlineAssets("cn", 3);
    await db().asset.update({ where: { id: ids[1]! }, data: { agentLastSeenAt: new Date(0) } });
    const created = await createConnectJob(testContext(), cluster.id, ids);
    // AGENT_OFFLINE drops that server from the job and makes it due again at once, so the same
    // call runs the wave again without it.
    expect(await runDueConnectJobs()).toBe(2);
    expect(await job(created.id)).toMatchObject({ status: "done", connected: 2, skipped: 1, waves: 1 });
    expect(await db().clientConnection.findUnique({ where: { assetId: ids[1]! } })).toBeNull();

    const other = await readyCluster();
    const cancelled = await createConnectJob(testContext(), other.id, await onlineAssets("cn", 2));
    await db().connectJob.update({ where: { id: cancelled.id }, data: { status: "cancelled" } });
    expect(await runDueConnectJobs()).toBe(0);
    expect(await db().clientConnection.count({ where: { clusterId: other.id } })).toBe(0);
  });
});
